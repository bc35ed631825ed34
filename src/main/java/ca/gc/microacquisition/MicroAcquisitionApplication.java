package ca.gc.microacquisition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Micro-Acquisition service: Camunda 7 embedded in Spring Boot. Spring's generated user (and the password it
 * prints in the log) is off: every chain has its own sign-in.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class MicroAcquisitionApplication {

    public static void main(String[] args) {
        SpringApplication.run(MicroAcquisitionApplication.class, args);
    }
}
