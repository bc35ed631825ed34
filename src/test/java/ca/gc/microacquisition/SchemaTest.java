package ca.gc.microacquisition;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.testsupport.DomainTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application starts: Flyway migrations applied and Hibernate validates the entities against them. */
@DomainTest
class SchemaTest {

    @Autowired
    Flyway flyway;

    @Test
    void migrationsApplyAndEntitiesMatchTheSchema() {
        assertThat(flyway.info().applied()).isNotEmpty();
        assertThat(flyway.info().pending()).isEmpty();
    }
}
