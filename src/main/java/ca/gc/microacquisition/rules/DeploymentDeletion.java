package ca.gc.microacquisition.rules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One deleted deployment, as recorded when an administrator deleted it.
 *
 * @param deletedBy the administrator who deleted it; {@code null} for the service itself (no signed-in user)
 * @param decisions the decision definitions it held, as {@code key:version}
 * @param cascade   whether its process instances and history were deleted with it
 */
public record DeploymentDeletion(
        UUID id,
        OffsetDateTime deletedAt,
        String deletedBy,
        String deploymentId,
        String deploymentName,
        OffsetDateTime deployedAt,
        List<String> decisions,
        List<String> resources,
        boolean cascade) {}
