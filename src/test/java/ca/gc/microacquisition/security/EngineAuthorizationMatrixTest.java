package ca.gc.microacquisition.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.adapters.repositoryhost.local.LocalRepositories;
import ca.gc.microacquisition.identity.IdentityDemoTest;
import ca.gc.microacquisition.testsupport.StartForms;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what on the engine's two surfaces: role x action x surface (engine REST API and the webapps' engine
 * API). Every refusal is a 4xx problem+json; what is allowed works.
 */
@IdentityDemoTest
class EngineAuthorizationMatrixTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, HttpClient> sessions = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    LocalRepositories repositories;

    /** CFOB may not even read the process definition, so it is not found for them. */
    @ParameterizedTest(name = "{0} starts a procurement: {1}")
    @CsvSource({
        "requester,200",
        "manager,403",
        "officer,403",
        "evaluator,403",
        "qa,403",
        "finance,403",
        "cfob,404",
        "auditor,403",
        "admin,200"
    })
    void startingAProcurement(String user, int expected) throws Exception {
        if ("admin".equals(user)
                && identityService
                                .createUserQuery()
                                .userId("admin")
                                .memberOfGroup("team-digital")
                                .count()
                        == 0) {
            // A request names a team its requester belongs to; the demo administrator belongs to none.
            identityService.createMembership("admin", "team-digital");
        }
        for (String surface : surfaces(user)) {
            HttpResponse<String> response =
                    call(surface, "POST", "/process-definition/key/MicroProcurement/submit-form", user, requestForm());
            expect(response, expected, user + " on " + surface);
        }
    }

    @ParameterizedTest(name = "{0} claims the manager's task for themselves: {1}")
    @CsvSource({
        "requester,403",
        "manager,204",
        "officer,403",
        "evaluator,403",
        "qa,403",
        "finance,403",
        "cfob,403",
        "auditor,403",
        "admin,204"
    })
    void claimingForOneself(String user, int expected) throws Exception {
        for (String surface : surfaces(user)) {
            String attest = attestTask(startProcurement());
            expect(
                    call(surface, "POST", "/task/" + attest + "/claim", user, Map.of("userId", user)),
                    expected,
                    user + " on " + surface);
            assertThat(taskService
                            .createTaskQuery()
                            .taskId(attest)
                            .singleResult()
                            .getAssignee())
                    .isEqualTo(expected == 204 ? user : null);
        }
    }

    @ParameterizedTest(name = "{0} throws a BPMN error / sets a variable / correlates a message: {1}")
    @CsvSource({
        "requester,403",
        "manager,403",
        "officer,403",
        "evaluator,403",
        "qa,403",
        "finance,403",
        "cfob,403",
        "auditor,403"
    })
    void changingTheProcessOutsideTheForms(String user, int expected) throws Exception {
        for (String surface : surfaces(user)) {
            String instanceId = startProcurement();
            String attest = attestTask(instanceId);
            expect(
                    call(
                            surface,
                            "POST",
                            "/task/" + attest + "/bpmnError",
                            user,
                            Map.of("errorCode", "RequestCancelled")),
                    expected,
                    user + " bpmnError on " + surface);
            expect(
                    call(
                            surface,
                            "PUT",
                            "/process-instance/" + instanceId + "/variables/requester",
                            user,
                            Map.of("value", user)),
                    expected,
                    user + " variable on " + surface);
            expect(
                    call(
                            surface,
                            "POST",
                            "/message",
                            user,
                            Map.of("messageName", "CancelRequest", "processInstanceId", instanceId)),
                    expected,
                    user + " message on " + surface);
            expect(
                    call(
                            surface,
                            "PUT",
                            "/process-instance/" + instanceId + "/suspended",
                            user,
                            Map.of("suspended", true)),
                    expected,
                    user + " suspension on " + surface);
            assertThat(runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .active()
                            .count())
                    .isEqualTo(1);
            assertThat(runtimeService.getVariable(instanceId, "requester")).isEqualTo("requester");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The webapps let each group into its own application only; the REST API takes everyone. */
    private static List<String> surfaces(String user) {
        return List.of("engine-rest", "webapp");
    }

    private void expect(HttpResponse<String> response, int expected, String what) throws Exception {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(what)
                    .startsWith("application/problem+json");
            assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(expected);
            assertThat(response.body())
                    .doesNotContain("Exception")
                    .doesNotContain("org.camunda")
                    .doesNotContain("ENGINE-");
        }
    }

    private String startProcurement() throws Exception {
        HttpResponse<String> started = call(
                "engine-rest",
                "POST",
                "/process-definition/key/MicroProcurement/submit-form",
                "requester",
                requestForm());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json.readTree(started.body()).get("id").asText();
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService
                    .createJobQuery()
                    .processInstanceId(instanceId)
                    .executable()
                    .messages()
                    .list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        return instanceId;
    }

    private String attestTask(String instanceId) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey("AttestCapacity")
                .singleResult();
        assertThat(task).isNotNull();
        return task.getId();
    }

    private Map<String, Object> requestForm() throws Exception {
        String repositoryUrl = repositories.createRepository(
                "matrix" + UUID.randomUUID().toString().substring(0, 8), "widget", "MIT");
        Map<String, Object> variables = StartForms.requestVariables(repositoryUrl, "800.00");
        return new LinkedHashMap<>(Map.of("variables", variables));
    }

    private HttpResponse<String> call(String surface, String method, String path, String user, Object body)
            throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        if ("engine-rest".equals(surface)) {
            HttpRequest request = HttpRequest.newBuilder(uri("/engine-rest/engine/" + IdentityDemoTest.ENGINE + path))
                    .method(method, publisher)
                    .header("Content-Type", "application/json")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
        HttpClient http = sessions.computeIfAbsent(user, this::login);
        HttpRequest request = HttpRequest.newBuilder(
                        uri("/camunda/api/engine/engine/" + IdentityDemoTest.ENGINE + path))
                .method(method, publisher)
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", tokens.get(user))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient login(String user) {
        try {
            HttpClient http =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String application = switch (user) {
                case "auditor", "cfob" -> "cockpit";
                case "admin" -> "admin";
                default -> "tasklist";
            };
            String base = "http://localhost:" + port + "/camunda";
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(base + "/app/" + application + "/" + IdentityDemoTest.ENGINE + "/"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    base + "/api/admin/auth/user/" + IdentityDemoTest.ENGINE + "/login/" + application))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-XSRF-TOKEN", token)
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("login of " + user).isEqualTo(200);
            HttpResponse<String> after = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/" + IdentityDemoTest.ENGINE))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            tokens.put(user, after.headers().firstValue("X-XSRF-TOKEN").orElse(token));
            return http;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot log " + user + " in to the webapps", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
