package ca.gc.microacquisition.rules;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An engine command interceptor (appended to the engine's pre-transaction interceptors by
 * {@link RulesEnginePlugin}) that guards, for every caller (engine REST API, webapps' engine API, Java API):
 * <ul>
 *   <li><b>Deleting a deployment</b>: administrators only (anyone else gets 403, even with a DELETE grant such as the
 *       ALL Camunda gives a user on their own deployment). Each deletion is recorded in {@link RuleChangeLog} (who,
 *       when, which deployment and decisions, cascade or not) in the same transaction as the deletion.</li>
 *   <li><b>Deleting or shortening history</b>: deleting historic decision or process instances, setting their removal
 *       time, changing a decision's history time to live, deleting a process definition with its history, and
 *       running the history cleanup: administrators only.</li>
 *   <li><b>Evaluating a decision</b> through the decision service: refused (400) when the decision's file uses an
 *       expression language other than FEEL, so a table deployed before that rule existed cannot run code. The DMN
 *       engine itself is FEEL-only as well ({@link FeelOnlyExpressions}).</li>
 * </ul>
 * Calls without a signed-in user are the service's own (start-up, jobs such as the history cleanup) and pass.
 */
public class RuleCommandGuard extends CommandInterceptor {

    private static final String DELETE_DEPLOYMENT = "org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd";

    /** Commands that delete or shorten history; administrators only. */
    static final Set<String> HISTORY_COMMANDS = Set.of(
            "org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd",
            "org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd",
            "org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd",
            "org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd",
            "org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd",
            "org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd",
            "org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd",
            "org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd",
            "org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd",
            "org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd",
            "org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsCmd");

    private static final Set<String> EVALUATE_COMMANDS = Set.of(
            "org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd",
            "org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd");

    static final String DELETE_REFUSAL = "Only administrators may delete a deployment: deleting one would erase"
            + " decision versions and their history. User '%s' may not. Nothing was deleted.";
    static final String HISTORY_REFUSAL = "Only administrators may delete history or shorten how long it is kept."
            + " User '%s' may not. Nothing was changed.";

    private final ProcessEngineConfigurationImpl configuration;
    private final RuleChangeLog log;
    private final TransactionTemplate transactions;
    /** Decision definition id → the non-FEEL language problems of its file (empty: FEEL only). Files never change. */
    private final Map<String, List<String>> languageProblems = new ConcurrentHashMap<>();

    public RuleCommandGuard(
            ProcessEngineConfigurationImpl configuration, RuleChangeLog log, TransactionTemplate transactions) {
        this.configuration = configuration;
        this.log = log;
        this.transactions = transactions;
    }

    @Override
    public <T> T execute(Command<T> command) {
        String type = command.getClass().getName();
        if (DELETE_DEPLOYMENT.equals(type)) {
            return deleteDeployment(command);
        }
        if (HISTORY_COMMANDS.contains(type)) {
            Authentication user = signedIn();
            if (user != null && !isAdmin(user)) {
                throw new AuthorizationException(String.format(HISTORY_REFUSAL, user.getUserId()));
            }
        }
        if (EVALUATE_COMMANDS.contains(type)) {
            refuseOtherLanguages(command);
        }
        return next.execute(command);
    }

    private <T> T deleteDeployment(Command<T> command) {
        Authentication user = signedIn();
        if (user != null && !isAdmin(user)) {
            throw new AuthorizationException(String.format(DELETE_REFUSAL, user.getUserId()));
        }
        String deploymentId = (String) field(command, "deploymentId");
        boolean cascade = Boolean.TRUE.equals(field(command, "cascade"));
        return transactions.execute(status -> {
            RepositoryService repository = configuration.getRepositoryService();
            Deployment deployment = deploymentId == null
                    ? null
                    : repository
                            .createDeploymentQuery()
                            .deploymentId(deploymentId)
                            .singleResult();
            List<String> decisions = new ArrayList<>();
            List<String> resources = new ArrayList<>();
            if (deployment != null) {
                repository
                        .createDecisionDefinitionQuery()
                        .deploymentId(deploymentId)
                        .list()
                        .forEach(d -> decisions.add(d.getKey() + ":" + d.getVersion()));
                repository.getDeploymentResources(deploymentId).forEach(r -> resources.add(r.getName()));
            }
            T result = next.execute(command);
            if (deployment != null) {
                log.recordDeletion(new DeploymentDeletion(
                        UUID.randomUUID(),
                        ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC),
                        user == null ? null : user.getUserId(),
                        deploymentId,
                        deployment.getName(),
                        deployment.getDeploymentTime() == null
                                ? null
                                : deployment.getDeploymentTime().toInstant().atOffset(ZoneOffset.UTC),
                        decisions,
                        resources,
                        cascade));
            }
            return result;
        });
    }

    private void refuseOtherLanguages(Command<?> command) {
        String id = (String) field(command, "decisionDefinitionId");
        String key = (String) field(command, "decisionDefinitionKey");
        Integer version = (Integer) field(command, "version");
        String tenantId = (String) field(command, "decisionDefinitionTenantId");
        boolean tenantSet = Boolean.TRUE.equals(field(command, "isTenandIdSet"));
        DecisionDefinition definition = next.execute(context -> context.runWithoutAuthorization(() -> {
            DecisionDefinitionQuery query = configuration.getRepositoryService().createDecisionDefinitionQuery();
            if (id != null) {
                query.decisionDefinitionId(id);
            } else if (key != null) {
                query.decisionDefinitionKey(key);
                if (version != null) {
                    query.decisionDefinitionVersion(version);
                } else {
                    query.latestVersion();
                }
                if (tenantSet && tenantId != null) {
                    query.tenantIdIn(tenantId);
                } else if (tenantSet) {
                    query.withoutTenantId();
                }
            } else {
                return null;
            }
            List<DecisionDefinition> found = query.list();
            return found.size() == 1 ? found.get(0) : null;
        }));
        if (definition == null) {
            return; // the command itself reports what is missing or ambiguous
        }
        List<String> problems = languageProblems.computeIfAbsent(
                definition.getId(),
                definitionId -> next.execute(context -> context.runWithoutAuthorization(() -> {
                    try (InputStream xml = configuration
                            .getRepositoryService()
                            .getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
                        return RuleTableCheck.languageProblems(xml.readAllBytes());
                    } catch (IOException e) {
                        return List.of("its file could not be read");
                    }
                })));
        if (!problems.isEmpty()) {
            throw new NotValidException("Decision " + definition.getKey() + " version " + definition.getVersion()
                    + " is not evaluated: decision tables are evaluated in FEEL only, and its file "
                    + definition.getResourceName() + " uses another language (" + String.join("; ", problems)
                    + "). Deploy a FEEL version of the table.");
        }
    }

    private Authentication signedIn() {
        Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? null : authentication;
    }

    private boolean isAdmin(Authentication user) {
        List<String> adminUsers = configuration.getAdminUsers();
        if (adminUsers != null && adminUsers.contains(user.getUserId())) {
            return true;
        }
        List<String> groups = user.getGroupIds();
        if (groups == null) {
            groups = new ArrayList<>();
            for (var group : configuration
                    .getIdentityService()
                    .createGroupQuery()
                    .groupMember(user.getUserId())
                    .list()) {
                groups.add(group.getId());
            }
        }
        List<String> adminGroups = configuration.getAdminGroups();
        return adminGroups != null && groups.stream().anyMatch(adminGroups::contains);
    }

    private static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + type.getName(), e);
            }
        }
        throw new IllegalStateException(target.getClass().getName() + " has no field " + name);
    }
}
