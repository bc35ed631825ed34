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

    /** What a decision must keep: hit policies allowed, output names in order, and allowed literal output values. */
    record Shape(Set<HitPolicy> hitPolicies, List<String> outputs, Map<String, Set<String>> literalValues,
                 boolean singleRule, String requiredDecision) {
    }

    static final Map<String, Shape> SHAPES = Map.of(
            ELIGIBILITY, new Shape(Set.of(HitPolicy.COLLECT), List.of("reason"), Map.of(), false, null),
            CONTRACT_SPLITTING, new Shape(Set.of(HitPolicy.COLLECT), List.of("risk", "reason"),
                    Map.of("risk", Set.of("REVIEW", "BLOCK")), false, SPLITTING_POLICY),
            SPLITTING_POLICY, new Shape(Set.of(HitPolicy.UNIQUE, HitPolicy.FIRST, HitPolicy.ANY),
                    List.of("windowDays", "supplierWindowDays", "threshold", "nearThresholdRatio", "supplierReviewLevel",
                            "minimumPostingHours"), Map.of(), true,
                    null),
            QA_GATE, new Shape(Set.of(HitPolicy.COLLECT), List.of("outcome", "reason"),
                    Map.of("outcome", Set.of("FAIL", "REVIEW")), false, null));

    /** The decision keys CFOB may deploy. */
    public static final Set<String> KEYS = SHAPES.keySet();

    private RuleTables() {
    }
}
