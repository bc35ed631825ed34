package ca.gc.microacquisition.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.dmn.HitPolicy;

/**
 * The decisions CFOB owns and may change, and what each must keep so that the process can still use it: the hit
 * policy, the output columns the process reads and, where the process tells them apart, the values those columns
 * may take. Inputs and rules are CFOB's to change.
 */
public final class RuleTables {

    public static final String ELIGIBILITY = "Eligibility";
    public static final String CONTRACT_SPLITTING = "ContractSplitting";
    public static final String SPLITTING_POLICY = "SplittingPolicy";
    public static final String QA_GATE = "QaGate";
    public static final String STEP_DEADLINES = "StepDeadlines";

    /** The groups a step may be escalated to (the staff groups of the procurement). */
    static final Set<String> ESCALATION_GROUPS =
            Set.of("managers", "procurement-officers", "evaluators", "qa-reviewers", "finance");

    /**
     * What a decision must keep: hit policies allowed, output names in order, allowed literal output values, and for
     * the step deadlines, which outputs are ISO 8601 durations (the first shorter than the second) and that the
     * last rule matches every input (the default).
     */
    record Shape(
            Set<HitPolicy> hitPolicies,
            List<String> outputs,
            Map<String, Set<String>> literalValues,
            boolean singleRule,
            String requiredDecision,
            List<String> orderedDurations,
            boolean defaultLast) {

        Shape(
                Set<HitPolicy> hitPolicies,
                List<String> outputs,
                Map<String, Set<String>> literalValues,
                boolean singleRule,
                String requiredDecision) {
            this(hitPolicies, outputs, literalValues, singleRule, requiredDecision, List.of(), false);
        }
    }

    static final Map<String, Shape> SHAPES = Map.of(
            ELIGIBILITY, new Shape(Set.of(HitPolicy.COLLECT), List.of("reason"), Map.of(), false, null),
            CONTRACT_SPLITTING,
                    new Shape(
                            Set.of(HitPolicy.COLLECT),
                            List.of("risk", "reason"),
                            Map.of("risk", Set.of("REVIEW", "BLOCK")),
                            false,
                            SPLITTING_POLICY),
            SPLITTING_POLICY,
                    new Shape(
                            Set.of(HitPolicy.UNIQUE, HitPolicy.FIRST, HitPolicy.ANY),
                            List.of(
                                    "windowDays",
                                    "supplierWindowDays",
                                    "threshold",
                                    "nearThresholdRatio",
                                    "supplierReviewLevel",
                                    "minimumPostingHours"),
                            Map.of(),
                            true,
                            null),
            QA_GATE,
                    new Shape(
                            Set.of(HitPolicy.COLLECT),
                            List.of("outcome", "reason"),
                            Map.of("outcome", Set.of("FAIL", "REVIEW")),
                            false,
                            null),
            STEP_DEADLINES,
                    new Shape(
                            Set.of(HitPolicy.FIRST),
                            List.of("remindAfter", "dueAfter", "escalateTo"),
                            Map.of("escalateTo", ESCALATION_GROUPS),
                            false,
                            null,
                            List.of("remindAfter", "dueAfter"),
                            true));

    /** The decision keys CFOB may deploy. */
    public static final Set<String> KEYS = SHAPES.keySet();

    private RuleTables() {}
}
