package ca.gc.microacquisition.rules;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Runs inside the engine after the decisions of a new deployment got their versions, and records each new decision
 * version in {@link RuleChangeLog}: who deployed it, when, which decision and version, what changed compared
 * with the version before it, and the reason given ({@link RuleChangeReason}).
 */
public class RuleChangeRecorder implements Deployer {

    private final RuleChangeLog log;

    public RuleChangeRecorder(RuleChangeLog log) {
        this.log = log;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        List<DecisionDefinitionEntity> decisions = deployment.getDeployedArtifacts(DecisionDefinitionEntity.class);
        if (decisions == null || decisions.isEmpty()) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        String user = context.getAuthenticatedUserId();
        OffsetDateTime at = (deployment.getDeploymentTime() != null
                        ? deployment.getDeploymentTime()
                        : ClockUtil.getCurrentTime())
                .toInstant()
                .atOffset(ZoneOffset.UTC);
        for (DecisionDefinitionEntity definition : decisions) {
            DecisionDefinitionEntity previous = previous(context, definition);
            Decision after = decision(deployment.getResource(definition.getResourceName()), definition.getKey());
            Decision before = previous == null
                    ? null
                    : decision(
                            context.getResourceManager()
                                    .findResourceByDeploymentIdAndResourceName(
                                            previous.getDeploymentId(), previous.getResourceName()),
                            previous.getKey());
            List<RuleDiff.Change> changes = after == null ? List.of() : RuleDiff.between(before, after);
            log.record(new RuleChange(
                    UUID.randomUUID(),
                    at,
                    user,
                    definition.getKey(),
                    definition.getName(),
                    definition.getVersion(),
                    previous == null ? null : previous.getVersion(),
                    definition.getId(),
                    deployment.getId(),
                    deployment.getName(),
                    definition.getResourceName(),
                    RuleDiff.summary(changes, previous == null),
                    changes,
                    RuleChangeReason.current()));
        }
    }

    /** The latest earlier version of the same decision (versions deleted by an administrator are skipped). */
    private static DecisionDefinitionEntity previous(CommandContext context, DecisionDefinitionEntity definition) {
        for (int version = definition.getVersion() - 1; version >= 1; version--) {
            DecisionDefinitionEntity found = context.getDecisionDefinitionManager()
                    .findDecisionDefinitionByKeyVersionAndTenantId(
                            definition.getKey(), version, definition.getTenantId());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Decision decision(ResourceEntity resource, String key) {
        if (resource == null || resource.getBytes() == null) {
            return null;
        }
        return Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
                .getModelElementById(key);
    }
}
