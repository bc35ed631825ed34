package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.process.ProcurementsForReports;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit tests' shared context: demo users, a random port, real procurements ({@link ProcurementsForReports}),
 * and an engine of its own name, so that HTTP calls to Cockpit and its plugin reach this context's engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=" + AuditTest.ENGINE)
@ActiveProfiles({"test", "demo"})
@Import(ProcurementsForReports.class)
@interface AuditTest {

    String ENGINE = "audittest";
}
