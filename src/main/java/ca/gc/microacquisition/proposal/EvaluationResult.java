package ca.gc.microacquisition.proposal;

/** How many proposals passed every criterion. */
public record EvaluationResult(int passingCount) {}
