package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IdentityDemoTest
class TasklistFiltersTest {

    private static final Map<String, String> GROUP_FILTER_OF_USER = Map.of(
            "requester", "Requesters: my requests",
            "requester2", "Requesters: my requests",
            "manager", "Managers: capacity and funds",
            "officer", "Procurement officers: splitting referrals",
            "evaluator", "Evaluators: proposals to evaluate",
            "qa", "QA: findings to review",
            "finance", "Finance: payments to resolve");

    @Autowired
    FilterService filterService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    private Deployment deployment;

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void eachStaffMemberSeesTheirOwnTasksFilterAndTheirGroupsFilterOnly() {
        GROUP_FILTER_OF_USER.forEach((user, groupFilter) -> {
            List<Filter> visible =
                    as(user, () -> filterService.createFilterQuery().list());

            assertThat(visible)
                    .extracting(Filter::getName)
                    .as(user)
                    .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, groupFilter);
            Filter myTasks = visible.stream()
                    .filter(f -> f.getName().equals(TasklistFilters.MY_TASKS))
                    .findFirst()
                    .orElseThrow();
            assertThat(((TaskQueryImpl) myTasks.getQuery()).getAssignee()).isEqualTo(user);
        });
    }

    @Test
    void auditorsAndRulesSeeNoFiltersAndAdministratorsSeeAll() {
        assertThat(as("auditor", () -> filterService.createFilterQuery().count()))
                .isZero();
        assertThat(as("cfob", () -> filterService.createFilterQuery().count())).isZero();
        assertThat(as("admin", () -> filterService.createFilterQuery().list()))
                .extracting(Filter::getName)
                .containsAll(GROUP_FILTER_OF_USER.values())
                .filteredOn(TasklistFilters.MY_TASKS::equals)
                .hasSize(GROUP_FILTER_OF_USER.size());
    }

    @Test
    void filtersCarryTasklistProperties() {
        Filter managers = filterService
                .createFilterQuery()
                .filterName("Managers: capacity and funds")
                .singleResult();

        assertThat(managers.getProperties()).containsKeys("description", "priority", "refresh", "variables");
        assertThat(managers.getProperties().get("variables").toString()).contains("title", "estimatedValue");
        assertThat(((TaskQueryImpl) managers.getQuery()).getCandidateGroup()).isEqualTo(AccessGroups.MANAGERS);
    }

    @Test
    void theRequestersFilterListsWhatNeedsThemNowOldestDueFirstWithoutTheWithdrawal() {
        Filter requesters = filterService
                .createFilterQuery()
                .filterName("Requesters: my requests")
                .singleResult();
        TaskQueryImpl query = (TaskQueryImpl) requesters.getQuery();

        assertThat(query.getKeys())
                .containsExactlyInAnyOrderElementsOf(TasklistFilters.REQUESTER_ACTIONS)
                .doesNotContain("WithdrawRequest");
        assertThat(query.getOrderingProperties().get(0).getQueryProperty().getName())
                .isEqualTo("DUE_DATE_");
        // Every key names a requesters' task of the process.
        String bpmn = new String(readProcessFromClassPath(), java.nio.charset.StandardCharsets.UTF_8);
        TasklistFilters.REQUESTER_ACTIONS.forEach(key -> assertThat(bpmn).contains("userTask id=\"" + key + "\""));
    }

    private static byte[] readProcessFromClassPath() {
        try (var in = TasklistFiltersTest.class.getResourceAsStream("/processes/MicroProcurement.bpmn")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theGroupFilterListsTheGroupsTasksAndMyTasksTheClaimedOnes() {
        Task task = startTaskFor(AccessGroups.MANAGERS);
        String managersFilter = filterService
                .createFilterQuery()
                .filterName("Managers: capacity and funds")
                .singleResult()
                .getId();
        String myTasks = as(
                "manager",
                () -> filterService
                        .createFilterQuery()
                        .filterName(TasklistFilters.MY_TASKS)
                        .singleResult()
                        .getId());

        assertThat(as("manager", () -> filterService.<Task>list(managersFilter)))
                .extracting(Task::getId)
                .containsExactly(task.getId());
        assertThat(as("manager", () -> filterService.<Task>list(myTasks))).isEmpty();

        as("manager", () -> {
            taskService.claim(task.getId(), "manager");
            return null;
        });

        assertThat(as("manager", () -> filterService.<Task>list(myTasks)))
                .extracting(Task::getId)
                .containsExactly(task.getId());
        assertThat(as("manager", () -> filterService.<Task>list(managersFilter)))
                .extracting(Task::getId)
                .containsExactly(task.getId());
        assertThatThrownBy(() -> as("requester", () -> filterService.list(managersFilter)))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void staffCannotCreateFilters() {
        assertThatThrownBy(() -> as(
                        "manager",
                        () -> filterService.saveFilter(
                                filterService.newTaskFilter("Everything").setQuery(taskService.createTaskQuery()))))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aStoredQueryCannotUseTheCurrentUserExpression() {
        // Why "My tasks" is one filter per person: with expressions in stored queries off, the engine refuses
        // to store a filter that says "assigned to ${currentUser()}", even for the service itself.
        Filter filter = filterService
                .newTaskFilter("Assigned to the current user")
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));

        assertThatThrownBy(() -> filterService.saveFilter(filter))
                .hasMessageContaining("Expressions are forbidden in stored queries");
        assertThat(filterService
                        .createFilterQuery()
                        .filterName("Assigned to the current user")
                        .count())
                .isZero();
    }

    private Task startTaskFor(String candidateGroup) {
        deployment = repositoryService
                .createDeployment()
                .addModelInstance(
                        "IdentityFilterCheck.bpmn",
                        Bpmn.createExecutableProcess("IdentityFilterCheck")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("Check")
                                .camundaCandidateGroups(candidateGroup)
                                .endEvent()
                                .done())
                .deploy();
        String instanceId =
                runtimeService.startProcessInstanceByKey("IdentityFilterCheck").getId();
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    private <T> T as(String userId, Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        identityService.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
