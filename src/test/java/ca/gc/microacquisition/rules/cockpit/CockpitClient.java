package ca.gc.microacquisition.rules.cockpit;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** HTTP calls as a person signed in to Cockpit (session cookie and CSRF token, as the browser sends them). */
final class CockpitClient {

    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String token = "";

    CockpitClient(int port) {
        this.port = port;
    }

    /** Signs in to Cockpit as the demo user; returns the login's HTTP status. */
    int login(String user) throws Exception {
        String camunda = "http://localhost:" + port + "/camunda";
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(camunda + "/app/cockpit/" + RulesTest.ENGINE + "/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
        HttpRequest login = HttpRequest.newBuilder(
                        URI.create(camunda + "/api/admin/auth/user/" + RulesTest.ENGINE + "/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                .build();
        HttpResponse<String> response = http.send(login, HttpResponse.BodyHandlers.ofString());
        token = response.headers().firstValue("X-XSRF-TOKEN").orElse(token);
        return response.statusCode();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/camunda/api/cockpit/plugin/rules/" + RulesTest.ENGINE + "/" + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        token = response.headers().firstValue("X-XSRF-TOKEN").orElse(token);
        return response;
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
