package ca.gc.microacquisition.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.adapters.repositoryhost.local.LocalRepositories;
import ca.gc.microacquisition.identity.IdentityDemoTest;
import ca.gc.microacquisition.testsupport.StartForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hostile staff member with curl, on both engine surfaces: the engine REST API (HTTP Basic) and the webapps'
 * engine API (session and CSRF token, as Tasklist and Cockpit call it). Every attempt is refused with a 4xx
 * problem+json that shows no engine internals, and nothing changes.
 */
@IdentityDemoTest
class HostileEngineClientTest {

    private static final String ENGINE_REST = "/engine-rest/engine/" + IdentityDemoTest.ENGINE;
    private static final String WEBAPP_API = "/camunda/api/engine/engine/" + IdentityDemoTest.ENGINE;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Session> sessions = new HashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    LocalRepositories repositories;

    // ------------------------------------------------------------------ item 2: start anywhere

    @ParameterizedTest
    @ValueSource(strings = {"engine-rest", "webapp"})
    void aRequesterCannotStartTheProcessAtALaterActivityOrSkipItsListeners(String surface) throws Exception {
        long before = historyService.createHistoricProcessInstanceQuery().count();
        Map<String, Object> body = new LinkedHashMap<>(requestForm());
        body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "AcceptWork")));
        body.put(
                "variables",
                Map.of(
                        "acceptanceDecision",
                        Map.of("value", "ACCEPT"),
                        "opportunityId",
                        Map.of("value", UUID.randomUUID().toString())));
        assertRefused(call(surface, "POST", "/process-definition/key/MicroProcurement/start", "requester", body), 403);

        Map<String, Object> skipping = new LinkedHashMap<>(requestForm());
        skipping.put("skipCustomListeners", true);
        skipping.put("skipIoMappings", true);
        HttpResponse<String> skipped =
                call(surface, "POST", "/process-definition/key/MicroProcurement/start", "requester", skipping);
        // Refused by the REST layer (skip flags need start instructions) or by the guard, never run.
        assertRefused(skipped, skipped.statusCode() == 400 ? 400 : 403);

        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine-rest", "webapp"})
    void theStartFormTakesItsOwnFieldsOnlyAndNoReference(String surface) throws Exception {
        long before = historyService.createHistoricProcessInstanceQuery().count();
        Map<String, Object> form = requestForm();
        variables(form).put("requester", Map.of("value", "requester2"));
        variables(form).put("opportunityId", Map.of("value", UUID.randomUUID().toString()));
        HttpResponse<String> refused =
                call(surface, "POST", "/process-definition/key/MicroProcurement/submit-form", "requester", form);
        assertRefused(refused, 400);
        assertThat(problem(refused)).contains("opportunityId").contains("requester");

        Map<String, Object> withReference = requestForm();
        withReference.put("businessKey", "MA-2026-0001");
        assertRefused(
                call(
                        surface,
                        "POST",
                        "/process-definition/key/MicroProcurement/submit-form",
                        "requester",
                        withReference),
                400);
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ items 4 and 15: any variable on completion

    @ParameterizedTest
    @ValueSource(strings = {"engine-rest", "webapp"})
    void aTaskTakesItsFormsFieldsOnlyAndNoJavaObjects(String surface) throws Exception {
        String instanceId = startProcurement();
        String attest = claimedTask(instanceId, "AttestCapacity", "manager");

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("capacityAttestation", Map.of("value", "CAPACITY_UNAVAILABLE"));
        variables.put("capacityRationale", Map.of("value", "Both development teams are committed until spring."));
        variables.put("requester", Map.of("value", "requester2"));
        for (String action : List.of("submit-form", "complete")) {
            HttpResponse<String> refused =
                    call(surface, "POST", "/task/" + attest + "/" + action, "manager", Map.of("variables", variables));
            assertRefused(refused, 400);
            assertThat(problem(refused)).contains("requester");
        }

        for (String type : List.of("java.net.URL", "java.io.File")) {
            Map<String, Object> objects = new LinkedHashMap<>();
            objects.put("capacityAttestation", Map.of("value", "CAPACITY_UNAVAILABLE"));
            objects.put(
                    "capacityRationale",
                    Map.of(
                            "type",
                            "Object",
                            "value",
                            "\"file:///etc/passwd\"",
                            "valueInfo",
                            Map.of("objectTypeName", type, "serializationDataFormat", "application/json")));
            assertRefused(
                    call(surface, "POST", "/task/" + attest + "/submit-form", "manager", Map.of("variables", objects)),
                    400);
        }

        assertThat(taskService.createTaskQuery().taskId(attest).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(instanceId, "requester")).isEqualTo("requester");
        assertThat(runtimeService.getVariable(instanceId, "capacityAttestation"))
                .isNull();
    }

    // ------------------------------------------------------------------ item 8: BPMN errors, variables, messages

    @ParameterizedTest
    @ValueSource(strings = {"engine-rest", "webapp"})
    void staffCannotThrowBpmnErrorsNorWriteVariablesNorCorrelateMessages(String surface) throws Exception {
        String instanceId = startProcurement();
        String attest = claimedTask(instanceId, "AttestCapacity", "manager");

        assertRefused(
                call(
                        surface,
                        "POST",
                        "/task/" + attest + "/bpmnError",
                        "manager",
                        Map.of("errorCode", "RequestCancelled")),
                403);
        assertRefused(
                call(
                        surface,
                        "POST",
                        "/task/" + attest + "/bpmnEscalation",
                        "manager",
                        Map.of("escalationCode", "anything")),
                403);
        assertRefused(
                call(surface, "PUT", "/task/" + attest + "/variables/requester", "manager", Map.of("value", "manager")),
                403);
        assertRefused(
                call(
                        surface,
                        "POST",
                        "/task/" + attest + "/variables",
                        "manager",
                        Map.of("modifications", Map.of("estimatedValue", Map.of("value", "9999.00")))),
                403);
        String withdraw = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey("WithdrawRequest")
                .singleResult()
                .getId();
        assertRefused(
                call(
                        surface,
                        "PUT",
                        "/task/" + withdraw + "/localVariables/requester",
                        "requester",
                        Map.of("value", "requester2")),
                403);
        assertRefused(
                call(
                        surface,
                        "POST",
                        "/message",
                        "requester",
                        Map.of("messageName", "CancelRequest", "processInstanceId", instanceId)),
                403);

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .active()
                        .count())
                .isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(attest).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(instanceId, "requester")).isEqualTo("requester");
        assertThat(runtimeService.getVariable(instanceId, "estimatedValue")).isEqualTo("900.00");
    }

    // ------------------------------------------------------------------ item 10: auditors change nothing

    @ParameterizedTest
    @ValueSource(strings = {"engine-rest", "webapp"})
    void auditorsCannotCommentAttachOrDelete(String surface) throws Exception {
        String instanceId = startProcurement();
        String withdraw = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey("WithdrawRequest")
                .singleResult()
                .getId();
        Attachment attachment = taskService.createAttachment(
                "text/plain", withdraw, instanceId, "note.txt", "a note", "https://example.org/note.txt");

        assertRefused(
                call(
                        surface,
                        "POST",
                        "/task/" + withdraw + "/comment/create",
                        "auditor",
                        Map.of("message", "An auditor was here")),
                403);
        assertRefused(
                call(surface, "DELETE", "/task/" + withdraw + "/attachment/" + attachment.getId(), "auditor", null),
                403);
        assertRefused(
                call(surface, "POST", "/task/" + withdraw + "/claim", "auditor", Map.of("userId", "auditor")), 403);

        assertThat(taskService.getTaskComments(withdraw)).isEmpty();
        assertThat(taskService.getTaskAttachments(withdraw))
                .extracting(Attachment::getId)
                .contains(attachment.getId());
        assertThat(taskService.createTaskQuery().taskId(withdraw).singleResult().getAssignee())
                .isEqualTo("requester");
    }

    // ------------------------------------------------------------------ items 16 and 17: claims, refusals

    @ParameterizedTest
    @ValueSource(strings = {"engine-rest", "webapp"})
    void aClaimIsForOneselfOnlyAndAnOrdinaryRefusalIsA4xx(String surface) throws Exception {
        String instanceId = startProcurement();
        Task withdraw = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey("WithdrawRequest")
                .singleResult();
        assertThat(withdraw.getAssignee()).isEqualTo("requester");

        assertRefused(call(surface, "POST", "/task/" + withdraw.getId() + "/claim", "requester2", Map.of()), 403);
        assertRefused(
                call(
                        surface,
                        "POST",
                        "/task/" + withdraw.getId() + "/claim",
                        "requester2",
                        Map.of("userId", "requester")),
                403);
        assertRefused(call(surface, "POST", "/task/" + withdraw.getId() + "/unclaim", "requester2", null), 403);
        // Claiming for oneself another requester's task: requester tasks belong to their requester alone.
        assertRefused(
                call(
                        surface,
                        "POST",
                        "/task/" + withdraw.getId() + "/claim",
                        "requester2",
                        Map.of("userId", "requester2")),
                403);
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(withdraw.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("requester");

        // A value of an unknown type; the variables of a process that does not exist.
        String attest = claimedTask(instanceId, "AttestCapacity", "manager");
        assertRefused(
                call(
                        surface,
                        "POST",
                        "/task/" + attest + "/submit-form",
                        "manager",
                        Map.of("variables", Map.of("capacityRationale", Map.of("type", "NoSuchType", "value", "x")))),
                400);
        HttpResponse<String> gone =
                call(surface, "GET", "/process-instance/" + UUID.randomUUID() + "/variables", "manager", null);
        assertThat(gone.statusCode()).as(gone.body()).isBetween(400, 499);
        assertNoInternals(gone);
        // The task's own refusal (missing answers) keeps its message.
        HttpResponse<String> incomplete = call(
                surface,
                "POST",
                "/task/" + attest + "/submit-form",
                "manager",
                Map.of("variables", Map.of("capacityAttestation", Map.of("value", "CAPACITY_UNAVAILABLE"))));
        assertRefused(incomplete, 400);
        assertThat(problem(incomplete)).contains("Explain how you checked in-house capacity");
        assertThat(taskService.createTaskQuery().taskId(attest).count()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ what staff still do, and admins

    @ParameterizedTest
    @ValueSource(strings = {"engine-rest", "webapp"})
    void staffStillStartClaimAndCompleteThroughTheirForms(String surface) throws Exception {
        HttpResponse<String> started = call(
                surface, "POST", "/process-definition/key/MicroProcurement/submit-form", "requester", requestForm());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json.readTree(started.body()).get("id").asText();
        runJobs(instanceId);
        String attest = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey("AttestCapacity")
                .singleResult()
                .getId();
        assertThat(call(surface, "POST", "/task/" + attest + "/claim", "manager", Map.of("userId", "manager"))
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> completed = call(
                surface,
                "POST",
                "/task/" + attest + "/submit-form",
                "manager",
                Map.of(
                        "variables",
                        Map.of(
                                "capacityAttestation",
                                Map.of("value", "CAPACITY_UNAVAILABLE"),
                                "capacityRationale",
                                Map.of("value", "Both development teams are committed until spring."))));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .taskDefinitionKey("CommitFunds")
                        .count())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine-rest"})
    void administratorsAreNotRestricted(String surface) throws Exception {
        String instanceId = startProcurement();
        HttpResponse<String> set = call(
                surface,
                "PUT",
                "/process-instance/" + instanceId + "/variables/adminNote",
                "admin",
                Map.of("value", "checked"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
        assertThat(runtimeService.getVariable(instanceId, "adminNote")).isEqualTo("checked");
    }

    // ------------------------------------------------------------------ helpers

    private void assertRefused(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isNotBlank();
        assertNoInternals(response);
    }

    private void assertNoInternals(HttpResponse<String> response) {
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("org.camunda")
                .doesNotContain("java.")
                .doesNotContain("ENGINE-")
                .doesNotContain("\tat ")
                .doesNotContain("SQL");
    }

    private String problem(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).get("detail").asText();
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
        runJobs(instanceId);
        return instanceId;
    }

    private String claimedTask(String instanceId, String key, String user) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as(key).isNotNull();
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        return task.getId();
    }

    private void runJobs(String instanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService
                    .createJobQuery()
                    .processInstanceId(instanceId)
                    .executable()
                    .messages()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> form) {
        return (Map<String, Object>) form.get("variables");
    }

    private Map<String, Object> requestForm() throws Exception {
        String repositoryUrl = repositories.createRepository(
                "hostile" + UUID.randomUUID().toString().substring(0, 8), "widget", "MIT");
        Map<String, Object> variables = StartForms.requestVariables(repositoryUrl, "900.00");
        return new LinkedHashMap<>(Map.of("variables", variables));
    }

    /** One call on one surface: HTTP Basic on the engine REST API, a logged-in session with CSRF on the webapps'. */
    private HttpResponse<String> call(String surface, String method, String path, String user, Object body)
            throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        if ("engine-rest".equals(surface)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(ENGINE_REST + path))
                    .method(method, publisher)
                    .header("Content-Type", "application/json")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        Session session = sessions.computeIfAbsent(user, this::login);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(WEBAPP_API + path))
                .method(method, publisher)
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", session.token());
        return session.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Session(HttpClient http, CookieManager cookies, String token) {}

    private Session login(String user) {
        try {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
            String application = "auditor".equals(user) ? "cockpit" : "admin".equals(user) ? "admin" : "tasklist";
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
            assertThat(login.statusCode())
                    .as("login of " + user + ": " + login.body())
                    .isEqualTo(200);
            // The session changes at login; the CSRF token goes with the session.
            HttpResponse<String> after = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/" + IdentityDemoTest.ENGINE))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String fresh = after.headers().firstValue("X-XSRF-TOKEN").orElse(null);
            if (fresh == null) {
                fresh = cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("XSRF-TOKEN"))
                        .map(HttpCookie::getValue)
                        .findFirst()
                        .orElse(token);
            }
            return new Session(http, cookies, fresh);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot log " + user + " in to the webapps", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
