package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.MicroAcquisitionApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The production profile ({@code postgres}, pointed at an in-memory H2 database) does not start with offline
 * adapters nobody asked for: it stops before any bean or web server exists, naming the settings.
 * ({@link ProductionProfileTest} starts it with the settings.)
 */
class ProductionStartupTest {

    @Test
    void thePostgresProfileWithoutExplicitAdapterSettingsDoesNotStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MicroAcquisitionApplication.class)
                        .profiles("postgres")
                        .run(
                                "--spring.datasource.url=jdbc:h2:mem:production-" + UUID.randomUUID()
                                        + ";DB_CLOSE_DELAY=-1",
                                "--server.port=0")
                        .close())
                .hasMessageContaining("app.payment.provider=sandbox")
                .hasMessageContaining("app.notify.channel=outbox")
                .hasMessageContaining("app.repository.host=local")
                .hasMessageContaining("app.allow-offline-adapters=true");
    }
}
