package ca.gc.microacquisition.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Counts what the engine records, as Micrometer counters, from the history events it writes anyway (no extra
 * query, no listener in the models). A count is added only when the engine's transaction commits, so a rolled-back
 * attempt (an optimistic-locking retry, an outage the job retries) is not counted twice.
 * <ul>
 * <li>{@value #STARTED}, {@value #FINISHED} (tag {@code state}: completed, externally_terminated...) — procurements
 * ({@code MicroProcurement} instances);</li>
 * <li>{@value #JOBS} (tag {@code outcome}: succeeded, failed) — asynchronous steps, timers and retries run by
 * this node's job executor (or executed through the API);</li>
 * <li>{@value #PAYMENTS} (tag {@code outcome}: SUCCEEDED, DECLINED...) — card payment attempts, from the
 * {@code paymentStatus} the process records.</li>
 * </ul>
 */
@Component
class EngineMetricsPlugin extends AbstractProcessEnginePlugin {

    static final String PROCESS = "MicroProcurement";
    static final String STARTED = "microacquisition.procurements.started";
    static final String FINISHED = "microacquisition.procurements.finished";
    static final String JOBS = "microacquisition.jobs.executed";
    static final String PAYMENTS = "microacquisition.payments";
    private static final Pattern STATUS = Pattern.compile("[A-Z_]{1,30}");

    private final MeterRegistry registry;
    private final Counter started;
    private final Counter jobsSucceeded;
    private final Counter jobsFailed;

    EngineMetricsPlugin(MeterRegistry registry) {
        this.registry = registry;
        this.started =
                Counter.builder(STARTED).description("Procurements started").register(registry);
        this.jobsSucceeded = jobs("succeeded");
        this.jobsFailed = jobs("failed");
        for (String state : List.of("completed", "externally_terminated", "internally_terminated")) {
            finished(state);
        }
        for (String outcome : List.of("SUCCEEDED", "DECLINED")) {
            payments(outcome);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new Counting());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private Counter jobs(String outcome) {
        return Counter.builder(JOBS)
                .description("Jobs executed, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter finished(String state) {
        return Counter.builder(FINISHED)
                .description("Procurements finished, by end state")
                .tag("state", state)
                .register(registry);
    }

    private Counter payments(String outcome) {
        return Counter.builder(PAYMENTS)
                .description("Card payment attempts, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private final class Counting implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            Counter counter = counterFor(event);
            if (counter == null) {
                return;
            }
            CommandContext command = Context.getCommandContext();
            if (command == null) {
                counter.increment();
            } else {
                command.getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> counter.increment());
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        private Counter counterFor(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent job) {
                if (job.getState() == JobState.SUCCESSFUL.getStateCode()) {
                    return jobsSucceeded;
                }
                return job.getState() == JobState.FAILED.getStateCode() ? jobsFailed : null;
            }
            if (!PROCESS.equals(event.getProcessDefinitionKey())) {
                return null;
            }
            if (event instanceof HistoricProcessInstanceEventEntity instance) {
                if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
                    return started;
                }
                if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
                    String state = instance.getState() == null
                            ? "unknown"
                            : instance.getState().toLowerCase(Locale.ROOT);
                    return finished(state);
                }
                return null;
            }
            if (event instanceof HistoricVariableUpdateEventEntity variable
                    && "paymentStatus".equals(variable.getVariableName())
                    && (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                            || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE))) {
                String outcome = variable.getTextValue();
                return payments(outcome != null && STATUS.matcher(outcome).matches() ? outcome : "OTHER");
            }
            return null;
        }
    }
}
