package ca.gc.microacquisition.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Boot test with the demo users, on a random port. The engine has its own name: Camunda's REST API and
 * webapps find engines by name in a registry shared by every application context of the test run, so a test
 * context started later with another engine named "default" would otherwise answer the HTTP calls here.
 * HTTP calls address this engine by name ({@code /engine-rest/engine/identitydemo/...}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=" + IdentityDemoTest.ENGINE)
@ActiveProfiles({"test", "demo"})
public @interface IdentityDemoTest {

    String ENGINE = "identitydemo";
}
