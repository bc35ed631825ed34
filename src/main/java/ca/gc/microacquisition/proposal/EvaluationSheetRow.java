package ca.gc.microacquisition.proposal;

import java.util.UUID;

/** One statement to evaluate: an anonymous proposal's answer to one criterion. */
public record EvaluationSheetRow(
        UUID proposalId, String proposalLabel, String criterionId, String criterionText, String statement) {}
