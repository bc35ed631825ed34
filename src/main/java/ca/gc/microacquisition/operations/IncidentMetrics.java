package ca.gc.microacquisition.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * {@value #OPEN}: the incidents open now, across the cluster (read from the engine's runtime tables at each
 * scrape; the table only holds open incidents, so the count stays cheap however long the history).
 */
@Component
class IncidentMetrics implements MeterBinder {

    static final String OPEN = "microacquisition.incidents.open";

    private final RuntimeService runtime;

    IncidentMetrics(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(OPEN, runtime, r -> r.createIncidentQuery().count())
                .description("Incidents open (every node, every process)")
                .register(registry);
    }
}
