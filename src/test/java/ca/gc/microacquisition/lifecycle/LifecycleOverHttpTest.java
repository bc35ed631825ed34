package ca.gc.microacquisition.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.adapters.repositoryhost.local.LocalRepositories;
import ca.gc.microacquisition.adapters.repositoryhost.local.LocalRepositoryUrl;
import ca.gc.microacquisition.identity.IdentityDemoTest;
import ca.gc.microacquisition.testsupport.StartForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole procurement over HTTP, as the people using it act: staff through the engine REST API that Tasklist
 * uses (HTTP Basic, demo users, authorizations on), suppliers through the supplier API. Only the job executor is
 * stood in for: the test runs the due jobs and timers itself.
 */
@IdentityDemoTest
class LifecycleOverHttpTest {

    private static final String REST = "/engine-rest/engine/" + IdentityDemoTest.ENGINE;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    LocalRepositories repositories;

    @Test
    void aWholeProcurementThroughTheEngineRestApiAndTheSupplierApi() throws Exception {
        String owner = "lifecycle" + UUID.randomUUID().toString().substring(0, 8);
        String repositoryUrl = repositories.createRepository(owner, "widget", "MIT");

        // The requester submits the start form (as Tasklist does).
        HttpResponse<String> started = post(
                REST + "/process-definition/key/MicroProcurement/submit-form",
                "requester",
                requestForm(repositoryUrl, "2500.00"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json.readTree(started.body()).get("id").asText();
        runJobs(instanceId);
        String reference = json.readTree(started.body()).get("businessKey").asText();
        assertThat(reference).matches("MA-\\d{4}-\\d{4}");

        // The manager sees the task's form and completes both manager tasks.
        String attest = taskId(instanceId, "AttestCapacity", "manager");
        HttpResponse<String> form = get(REST + "/task/" + attest + "/deployed-form", "manager");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(json.readTree(form.body()).get("id").asText()).isEqualTo("attest-capacity");
        assertThat(form.body()).contains("capacityAttestation");
        submitTask(
                attest,
                "manager",
                Map.of(
                        "capacityAttestation",
                        "CAPACITY_UNAVAILABLE",
                        "capacityRationale",
                        "Both development teams are committed until spring."));
        submitTask(
                taskId(instanceId, "CommitFunds", "manager"),
                "manager",
                Map.of(
                        "fundsDecision",
                        "COMMITTED",
                        "financialCoding",
                        "FC-1234-5678",
                        "paymentMethod",
                        "pm_card_visa",
                        "section32Certified",
                        true));
        runJobs(instanceId);

        // The opportunity is public; two suppliers register and apply.
        JsonNode opportunity =
                json.readTree(get("/api/opportunities/" + reference, null).body());
        assertThat(opportunity.get("status").asText()).isEqualTo("OPEN");
        assertThat(opportunity.get("price").asText()).isEqualTo("2500.00");
        List<String[]> suppliers = new ArrayList<>();
        for (String language : List.of("en", "fr")) {
            String email =
                    "lifecycle-" + language + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
            HttpResponse<String> registered = post(
                    "/api/suppliers",
                    null,
                    Map.of(
                            "email",
                            email,
                            "password",
                            "a long enough password",
                            "displayName",
                            "Supplier " + language,
                            "language",
                            language,
                            "declarations",
                            Map.of("ageOfMajority", true, "status", "CITIZEN", "canAcceptCardOrPayPal", true)));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            HttpResponse<String> proposal = postAs(
                    "/api/opportunities/" + reference + "/proposals",
                    email,
                    "a long enough password",
                    Map.of(
                            "acceptTerms",
                            true,
                            "statements",
                            List.of(
                                    Map.of("criterionId", "C1", "text", "I translated two open-source applications."),
                                    Map.of("criterionId", "C2", "text", "I can start on Monday."))));
            assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(201);
            setUpPayout(email, "a long enough password", language);
            suppliers.add(new String[] {email, "a long enough password"});
        }

        // The deadline passes; the evaluator passes both proposals.
        fireTimer(instanceId);
        String evaluate = taskId(instanceId, "EvaluateProposals", "evaluator");
        JsonNode variables =
                json.readTree(get(REST + "/task/" + evaluate + "/form-variables?deserializeValues=false", "evaluator")
                        .body());
        ArrayNode sheet = (ArrayNode)
                json.readTree(variables.get("evaluationSheet").get("value").asText());
        assertThat(sheet).hasSize(4);
        assertThat(sheet.toString()).doesNotContain("@example.com");
        for (JsonNode row : sheet) {
            ((ObjectNode) row).put("result", "PASS").put("rationale", "The statement shows the criterion is met.");
        }
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("evaluationSheet", Map.of("type", "Json", "value", sheet.toString()));
        evaluation.put("conflictOfInterestDeclared", Map.of("value", true));
        HttpResponse<String> evaluated =
                post(REST + "/task/" + evaluate + "/submit-form", "evaluator", Map.of("variables", evaluation));
        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(204);
        runJobs(instanceId);

        // The winner finds its contract and delivers a pull request.
        String[] winner = null;
        JsonNode contract = null;
        for (String[] supplier : suppliers) {
            JsonNode contracts = json.readTree(
                    getAs("/api/me/contracts", supplier[0], supplier[1]).body());
            if (contracts.size() == 1) {
                winner = supplier;
                contract = contracts.get(0);
            }
        }
        assertThat(winner).as("exactly one supplier has the contract").isNotNull();
        repositories.commitFiles(
                owner,
                "widget",
                "feature/french",
                Map.of("messages_fr.properties", "greeting=Bonjour\n"),
                "French messages");
        HttpResponse<String> delivered = postAs(
                "/api/contracts/" + contract.get("id").asText() + "/deliveries",
                winner[0],
                winner[1],
                Map.of("pullRequestUrl", LocalRepositoryUrl.changeRequestUrl(owner, "widget", "feature/french")));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(201);
        runJobs(instanceId);

        // The requester accepts; the payment runs; the supplier sees it paid.
        submitTask(
                taskId(instanceId, "AcceptWork", "requester"),
                "requester",
                Map.of("acceptanceDecision", "ACCEPT", "section34Certified", true));
        runJobs(instanceId);
        runJobs(instanceId);

        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo("EndEvent_Completed");
        JsonNode paid = json.readTree(
                        getAs("/api/me/contracts", winner[0], winner[1]).body())
                .get(0);
        assertThat(paid.get("paymentStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.readTree(get("/api/opportunities/" + reference, null).body())
                        .get("status")
                        .asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aBadStartFormIsRefusedWithA400AndEveryProblem() throws Exception {
        Map<String, Object> form = requestForm("local://nobody/nothing", "12.345");
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) form.get("variables");
        variables.put("proposalDeadline", Map.of("value", "2020-01-01T12:00:00Z"));
        variables.put("title", Map.of("value", ""));
        long before = historyService.createHistoricProcessInstanceQuery().count();

        HttpResponse<String> refused =
                post(REST + "/process-definition/key/MicroProcurement/submit-form", "requester", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        String message = json.readTree(refused.body()).get("message").asText();
        assertThat(message)
                .contains("estimatedValue")
                .contains("proposalDeadline")
                .contains("title")
                .doesNotContain("Exception")
                .doesNotContain("at ca.gc");
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void aTaskFormWithMissingAnswersIsRefusedWithA400() throws Exception {
        String repositoryUrl = repositories.createRepository(
                "lifecycle" + UUID.randomUUID().toString().substring(0, 8), "widget", "MIT");
        String instanceId = json.readTree(post(
                                REST + "/process-definition/key/MicroProcurement/submit-form",
                                "requester",
                                requestForm(repositoryUrl, "900.00"))
                        .body())
                .get("id")
                .asText();
        runJobs(instanceId);
        String attest = taskId(instanceId, "AttestCapacity", "manager");

        HttpResponse<String> refused = post(
                REST + "/task/" + attest + "/submit-form",
                "manager",
                Map.of("variables", Map.of("capacityAttestation", Map.of("value", "CAPACITY_UNAVAILABLE"))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("message").asText())
                .contains("Explain how you checked in-house capacity");
        assertThat(get(REST + "/task/" + attest, "manager").statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> requestForm(String repositoryUrl, String value) {
        Map<String, Object> variables = StartForms.requestVariables(repositoryUrl, value);
        variables.put("team", Map.of("value", "team-benefits"));
        return new LinkedHashMap<>(Map.of("variables", variables));
    }

    private String taskId(String instanceId, String key, String user) throws Exception {
        JsonNode tasks =
                json.readTree(get(REST + "/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + key, user)
                        .body());
        assertThat(tasks).as("task " + key + " visible to " + user).hasSize(1);
        String id = tasks.get(0).get("id").asText();
        if (tasks.get(0).get("assignee").isNull()) {
            assertThat(post(REST + "/task/" + id + "/claim", user, Map.of("userId", user))
                            .statusCode())
                    .isEqualTo(204);
        }
        return id;
    }

    private void submitTask(String taskId, String user, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpResponse<String> response =
                post(REST + "/task/" + taskId + "/submit-form", user, Map.of("variables", variables));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /**
     * The supplier sets up how they get paid: the API opens the connected account and gives the onboarding link;
     * the supplier completes the sandbox's onboarding page (a browser form, with its CSRF token); the API then
     * reports the supplier ready.
     */
    private void setUpPayout(String email, String password, String language) throws Exception {
        JsonNode before = json.readTree(getAs("/api/me/payout", email, password).body());
        assertThat(before.get("ready").asBoolean()).isFalse();
        HttpResponse<String> started = postAs("/api/me/payout/onboarding?lang=" + language, email, password, Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String link = json.readTree(started.body()).get("onboardingUrl").asText();
        assertThat(link).contains("/" + language + "/sandbox/onboarding/");
        String path = URI.create(link).getRawPath();

        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        HttpResponse<String> page =
                browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        HttpResponse<String> completed = browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("action=complete&_csrf=" + csrf.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(completed.statusCode()).isEqualTo(302);
        assertThat(completed.headers().firstValue("Location").orElseThrow())
                .endsWith("/" + language + "/my/payouts/return");

        JsonNode after = json.readTree(
                getAs("/api/me/payout?refresh=true", email, password).body());
        assertThat(after.get("ready").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.get("method").asText()).isEqualTo("CONNECTED_ACCOUNT");
        assertThat(after.get("accountId").asText()).startsWith("acct_sandbox_");
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

    private void fireTimer(String instanceId) {
        Job timer = managementService.createJobQuery().processInstanceId(instanceId).timers().list().stream()
                .filter(job -> !ca.gc.microacquisition.process.ProcessScenario.isStepTimer(managementService, job))
                .findFirst()
                .orElseThrow();
        managementService.executeJob(timer.getId());
        runJobs(instanceId);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user, user);
    }

    private HttpResponse<String> getAs(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
    }

    private HttpResponse<String> post(String path, String user, Object body) throws Exception {
        return postAs(path, user, user, body);
    }

    private HttpResponse<String> postAs(String path, String user, String password, Object body) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
                user,
                password);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user, String password) throws Exception {
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
