package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webapps let a user in only to the applications their group may use. */
@IdentityDemoTest
class WebappLoginTest {

    @LocalServerPort
    int port;

    @Test
    void staffLogInToTasklistAndAuditorsToCockpitOnly() throws Exception {
        assertThat(login("manager", "tasklist")).isEqualTo(200);
        assertThat(login("manager", "cockpit")).isEqualTo(403);
        assertThat(login("officer", "admin")).isEqualTo(403);
        assertThat(login("evaluator", "cockpit")).isEqualTo(403);
        assertThat(login("finance", "tasklist")).isEqualTo(200);
        assertThat(login("auditor", "cockpit")).isEqualTo(200);
        assertThat(login("auditor", "tasklist")).isEqualTo(403);
        assertThat(login("cfob", "cockpit")).isEqualTo(200);
        assertThat(login("admin", "admin")).isEqualTo(200);
    }

    private int login(String user, String application) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port + "/camunda";
        // The first request hands out the CSRF token the webapps send back on every change.
        URI app = URI.create(base + "/app/" + application + "/" + IdentityDemoTest.ENGINE + "/");
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(app).GET().build(), HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
        HttpRequest login = HttpRequest.newBuilder(
                        URI.create(base + "/api/admin/auth/user/" + IdentityDemoTest.ENGINE + "/login/" + application))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                .build();
        return http.send(login, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
