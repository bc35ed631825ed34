package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.identity.AccessGroups;
import ca.gc.microacquisition.identity.IdentityDemoTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The duty table as a matrix: every user task of the procurement, for every role, with the actor being the
 * procurement's requester (also a member of the task's group) or another person; through the engine Java API
 * (with authorizations, as a signed-in user) and through {@code /engine-rest} (HTTP Basic, demo users).
 */
@IdentityDemoTest
class DutiesMatrixTest {

    private static final String REST = "/engine-rest/engine/" + IdentityDemoTest.ENGINE;
    /** A demo member of each staff group, who never requested anything here. */
    private static final Map<Duties.Role, String> MEMBER = Map.of(
            Duties.Role.MANAGER,
            "manager",
            Duties.Role.OFFICER,
            "officer",
            Duties.Role.EVALUATOR,
            "evaluator",
            Duties.Role.QA,
            "qa",
            Duties.Role.FINANCE,
            "finance");

    private static final List<String> DUTY_MESSAGES = Stream.concat(
                    Stream.of(Duties.Role.values())
                            .map(Duties.Role::ownRequestRefusal)
                            .filter(m -> m != null),
                    Stream.of(
                            DutyRule.REQUESTER_ONLY,
                            DutyRule.ONLY_FOR_YOURSELF,
                            DutyRule.CLAIMED_BY_OTHER,
                            DutyRule.NOT_A_CANDIDATE.substring(0, 20)))
            .toList();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> instances = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    ProcessEngine engine;

    @Autowired
    DutiesEnginePlugin plugin;

    static Stream<String> tasks() {
        return Duties.TASKS.keySet().stream();
    }

    /** A requester who is also a member of the role's group: the person the duty table is about. */
    private static String dual(Duties.Role role) {
        return "dual-" + role.group();
    }

    @BeforeEach
    void dualMembers() {
        for (Duties.Role role : Duties.Role.values()) {
            if (role == Duties.Role.REQUESTER
                    || identityService.createUserQuery().userId(dual(role)).count() > 0) {
                continue;
            }
            User user = identityService.newUser(dual(role));
            user.setFirstName("Dual");
            user.setLastName(role.name());
            user.setEmail(dual(role) + "@example.gc.ca");
            user.setPassword(dual(role));
            ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService)
                    .saveUser(user, true); // password = user id, like the demo users: skips the password policy
            identityService.createMembership(dual(role), AccessGroups.REQUESTERS);
            identityService.createMembership(dual(role), role.group());
        }
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        instances.forEach(id -> runtimeService.deleteProcessInstance(id, "duties test", true, true));
        instances.clear();
    }

    @Test
    void everyUserTaskOfTheProcessIsInTheDutyTable() {
        var definition = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(AccessGroups.PROCESS_KEY)
                .latestVersion()
                .singleResult();
        var model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        List<String> userTasks =
                model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).stream()
                        .map(t -> t.getId())
                        .sorted()
                        .toList();
        assertThat(userTasks).containsExactlyInAnyOrderElementsOf(Duties.TASKS.keySet());
        for (var task : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
            Duties.Role role = Duties.TASKS.get(task.getId());
            if (role == Duties.Role.REQUESTER) {
                assertThat(task.getCamundaAssignee()).as(task.getId()).isEqualTo("${requester}");
                assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNull();
            } else {
                assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo(role.group());
                assertThat(task.getCamundaAssignee()).as(task.getId()).isNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void javaApi(String key) {
        Duties.Role role = Duties.TASKS.get(key);
        if (role == Duties.Role.REQUESTER) {
            Task task = start(key, "requester");
            assertThat(task.getAssignee()).isEqualTo("requester");
            assertThat(candidates(task)).isEmpty();
            List<String> others = new ArrayList<>(List.of("requester2"));
            others.addAll(MEMBER.values());
            MEMBER.keySet().forEach(r -> others.add(dual(r)));
            for (String other : others) {
                assertRefused(as(other, () -> taskService.claim(task.getId(), other)), null);
                assertRefused(as(other, () -> taskService.complete(task.getId())), null);
                assertUnchanged(task, "requester");
            }
            assertPassesTheDutyRule(as("requester", () -> taskService.complete(task.getId())));
            return;
        }
        String requester = dual(role);
        String member = MEMBER.get(role);
        Task task = start(key, requester);
        assertThat(candidates(task)).containsExactly(role.group());

        // The requester, although a member of the group, never takes or completes it.
        assertRefused(as(requester, () -> taskService.claim(task.getId(), requester)), role.ownRequestRefusal());
        assertRefused(as(requester, () -> taskService.complete(task.getId())), role.ownRequestRefusal());
        assertUnchanged(task, null);
        // Nobody hands it to the requester either, or takes it for someone else.
        assertRefused(as(member, () -> taskService.claim(task.getId(), requester)), role.ownRequestRefusal());
        assertRefused(as(member, () -> taskService.claim(task.getId(), "requester2")), DutyRule.ONLY_FOR_YOURSELF);
        // Someone outside the group cannot take it.
        assertRefused(as("requester2", () -> taskService.claim(task.getId(), "requester2")), null);
        assertUnchanged(task, null);
        // Another member of the group takes it; the requester still cannot complete it; the member can.
        assertThat(as(member, () -> taskService.claim(task.getId(), member))).isNull();
        assertUnchanged(task, member);
        assertRefused(as(requester, () -> taskService.complete(task.getId())), role.ownRequestRefusal());
        String otherMember = dual(otherRole(role));
        identityService.createMembership(otherMember, role.group());
        try {
            assertRefused(as(otherMember, () -> taskService.complete(task.getId())), DutyRule.CLAIMED_BY_OTHER);
        } finally {
            identityService.deleteMembership(otherMember, role.group());
        }
        assertUnchanged(task, member);
        assertPassesTheDutyRule(as(member, () -> taskService.complete(task.getId())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void engineRest(String key) throws Exception {
        Duties.Role role = Duties.TASKS.get(key);
        if (role == Duties.Role.REQUESTER) {
            Task task = start(key, "requester");
            for (String other : List.of("requester2", "manager", dual(Duties.Role.MANAGER))) {
                assertThat(get("/task/" + task.getId(), other).statusCode())
                        .as(other + " reads")
                        .isIn(403, 404);
                assertThat(get("/task?processInstanceId=" + task.getProcessInstanceId(), other)
                                .body())
                        .as(other + " lists")
                        .isEqualTo("[]");
                assertThat(post("/task/" + task.getId() + "/claim", other, Map.of("userId", other))
                                .statusCode())
                        .as(other + " claims")
                        .isIn(400, 403);
                assertThat(post("/task/" + task.getId() + "/complete", other, Map.of())
                                .statusCode())
                        .as(other + " completes")
                        .isIn(400, 403);
                assertUnchanged(task, "requester");
            }
            assertThat(get("/task/" + task.getId(), "requester").statusCode()).isEqualTo(200);
            HttpResponse<String> completed = post("/task/" + task.getId() + "/complete", "requester", Map.of());
            assertThat(completed.body())
                    .as("the requester passes the duty rule")
                    .doesNotContain(DutyRule.REQUESTER_ONLY);
            return;
        }
        String requester = dual(role);
        String member = MEMBER.get(role);
        Task task = start(key, requester);

        HttpResponse<String> claim = post("/task/" + task.getId() + "/claim", requester, Map.of("userId", requester));
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(400);
        assertThat(message(claim)).isEqualTo(role.ownRequestRefusal());
        HttpResponse<String> complete = post("/task/" + task.getId() + "/complete", requester, Map.of());
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(400);
        assertThat(message(complete)).contains(role.ownRequestRefusal());
        HttpResponse<String> handOver = post("/task/" + task.getId() + "/claim", member, Map.of("userId", requester));
        // Over HTTP a claim naming someone else is refused before the duty rule, by the engine-surface guard (403).
        assertThat(handOver.statusCode()).as(handOver.body()).isEqualTo(403);
        HttpResponse<String> forOther =
                post("/task/" + task.getId() + "/claim", member, Map.of("userId", "requester2"));
        assertThat(forOther.statusCode()).as(forOther.body()).isEqualTo(403);
        assertThat(message(forOther)).contains("for yourself only");
        assertUnchanged(task, null);

        assertThat(post("/task/" + task.getId() + "/claim", member, Map.of("userId", member))
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> afterClaim = post("/task/" + task.getId() + "/complete", requester, Map.of());
        assertThat(afterClaim.statusCode()).as(afterClaim.body()).isIn(400, 403);
        assertUnchanged(task, member);
        HttpResponse<String> byMember = post("/task/" + task.getId() + "/complete", member, Map.of());
        assertThat(byMember.body()).as("the member passes the duty rule").doesNotContain(role.ownRequestRefusal());
    }

    @Test
    void requesterTasksOfEarlierProcessVersionsAreTakenAwayFromTheRequestersGroup() {
        Task task = start("AcceptWork", "requester");
        taskService.addCandidateGroup(task.getId(), AccessGroups.REQUESTERS); // as the process used to do
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .resourceType(Resources.TASK)
                        .resourceId(task.getId())
                        .groupIdIn(AccessGroups.REQUESTERS)
                        .count())
                .isEqualTo(1);

        plugin.postProcessEngineBuild(engine);

        assertThat(candidates(task)).isEmpty();
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .resourceType(Resources.TASK)
                        .resourceId(task.getId())
                        .groupIdIn(AccessGroups.REQUESTERS)
                        .count())
                .isZero();
        assertThat(as(
                        "requester2",
                        () -> taskService.createTaskQuery().taskId(task.getId()).count()))
                .isEqualTo(0L);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static Duties.Role otherRole(Duties.Role role) {
        return role == Duties.Role.MANAGER ? Duties.Role.FINANCE : Duties.Role.MANAGER;
    }

    /** A procurement of {@code requester} waiting at the task (its other steps are not needed for the duty rule). */
    private Task start(String key, String requester) {
        Date later = Date.from(Instant.now().plus(30, ChronoUnit.DAYS));
        ProcessInstance instance = runtimeService
                .createProcessInstanceByKey(AccessGroups.PROCESS_KEY)
                .businessKey("DUTY-" + key)
                .setVariable("requester", requester)
                .setVariable("title", "Duty test " + key)
                .setVariable("estimatedValue", "1000.00")
                .setVariable("proposalDeadline", later)
                .setVariable("dueDate", later)
                .startBeforeActivity(key)
                .execute(true, true);
        instances.add(instance.getId());
        return taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(key)
                .singleResult();
    }

    private List<String> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private void assertUnchanged(Task task, String assignee) {
        Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(now).as("the task is still open").isNotNull();
        assertThat(now.getAssignee()).isEqualTo(assignee);
    }

    private static void assertRefused(Object outcome, String message) {
        assertThat(outcome).as("refused").isInstanceOf(RuntimeException.class);
        if (message != null) {
            assertThat(((Throwable) outcome).getMessage()).contains(message);
        }
    }

    private static void assertPassesTheDutyRule(Object outcome) {
        if (outcome instanceof Throwable failure) {
            for (String duty : DUTY_MESSAGES) {
                assertThat(String.valueOf(failure.getMessage())).doesNotContain(duty);
            }
        }
    }

    private Object as(String user, Runnable action) {
        return as(user, () -> {
            action.run();
            return null;
        });
    }

    private <T> Object as(String user, java.util.function.Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            return action.get();
        } catch (RuntimeException refused) {
            return refused;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(REST + path)).GET(), user);
    }

    private HttpResponse<String> post(String path, String user, Object body) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(REST + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
                user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        request.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String message(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).get("message").asText();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
