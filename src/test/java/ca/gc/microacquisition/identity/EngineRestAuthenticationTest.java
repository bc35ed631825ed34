package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IdentityDemoTest
class EngineRestAuthenticationTest {

    private static final String REST = "/engine-rest/engine/" + IdentityDemoTest.ENGINE;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Test
    void anonymousCallsAreRefused() throws Exception {
        HttpResponse<String> response = get(REST + "/process-definition", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        // requester2 is used by no other REST test: a failed login delays that user's next attempts.
        assertThat(get(REST + "/process-definition", "requester2", "not-the-password")
                        .statusCode())
                .isEqualTo(401);
        assertThat(get(REST + "/process-definition", "nobody", "nobody").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aDemoUserIsAuthenticated() throws Exception {
        HttpResponse<String> response = get(REST + "/process-definition", "auditor", "auditor");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void authorizationsApplyToRestCalls() throws Exception {
        // A requester may not read the authorization list; an administrator may.
        assertThat(get(REST + "/authorization?resourceType=0", "requester", "requester")
                        .body())
                .isEqualTo("[]");
        assertThat(get(REST + "/authorization?resourceType=0", "admin", "admin").body())
                .contains("camunda-admin");
        assertThat(get(REST + "/user/manager/profile", "admin", "admin").statusCode())
                .isEqualTo(200);
    }

    @Test
    void expressionsInAdhocTaskQueriesAreRefused() throws Exception {
        String expression = URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8);

        HttpResponse<String> response = get(REST + "/task?assigneeExpression=" + expression, "manager", "manager");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Expressions are forbidden");
        assertThat(get(REST + "/task?assignee=manager", "manager", "manager").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRememberedPasswordStopsWorkingWhenThePasswordChanges() throws Exception {
        User user = identityService.newUser("rest-remembered");
        user.setFirstName("Rest");
        user.setLastName("Remembered");
        user.setPassword("First-pass!word1");
        identityService.saveUser(user);
        try {
            // The second call is answered from the recently verified passwords, without BCrypt.
            assertThat(get(REST + "/process-definition", "rest-remembered", "First-pass!word1")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(get(REST + "/process-definition", "rest-remembered", "First-pass!word1")
                            .statusCode())
                    .isEqualTo(200);

            User changed =
                    identityService.createUserQuery().userId("rest-remembered").singleResult();
            changed.setPassword("Second-pass!word2");
            identityService.saveUser(changed);

            assertThat(get(REST + "/process-definition", "rest-remembered", "First-pass!word1")
                            .statusCode())
                    .isEqualTo(401);
        } finally {
            identityService.deleteUser("rest-remembered");
        }
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (user != null) {
            String credentials =
                    Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
