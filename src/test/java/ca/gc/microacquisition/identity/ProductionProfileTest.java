package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile ({@code postgres}, on in-memory H2 here) with explicit settings: no demo user, the first
 * administrator comes from configuration, and Camunda's first-administrator setup is refused. A cached test
 * context (not closed mid-run: the Camunda webapps keep static state per started web application).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.process-engine-name=" + ProductionProfileTest.ENGINE,
            "spring.datasource.url=jdbc:h2:mem:production-${random.uuid};DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "camunda.bpm.job-execution.enabled=false",
            "app.repository.local.root=${java.io.tmpdir}/microacq-production-${random.uuid}/repositories",
            "app.public-site.export-dir=${java.io.tmpdir}/microacq-production-${random.uuid}/site",
            "app.public-site.export-on-change=false",
            "app.allow-offline-adapters=true",
            "app.bootstrap-admin.user-id=chief",
            "app.bootstrap-admin.password=Ch1ef!admin-pass"
        })
@ActiveProfiles("postgres")
class ProductionProfileTest {

    static final String ENGINE = "production";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void noDemoUserAndTheFirstAdministratorComesFromConfiguration() {
        for (DemoIdentities.DemoUser demo : DemoIdentities.USERS) {
            assertThat(identity.createUserQuery().userId(demo.id()).count())
                    .as(demo.id())
                    .isZero();
        }
        assertThat(identity.createUserQuery()
                        .memberOfGroup(AccessGroups.CAMUNDA_ADMIN)
                        .list())
                .extracting(u -> u.getId())
                .containsExactly("chief");
        assertThat(identity.checkPassword("chief", "Ch1ef!admin-pass")).isTrue();
    }

    @Test
    void theFirstAdministratorSetupIsRefused() throws Exception {
        HttpResponse<String> setup = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/setup/"
                                        + ENGINE + "/user/create"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\"},"
                                        + "\"credentials\":{\"password\":\"Intruder!1234\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(setup.body()).contains("first-administrator setup is off");
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    }
}
