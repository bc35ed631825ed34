package ca.gc.microacquisition.rules.cockpit;

import ca.gc.microacquisition.process.ProcurementsForReports;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Rules page tests' shared context: demo users, a random port, real procurements, and an engine of its own
 * (these tests deploy new rule versions, which other tests' contexts must not see).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=" + RulesTest.ENGINE)
@ActiveProfiles({"test", "demo"})
@Import(ProcurementsForReports.class)
@interface RulesTest {

    String ENGINE = "rulestest";
}
