package ca.gc.microacquisition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Micro-Acquisition service: Camunda 7 embedded in Spring Boot. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class MicroAcquisitionApplication {

    public static void main(String[] args) {
        SpringApplication.run(MicroAcquisitionApplication.class, args);
    }
}
