package ca.gc.microacquisition.rules;

import ca.gc.microacquisition.identity.AccessGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Runs inside the engine before every new deployment (REST, Camunda Modeler, Java API alike) and decides whether
 * it may go ahead:
 * <ul>
 *   <li>the service's own start-up deployment (no signed-in user) and administrators ({@code camunda-admin}) may
 *       deploy anything;</li>
 *   <li>members of {@code cfob-rules} may deploy decision files only, and only decisions CFOB owns
 *       ({@link RuleTables#KEYS}); {@code SplittingPolicy} goes with {@code ContractSplitting}, in one file;</li>
 *   <li>anyone else is refused, even if someone granted them deployment rights.</li>
 * </ul>
 * Every decision file, whoever deploys it, must pass {@link RuleTableCheck}; a refused file changes nothing (the
 * previous version stays the latest and keeps being used).
 */
public class RuleDeploymentGuard implements Deployer {

    private final RuleTableCheck check;

    public RuleDeploymentGuard(RuleTableCheck check) {
        this.check = check;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return; // a deployment read back into the cache after a restart, not a new one
        }
        CommandContext context = Context.getCommandContext();
        Authentication user = context.getAuthentication();
        boolean unrestricted = user == null
                || user.getUserId() == null
                || context.getAuthorizationManager().isCamundaAdmin(user);
        boolean cfob = !unrestricted
                && user.getGroupIds() != null
                && user.getGroupIds().contains(AccessGroups.CFOB_RULES);
        if (!unrestricted && !cfob) {
            throw new AuthorizationException("User '" + user.getUserId() + "' may not deploy: only CFOB (group "
                    + AccessGroups.CFOB_RULES + ") deploys decision tables, and only administrators deploy anything"
                    + " else.");
        }
        List<String> refused = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (!isDecisionFile(resource.getName())) {
                if (!unrestricted) {
                    refused.add(resource.getName() + " is not a decision table (.dmn)");
                }
                continue;
            }
            DmnModelInstance model = check.check(resource.getName(), resource.getBytes());
            Set<String> keys = new TreeSet<>();
            model.getModelElementsByType(Decision.class).forEach(d -> keys.add(d.getId()));
            if (keys.contains(RuleTables.SPLITTING_POLICY) && !keys.contains(RuleTables.CONTRACT_SPLITTING)) {
                throw new RuleTableException(resource.getName() + " holds " + RuleTables.SPLITTING_POLICY
                        + " without " + RuleTables.CONTRACT_SPLITTING + ": deploy the whole ContractSplitting.dmn,"
                        + " so that both decisions change together.");
            }
            if (!unrestricted) {
                Set<String> unknown = new TreeSet<>(keys);
                unknown.removeAll(RuleTables.KEYS);
                if (!unknown.isEmpty()) {
                    refused.add(resource.getName() + " holds decision(s) " + unknown + " that CFOB does not own");
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new AuthorizationException("User '" + user.getUserId() + "' (CFOB) may deploy only the decision"
                    + " tables " + new TreeSet<>(RuleTables.KEYS) + ": " + String.join("; ", refused)
                    + ". Nothing was deployed.");
        }
    }

    static boolean isDecisionFile(String name) {
        return name != null && (name.endsWith(".dmn") || name.endsWith(".dmn11.xml"));
    }
}
