package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What each demo user, through their group, may and may not do. */
@IdentityDemoTest
class AccessPolicyTest {

    private static final String PROCESS = AccessGroups.PROCESS_KEY;
    private static final List<String> NON_ADMIN_USERS =
            List.of("requester", "requester2", "manager", "officer", "evaluator", "qa", "finance", "cfob", "auditor");

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    private Deployment deployment;

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void requestersStartRequestsInTasklist() {
        assertThat(may(
                        "requester",
                        ProcessDefinitionPermissions.CREATE_INSTANCE,
                        Resources.PROCESS_DEFINITION,
                        PROCESS))
                .isTrue();
        assertThat(may("requester", Permissions.CREATE, Resources.PROCESS_INSTANCE, ANY))
                .isTrue();
        assertThat(may("requester", Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                .isTrue();
        assertThat(may("requester", Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isFalse();
        assertThat(may("requester", Permissions.ACCESS, Resources.APPLICATION, "admin"))
                .isFalse();
        assertThat(may("requester", Permissions.CREATE, Resources.DEPLOYMENT, ANY))
                .isFalse();
    }

    @Test
    void otherStaffSeeTheProcessButDoNotStartIt() {
        for (String user : List.of("manager", "officer", "evaluator", "qa", "finance")) {
            assertThat(may(user, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, PROCESS))
                    .as(user)
                    .isTrue();
            assertThat(may(user, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, PROCESS))
                    .as(user)
                    .isFalse();
            assertThat(may(user, Permissions.CREATE, Resources.PROCESS_INSTANCE, ANY))
                    .as(user)
                    .isFalse();
            assertThat(may(user, Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                    .as(user)
                    .isTrue();
            assertThat(may(user, Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                    .as(user)
                    .isFalse();
            assertThat(may(user, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, PROCESS))
                    .as(user)
                    .isFalse();
        }
    }

    @Test
    void auditorsReadEverythingAndChangeNothing() {
        String auditor = "auditor";
        assertThat(may(auditor, Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isTrue();
        assertThat(may(auditor, Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                .isFalse();
        for (Permission read : List.of(
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK)) {
            assertThat(may(auditor, read, Resources.PROCESS_DEFINITION, PROCESS))
                    .as(read.getName())
                    .isTrue();
        }
        for (Permission change : List.of(
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.DELETE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN,
                ProcessDefinitionPermissions.SUSPEND,
                ProcessDefinitionPermissions.RETRY_JOB,
                ProcessDefinitionPermissions.DELETE_HISTORY,
                ProcessDefinitionPermissions.UPDATE,
                ProcessDefinitionPermissions.DELETE)) {
            assertThat(may(auditor, change, Resources.PROCESS_DEFINITION, PROCESS))
                    .as(change.getName())
                    .isFalse();
        }
        assertThat(may(auditor, Permissions.READ, Resources.DECISION_DEFINITION, "Eligibility"))
                .isTrue();
        assertThat(may(auditor, Permissions.READ_HISTORY, Resources.DECISION_DEFINITION, "Eligibility"))
                .isTrue();
        assertThat(may(auditor, Permissions.CREATE_INSTANCE, Resources.DECISION_DEFINITION, "Eligibility"))
                .isFalse();
        assertThat(may(auditor, Permissions.READ, Resources.DEPLOYMENT, ANY)).isTrue();
        assertThat(may(auditor, Permissions.CREATE, Resources.DEPLOYMENT, ANY)).isFalse();
        assertThat(may(auditor, Permissions.DELETE, Resources.DEPLOYMENT, ANY)).isFalse();
        // Checked by the engine only when historic instance permissions are enabled (they are not): the grants
        // are in place for that case. History is readable through READ_HISTORY on the process definition.
        assertThat(grantExists(AccessGroups.AUDITORS, Resources.HISTORIC_TASK, HistoricTaskPermissions.READ))
                .isTrue();
        assertThat(grantExists(
                        AccessGroups.AUDITORS,
                        Resources.HISTORIC_PROCESS_INSTANCE,
                        HistoricProcessInstancePermissions.READ))
                .isTrue();
        assertThat(may(auditor, UserOperationLogCategoryPermissions.READ, Resources.OPERATION_LOG_CATEGORY, ANY))
                .isTrue();
        assertThat(may(auditor, UserOperationLogCategoryPermissions.DELETE, Resources.OPERATION_LOG_CATEGORY, ANY))
                .isFalse();
        assertThat(may(auditor, Permissions.UPDATE, Resources.TASK, ANY)).isFalse();
        assertThat(may(auditor, Permissions.TASK_WORK, Resources.TASK, ANY)).isFalse();
    }

    @Test
    void cfobDeploysAndTestsRulesButDoesNotStartRequests() {
        assertThat(may("cfob", Permissions.CREATE, Resources.DEPLOYMENT, ANY)).isTrue();
        assertThat(may("cfob", Permissions.READ, Resources.DEPLOYMENT, ANY)).isTrue();
        assertThat(may("cfob", Permissions.DELETE, Resources.DEPLOYMENT, ANY)).isFalse();
        assertThat(may("cfob", Permissions.CREATE_INSTANCE, Resources.DECISION_DEFINITION, "ContractSplitting"))
                .isTrue();
        assertThat(may("cfob", Permissions.READ_HISTORY, Resources.DECISION_DEFINITION, "ContractSplitting"))
                .isTrue();
        assertThat(may("cfob", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, PROCESS))
                .isFalse();
        assertThat(may("cfob", Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isTrue();
        assertThat(may("cfob", Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                .isFalse();
    }

    @Test
    void onlyAdministratorsAdministerAuthorizationsUsersGroupsAndFilters() {
        for (String user : NON_ADMIN_USERS) {
            for (Resource resource : List.of(
                    Resources.AUTHORIZATION,
                    Resources.USER,
                    Resources.GROUP,
                    Resources.GROUP_MEMBERSHIP,
                    Resources.TENANT,
                    Resources.FILTER)) {
                assertThat(may(user, Permissions.CREATE, resource, ANY))
                        .as(user + " create " + resource)
                        .isFalse();
                assertThat(may(user, Permissions.DELETE, resource, ANY))
                        .as(user + " delete " + resource)
                        .isFalse();
                if (resource != Resources.GROUP_MEMBERSHIP) {
                    assertThat(may(user, Permissions.UPDATE, resource, ANY))
                            .as(user + " update " + resource)
                            .isFalse();
                }
            }
            assertThat(may(user, Permissions.ALL, Resources.SYSTEM, ANY))
                    .as(user)
                    .isFalse();
            String ownGroup = groupsOf(user).get(0);
            assertThat(may(user, Permissions.UPDATE, Resources.GROUP, ownGroup))
                    .as(user)
                    .isFalse();
            assertThat(may(user, Permissions.CREATE, Resources.GROUP_MEMBERSHIP, ownGroup))
                    .as(user)
                    .isFalse();
            assertThat(may(user, Permissions.UPDATE, Resources.USER, "admin"))
                    .as(user)
                    .isFalse();
            // Own profile and password only; a user cannot delete themselves.
            assertThat(may(user, Permissions.UPDATE, Resources.USER, user))
                    .as(user)
                    .isTrue();
            assertThat(may(user, Permissions.DELETE, Resources.USER, user))
                    .as(user)
                    .isFalse();
            assertThat(may(user, Permissions.ACCESS, Resources.APPLICATION, "admin"))
                    .as(user)
                    .isFalse();
        }
        for (Resources resource : Resources.values()) {
            assertThat(grantExists(AccessGroups.CAMUNDA_ADMIN, resource, Permissions.ALL))
                    .as(resource.resourceName())
                    .isTrue();
        }
        assertThat(may("admin", Permissions.ALL, Resources.AUTHORIZATION, ANY)).isTrue();
        assertThat(may("admin", Permissions.ALL, Resources.USER, ANY)).isTrue();
        assertThat(may("admin", Permissions.ALL, Resources.FILTER, ANY)).isTrue();
        assertThat(may("admin", Permissions.ACCESS, Resources.APPLICATION, "admin"))
                .isTrue();
    }

    @Test
    void candidateGroupsWorkOnTheirTasksButCannotReassignThem() {
        Task task = startTaskFor(AccessGroups.MANAGERS);

        assertThat(as(
                        "requester",
                        () -> taskService.createTaskQuery().taskId(task.getId()).count()))
                .isZero();
        assertThat(as(
                        "auditor",
                        () -> taskService.createTaskQuery().taskId(task.getId()).count()))
                .isZero();
        assertThatThrownBy(() -> as("auditor", () -> run(() -> taskService.complete(task.getId()))))
                .isInstanceOf(AuthorizationException.class);
        assertThat(as(
                        "manager",
                        () -> taskService.createTaskQuery().taskId(task.getId()).count()))
                .isOne();

        as("manager", () -> run(() -> taskService.claim(task.getId(), "manager")));
        assertThatThrownBy(() -> as("manager", () -> run(() -> taskService.setAssignee(task.getId(), "requester"))))
                .isInstanceOf(AuthorizationException.class);
        as("manager", () -> run(() -> taskService.complete(task.getId())));

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void cfobDeploysAndAuditorsCannot() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="access-check"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    name="Access check" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="AccessCheck" name="Access check" camunda:historyTimeToLive="1">
                    <decisionTable id="table">
                      <input id="in">
                        <inputExpression id="expr" typeRef="string"><text>x</text></inputExpression>
                      </input>
                      <output id="out" name="y" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        assertThatThrownBy(() -> as(
                        "auditor",
                        () -> repositoryService
                                .createDeployment()
                                .addString("AccessCheck.dmn", dmn)
                                .deploy()))
                .isInstanceOf(AuthorizationException.class);

        // CFOB has deployment rights, but only for the decision tables it owns (rules.RuleDeploymentGuard);
        // deploying them is tested in rules.RuleDeploymentTest.
        assertThatThrownBy(() -> as(
                        "cfob",
                        () -> repositoryService
                                .createDeployment()
                                .addString("AccessCheck.dmn", dmn)
                                .deploy()))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("AccessCheck")
                .hasMessageContaining("does not own");
        assertThat(repositoryService
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey("AccessCheck")
                        .count())
                .isZero();
    }

    private Task startTaskFor(String candidateGroup) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("IdentityAccessCheck")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Check")
                .camundaCandidateGroups(candidateGroup)
                .endEvent()
                .done();
        deployment = repositoryService
                .createDeployment()
                .addModelInstance("IdentityAccessCheck.bpmn", model)
                .deploy();
        String instanceId =
                runtimeService.startProcessInstanceByKey("IdentityAccessCheck").getId();
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    private boolean may(String userId, Permission permission, Resource resource, String resourceId) {
        return authorizationService.isUserAuthorized(userId, groupsOf(userId), permission, resource, resourceId);
    }

    private boolean grantExists(String groupId, Resource resource, Permission permission) {
        return authorizationService
                        .createAuthorizationQuery()
                        .groupIdIn(groupId)
                        .resourceType(resource)
                        .resourceId(ANY)
                        .hasPermission(permission)
                        .count()
                == 1;
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
    }

    private <T> T as(String userId, Supplier<T> work) {
        identityService.setAuthentication(userId, groupsOf(userId));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Object run(Runnable work) {
        work.run();
        return null;
    }
}
