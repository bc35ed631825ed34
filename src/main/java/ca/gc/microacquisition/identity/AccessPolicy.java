package ca.gc.microacquisition.identity;

import static ca.gc.microacquisition.identity.AccessGroups.AUDITORS;
import static ca.gc.microacquisition.identity.AccessGroups.CAMUNDA_ADMIN;
import static ca.gc.microacquisition.identity.AccessGroups.CFOB_RULES;
import static ca.gc.microacquisition.identity.AccessGroups.PROCESS_KEY;
import static ca.gc.microacquisition.identity.AccessGroups.REQUESTERS;
import static ca.gc.microacquisition.identity.AccessGroups.STAFF;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * The baseline authorization matrix: which group may do what, as Camunda group grants. Filter grants are defined
 * with the filters ({@link TasklistFilters}). Everything not granted here is denied (authorization checks are on).
 *
 * <p>Nobody but {@code camunda-admin} gets any permission on AUTHORIZATION, USER, GROUP, GROUP_MEMBERSHIP, TENANT,
 * SYSTEM or on creating FILTERs. Task permissions are not granted here: the engine gives each task's candidate
 * groups and users, and its assignee, {@code READ} and {@code TASK_WORK} on that task when it is created.
 */
public final class AccessPolicy {

    /** One group grant: a group, a resource (type and id, {@code *} for all) and the permissions granted. */
    public record Grant(String groupId, Resource resource, String resourceId, Set<Permission> permissions) {}

    private AccessPolicy() {}

    public static List<Grant> baseline() {
        Builder b = new Builder();

        // Administrators: everything, on every resource type (Camunda's own first-admin setup grants the same).
        for (Resources resource : Resources.values()) {
            b.grant(CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }

        // Web applications: staff use Tasklist; auditors and the rules team use Cockpit; only admins use Admin.
        for (String staff : STAFF) {
            b.grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        b.grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        b.grant(CFOB_RULES, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

        // The procurement process: staff see it (Tasklist shows its diagram and forms); requesters start it.
        for (String staff : STAFF) {
            b.grant(staff, Resources.PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.READ);
        }
        b.grant(REQUESTERS, Resources.PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
        b.grant(REQUESTERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);

        // Auditors: read everything about the process, its instances, tasks and history; change nothing.
        b.grant(
                AUDITORS,
                Resources.PROCESS_DEFINITION,
                PROCESS_KEY,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY);
        b.grant(AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        b.grant(AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        b.grant(AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        // Only checked when the engine's historic instance permissions are turned on; harmless otherwise.
        b.grant(AUDITORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        b.grant(AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        // User operation log entries of every category (task work, operator actions, administration).
        b.grant(AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);

        // CFOB owns the decision tables: deploys new versions and evaluates them to test a rule. What CFOB may put in
        // a deployment (its decision tables only) is enforced inside the engine by rules.RuleDeploymentGuard.
        b.grant(
                CFOB_RULES,
                Resources.DECISION_DEFINITION,
                ANY,
                Permissions.READ,
                Permissions.READ_HISTORY,
                Permissions.CREATE_INSTANCE);
        b.grant(CFOB_RULES, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        b.grant(CFOB_RULES, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);

        return b.build();
    }

    /** Collects grants, merging the permissions of grants for the same group and resource. */
    static final class Builder {

        private final Map<String, Grant> grants = new LinkedHashMap<>();

        Builder grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            String key = groupId + '|' + resource.resourceType() + '|' + resourceId;
            Grant existing = grants.get(key);
            Set<Permission> merged = new LinkedHashSet<>();
            if (existing != null) {
                merged.addAll(existing.permissions());
            }
            merged.addAll(Arrays.asList(permissions));
            grants.put(key, new Grant(groupId, resource, resourceId, Set.copyOf(merged)));
            return this;
        }

        List<Grant> build() {
            return List.copyOf(new ArrayList<>(grants.values()));
        }
    }
}
