package ca.gc.microacquisition.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells {@link PilotMetricsTracker} which procurement a decision evaluation recorded in the history belongs to (its
 * process instance), so that the Eligibility and ContractSplitting figures follow the decisions as they are made.
 */
@Component
class PilotMetricsEnginePlugin extends AbstractProcessEnginePlugin {

    private final PilotMetricsTracker tracker;

    /** The decisions whose evaluations the pilot metrics count (PilotFacts). */
    static final Set<String> COUNTED = Set.of("Eligibility", "ContractSplitting");

    PilotMetricsEnginePlugin(PilotMetricsTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                // Only the decisions the metrics count: the step deadlines and the policy read with every task and
                // job would otherwise have each of those transactions recompute the procurement for nothing.
                if (event instanceof HistoricDecisionEvaluationEvent evaluation
                        && evaluation.getRootHistoricDecisionInstance() != null
                        && COUNTED.contains(
                                evaluation.getRootHistoricDecisionInstance().getDecisionDefinitionKey())) {
                    tracker.processInstanceChanged(
                            evaluation.getRootHistoricDecisionInstance().getProcessInstanceId());
                }
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
