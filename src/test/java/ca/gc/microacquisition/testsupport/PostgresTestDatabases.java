package ca.gc.microacquisition.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the tests run against PostgreSQL ({@code MA_TEST_DATABASE_URL}, as CI does), every Spring context gets a
 * fresh database of its own on that server, as it gets a fresh in-memory H2 database otherwise: contexts never
 * see each other's procurements, users or rule versions.
 */
public class PostgresTestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String server = environment.getProperty("MA_TEST_DATABASE_URL");
        if (server == null || !server.startsWith("jdbc:postgresql:")) {
            return;
        }
        String name = "ma_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (Connection connection = DriverManager.getConnection(
                        server,
                        environment.getProperty("MA_TEST_DATABASE_USERNAME"),
                        environment.getProperty("MA_TEST_DATABASE_PASSWORD"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name + " on " + server, e);
        }
        String url = server.substring(0, server.lastIndexOf('/') + 1) + name;
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "postgresTestDatabase",
                        Map.<String, Object>of(
                                "spring.datasource.url",
                                url,
                                // also over a test's own H2 credentials (e.g. the production-profile test)
                                "spring.datasource.username",
                                environment.getProperty("MA_TEST_DATABASE_USERNAME", ""),
                                "spring.datasource.password",
                                environment.getProperty("MA_TEST_DATABASE_PASSWORD", ""))));
    }
}
