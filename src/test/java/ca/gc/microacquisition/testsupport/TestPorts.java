package ca.gc.microacquisition.testsupport;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test stand-ins for the ports and the clock; imported by {@link DomainTest}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestPorts {

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
    }

    @Bean
    @Primary
    public InMemoryNotifier inMemoryNotifier() {
        return new InMemoryNotifier();
    }

    @Bean
    @Primary
    public FakeCardProcessor fakeCardProcessor() {
        return new FakeCardProcessor();
    }

    @Bean
    @Primary
    public FakeRepositoryHost fakeRepositoryHost() {
        return new FakeRepositoryHost();
    }

    @Bean
    public Fixtures fixtures() {
        return new Fixtures();
    }

    @Bean
    @Primary
    public RecordingProcurementEvents recordingProcurementEvents() {
        return new RecordingProcurementEvents();
    }
}
