package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ca.gc.microacquisition.MicroAcquisitionApplication;

/**
 * The production profile ({@code postgres}, pointed at an in-memory H2 database here): it does not start with
 * offline adapters nobody asked for; with explicit settings it starts without demo users, its first administrator
 * comes from configuration and Camunda's first-administrator setup is refused.
 */
class ProductionStartupTest {

    private static final String ENGINE = "production";

    @Test
    void thePostgresProfileWithoutExplicitAdapterSettingsDoesNotStart() {
        assertThatThrownBy(() -> start(List.of()).close())
                .hasMessageContaining("app.payment.provider=sandbox")
                .hasMessageContaining("app.notify.channel=outbox")
                .hasMessageContaining("app.repository.host=local")
                .hasMessageContaining("app.allow-offline-adapters=true");
    }

    @Test
    void withExplicitSettingsThereIsNoDemoUserAndTheFirstAdminSetupIsRefused() throws Exception {
        try (ConfigurableApplicationContext context = start(List.of("--app.allow-offline-adapters=true",
                "--app.bootstrap-admin.user-id=chief", "--app.bootstrap-admin.password=Ch1ef!admin-pass"))) {
            IdentityService identity = context.getBean(IdentityService.class);
            for (DemoIdentities.DemoUser demo : DemoIdentities.USERS) {
                assertThat(identity.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
            }
            assertThat(identity.createUserQuery().memberOfGroup(AccessGroups.CAMUNDA_ADMIN).list())
                    .extracting(u -> u.getId()).containsExactly("chief");
            assertThat(identity.checkPassword("chief", "Ch1ef!admin-pass")).isTrue();

            int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> setup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/camunda/api/admin/setup/" + ENGINE + "/user/create"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\"},"
                            + "\"credentials\":{\"password\":\"Intruder!1234\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(setup.statusCode()).isEqualTo(403);
            assertThat(setup.body()).contains("first-administrator setup is off");
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        }
    }

    private static ConfigurableApplicationContext start(List<String> extra) {
        Path temp;
        try {
            temp = Files.createTempDirectory("microacq-production");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--server.port=0", "--camunda.bpm.process-engine-name=" + ENGINE,
                "--camunda.bpm.job-execution.enabled=false",
                "--app.repository.local.root=" + temp.resolve("repositories"),
                "--app.public-site.export-dir=" + temp.resolve("site"),
                "--app.public-site.export-on-change=false"));
        args.addAll(extra);
        return new SpringApplicationBuilder(MicroAcquisitionApplication.class).profiles("postgres")
                .run(args.toArray(String[]::new));
    }
}
