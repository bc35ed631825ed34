package ca.gc.microacquisition.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLog;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Production cannot start open. Runs once the configuration files are read, before any bean exists:
 * <ul>
 *   <li>the {@code demo} profile (demo users, password = user id) is the embedded default only: it is never implied
 *       when the operator set a datasource URL (e.g. {@code SPRING_DATASOURCE_URL}) or activated any profile;</li>
 *   <li>under the {@code postgres} profile or on a PostgreSQL database, the offline adapters (sandbox card processor, notification outbox,
 *       local Git host) must be asked for explicitly: either the adapter's own setting set outside the packaged
 *       application.yaml (e.g. {@code APP_PAYMENT_PROVIDER=sandbox}) or {@code app.allow-offline-adapters=true};
 *       otherwise start-up stops and names the missing settings.</li>
 * </ul>
 */
public class SafeStartup implements EnvironmentPostProcessor, Ordered {

    static final String DEMO = "demo";
    static final String POSTGRES = "postgres";
    static final String ALLOW_OFFLINE = "app.allow-offline-adapters";
    static final String DATASOURCE_URL = "spring.datasource.url";

    /** Setting, its offline value, the packaged default, what it is. */
    private record OfflineAdapter(String property, String offlineValue, String what) {}

    private static final List<OfflineAdapter> OFFLINE_ADAPTERS = List.of(
            new OfflineAdapter("app.payment.provider", "sandbox", "the sandbox card processor (no real payment)"),
            new OfflineAdapter("app.notify.channel", "outbox", "the notification outbox (no e-mail is sent)"),
            new OfflineAdapter("app.repository.host", "local", "the local Git host (no GitHub or GitLab)"));

    private final DeferredLog log;

    public SafeStartup(DeferredLogFactory logs) {
        this.log = (DeferredLog) logs.getLog(SafeStartup.class);
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10) has read the files and set the profiles.
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        neverImplyDemo(environment);
        requireExplicitOfflineAdapters(environment);
    }

    private void neverImplyDemo(ConfigurableEnvironment environment) {
        boolean implied = environment.getActiveProfiles().length == 0
                && Arrays.asList(environment.getDefaultProfiles()).contains(DEMO);
        if (implied && setByOperator(environment, DATASOURCE_URL)) {
            environment.setDefaultProfiles();
            log.warn("A datasource URL is set: the demo profile (demo users) is not turned on by default. "
                    + "Set SPRING_PROFILES_ACTIVE (postgres, or demo explicitly).");
        }
    }

    static void requireExplicitOfflineAdapters(ConfigurableEnvironment environment) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains(POSTGRES)
                || environment.getProperty(DATASOURCE_URL, "").startsWith("jdbc:postgresql:");
        if (!production || environment.getProperty(ALLOW_OFFLINE, Boolean.class, false)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (OfflineAdapter adapter : OFFLINE_ADAPTERS) {
            String value = environment.getProperty(adapter.property(), adapter.offlineValue());
            if (adapter.offlineValue().equals(value.strip()) && !setByOperator(environment, adapter.property())) {
                missing.add(adapter.property() + "=" + adapter.offlineValue() + " (" + adapter.what() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "Production (postgres profile or a PostgreSQL database) would run with offline adapters "
                            + "nobody asked for: " + String.join("; ", missing) + ". Choose the real adapters (e.g. "
                            + "APP_PAYMENT_PROVIDER=stripe, APP_NOTIFY_CHANNEL=gc-notify, APP_REPOSITORY_HOST=github), or set "
                            + "each of these settings explicitly in the environment, or set " + ALLOW_OFFLINE
                            + "=true (APP_ALLOW_OFFLINE_ADAPTERS=true) for a trial without real systems. See docs/operations.md.");
        }
    }

    /** Whether the value comes from the operator (environment, command line, an outside file), not our packaged defaults. */
    static boolean setByOperator(ConfigurableEnvironment environment, String property) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if ("configurationProperties".equals(source.getName())) {
                continue;
            }
            if (source.containsProperty(property)) {
                String name = source.getName();
                return !(name.contains("class path resource [application.yaml]")
                        || name.contains("class path resource [application-postgres.yaml]"));
            }
        }
        return false;
    }
}
