package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.process.ProcessScenario.Team;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The operations counters move with what the engine commits in a whole procurement. */
@SpringBootTest(properties = "camunda.bpm.process-engine-name=metricstest")
@ActiveProfiles("test")
@Import(ProcessScenario.class)
class EngineMetricsTest {

    @Autowired
    ProcessScenario scenario;

    @Autowired
    MeterRegistry registry;

    @Test
    void aWholeProcurementCountsOneStartOneCompletionOnePaymentAndItsJobs() {
        double started = count("microacquisition.procurements.started", null, null);
        double completed = count("microacquisition.procurements.finished", "state", "completed");
        double paid = count("microacquisition.payments", "outcome", "SUCCEEDED");
        double jobs = count("microacquisition.jobs.executed", "outcome", "succeeded");

        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        assertThat(count("microacquisition.procurements.started", null, null)).isEqualTo(started + 1);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, java.util.Map.of(), "PASS");
        scenario.deliverCleanWork(pi, team);
        assertThat(count("microacquisition.procurements.finished", "state", "completed"))
                .isEqualTo(completed);
        scenario.accept(pi, team);

        assertThat(count("microacquisition.procurements.finished", "state", "completed"))
                .isEqualTo(completed + 1);
        assertThat(count("microacquisition.payments", "outcome", "SUCCEEDED")).isEqualTo(paid + 1);
        assertThat(count("microacquisition.jobs.executed", "outcome", "succeeded"))
                .isGreaterThan(jobs + 3);
        assertThat(count("microacquisition.procurements.started", null, null)).isEqualTo(started + 1);
    }

    private double count(String name, String tag, String value) {
        Search search = registry.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
