package ca.gc.microacquisition.process;

import ca.gc.microacquisition.splitting.GuardrailPolicy;
import ca.gc.microacquisition.splitting.SplittingPolicy;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Reads the pilot policy (limit, look-back periods, review level, posting period) from the latest version of the
 * {@code SplittingPolicy} decision. The policy
 * is the service's own configuration, so it is read without the caller's authorizations (a manager whose task
 * completion starts the check may not evaluate decisions). There is no fallback in Java: a missing or ambiguous
 * policy stops the check with an error (an incident in Cockpit), so the guardrail never runs on other figures
 * than CFOB's.
 */
@Component
class DecisionGuardrailPolicy implements GuardrailPolicy {

    static final String DECISION_KEY = "SplittingPolicy";

    private final DecisionService decisions;
    private final ProcessEngineConfigurationImpl configuration;

    DecisionGuardrailPolicy(DecisionService decisions, ProcessEngineConfiguration configuration) {
        this.decisions = decisions;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    @Override
    public SplittingPolicy current() {
        DmnDecisionResult result = configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(
                        () -> decisions.evaluateDecisionByKey(DECISION_KEY).evaluate()));
        if (result.size() != 1) {
            throw new IllegalStateException("The " + DECISION_KEY + " decision must give exactly one answer; it gave "
                    + result.size() + ". CFOB: keep exactly one rule in it.");
        }
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        try {
            return new SplittingPolicy(
                    whole(row, "windowDays"),
                    whole(row, "supplierWindowDays"),
                    amount(row, "threshold"),
                    amount(row, "nearThresholdRatio"),
                    amount(row, "supplierReviewLevel"),
                    whole(row, "minimumPostingHours"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + DECISION_KEY + " decision is not usable: " + e.getMessage(), e);
        }
    }

    private static int whole(Map<String, Object> row, String name) {
        return amount(row, name).intValueExact();
    }

    private static BigDecimal amount(Map<String, Object> row, String name) {
        Object value = row.get(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException(
                    "The " + DECISION_KEY + " decision gives no number for '" + name + "' (got " + value + ").");
        }
        return number instanceof BigDecimal b ? b : new BigDecimal(number.toString());
    }
}
