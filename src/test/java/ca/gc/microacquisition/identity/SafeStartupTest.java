package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The demo profile is never implied for a real database; postgres needs the offline adapters asked for. */
class SafeStartupTest {

    static final String PACKAGED =
            "Config resource 'class path resource [application.yaml]' via location " + "'optional:classpath:/'";

    @Test
    void demoIsNotImpliedWhenTheOperatorSetsADatasourceUrl() {
        StandardEnvironment environment = environment(
                Map.of("app.allow-offline-adapters", "true"), Map.of("spring.datasource.url", "jdbc:h2:file:./d"));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "systemEnvironment-like", Map.of("spring.datasource.url", "jdbc:postgresql://db/prod")));
        environment.setDefaultProfiles("demo");
        run(environment);
        assertThat(environment.getDefaultProfiles()).doesNotContain("demo");
        assertThat(environment.acceptsProfiles(org.springframework.core.env.Profiles.of("demo")))
                .isFalse();
    }

    @Test
    void theEmbeddedDefaultKeepsItsDemoUsers() {
        StandardEnvironment environment = environment(Map.of(), Map.of("spring.datasource.url", "jdbc:h2:file:./d"));
        environment.setDefaultProfiles("demo");
        run(environment);
        assertThat(environment.getDefaultProfiles()).containsExactly("demo");
    }

    @Test
    void postgresWithoutExplicitOfflineAdaptersStopsAndNamesTheSettings() {
        StandardEnvironment environment = environment(
                Map.of("app.repository.host", "github"),
                Map.of(
                        "app.payment.provider",
                        "sandbox",
                        "app.notify.channel",
                        "outbox",
                        "app.repository.host",
                        "local"));
        environment.setActiveProfiles("postgres");
        assertThatThrownBy(() -> run(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app.payment.provider=sandbox")
                .hasMessageContaining("app.notify.channel=outbox")
                .hasMessageNotContaining("app.repository.host")
                .hasMessageContaining("app.allow-offline-adapters=true");
    }

    @Test
    void aPostgresqlUrlWithoutAnyProfileIsProductionToo() {
        StandardEnvironment environment = environment(
                Map.of("spring.datasource.url", "jdbc:postgresql://db/prod"),
                Map.of(
                        "app.payment.provider",
                        "sandbox",
                        "app.notify.channel",
                        "outbox",
                        "app.repository.host",
                        "local"));
        environment.setDefaultProfiles("demo");
        assertThatThrownBy(() -> run(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app.repository.host=local");
        assertThat(environment.getDefaultProfiles()).doesNotContain("demo");
    }

    @Test
    void postgresStartsWithExplicitSettingsOrTheSwitch() {
        StandardEnvironment explicit = environment(
                Map.of(
                        "app.payment.provider",
                        "sandbox",
                        "app.notify.channel",
                        "gc-notify",
                        "app.repository.host",
                        "local"),
                Map.of(
                        "app.payment.provider",
                        "sandbox",
                        "app.notify.channel",
                        "outbox",
                        "app.repository.host",
                        "local"));
        explicit.setActiveProfiles("postgres");
        run(explicit);
        StandardEnvironment allowed = environment(
                Map.of("app.allow-offline-adapters", "true"),
                Map.of(
                        "app.payment.provider",
                        "sandbox",
                        "app.notify.channel",
                        "outbox",
                        "app.repository.host",
                        "local"));
        allowed.setActiveProfiles("postgres");
        run(allowed);
        StandardEnvironment notPostgres = environment(Map.of(), Map.of("app.payment.provider", "sandbox"));
        run(notPostgres);
    }

    /** An environment with operator settings over the packaged application.yaml. */
    private static StandardEnvironment environment(Map<String, Object> operator, Map<String, Object> packaged) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("commandLineArgs", operator));
        environment.getPropertySources().addLast(new MapPropertySource(PACKAGED, packaged));
        return environment;
    }

    private static void run(StandardEnvironment environment) {
        new SafeStartup(new DeferredLogs()).postProcessEnvironment(environment, null);
    }
}
