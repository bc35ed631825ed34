package ca.gc.microacquisition.proposal;

import java.util.UUID;

/** An evaluator's verdict on one proposal for one criterion: result PASS or FAIL with a rationale. */
public record EvaluationEntry(UUID proposalId, String criterionId, String result, String rationale) {}
