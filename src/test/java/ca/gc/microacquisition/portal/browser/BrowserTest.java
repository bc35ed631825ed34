package ca.gc.microacquisition.portal.browser;

import ca.gc.microacquisition.testsupport.TestPorts;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** A test driving the portal in headless Chromium on a real port (all such tests share one context). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=portalbrowser")
@ActiveProfiles("test")
@Import(TestPorts.class)
public @interface BrowserTest {}
