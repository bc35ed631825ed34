package ca.gc.microacquisition.audit;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP calls as a person: signed in to a Camunda webapp (session cookie), or with HTTP Basic for /staff. */
final class WebClient {

    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    WebClient(int port) {
        this.port = port;
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Signs in to a webapp (cockpit, tasklist) as the demo user; returns the login's HTTP status. */
    int login(String user, String application) throws Exception {
        String camunda = base() + "/camunda";
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(camunda + "/app/" + application + "/" + AuditTest.ENGINE + "/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
        HttpRequest login = HttpRequest.newBuilder(
                        URI.create(camunda + "/api/admin/auth/user/" + AuditTest.ENGINE + "/login/" + application))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                .build();
        return http.send(login, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A GET of the Audit plugin's resource (path after /camunda/api/cockpit/plugin/audit/{engine}/). */
    HttpResponse<String> plugin(String path) throws Exception {
        return get("/camunda/api/cockpit/plugin/audit/" + AuditTest.ENGINE + "/" + path, null);
    }

    HttpResponse<String> get(String path, String basicUser) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), basicUser);
    }

    /** A POST without a body, with HTTP Basic as this user (null: anonymous). */
    /** A JSON POST with an empty object, as a script or an API client sends it. */
    HttpResponse<String> post(String path, String basicUser) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                basicUser);
    }

    /** A POST as an HTML form sends it (what another site can make a signed-in browser send). */
    HttpResponse<String> postForm(String path, String basicUser) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("go=1")),
                basicUser);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String basicUser) throws Exception {
        if (basicUser != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((basicUser + ":" + basicUser).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
