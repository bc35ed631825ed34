package ca.gc.microacquisition.rules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One new version of a decision, as recorded when it was deployed.
 *
 * @param changedBy       the signed-in user who deployed it; {@code null} for the service's own start-up deployment
 * @param previousVersion the version it replaced as the latest, {@code null} for the first version
 * @param changes         what changed compared with the previous version (for a first version: every rule)
 * @param reason          why, as the person who deployed it said; {@code null} when nobody said
 */
public record RuleChange(
        UUID id,
        OffsetDateTime changedAt,
        String changedBy,
        String decisionKey,
        String decisionName,
        int version,
        Integer previousVersion,
        String decisionDefinitionId,
        String deploymentId,
        String deploymentName,
        String resourceName,
        String summary,
        List<RuleDiff.Change> changes,
        String reason) {}
