package ca.gc.microacquisition.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.identity.IdentityDemoTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CFOB changes a rule the way Camunda Modeler does it (multipart {@code POST /engine-rest/deployment/create} with
 * HTTP Basic); the next evaluation uses it; the change is recorded and readable by auditors. Everyone else is
 * refused, and a broken table is refused with a clear message while the previous version keeps working.
 */
@IdentityDemoTest
class RuleDeploymentTest {

    @org.springframework.beans.factory.annotation.Autowired
    ca.gc.microacquisition.process.StepDeadlines stepDeadlines;

    private static final String REST = "/engine-rest/engine/" + IdentityDemoTest.ENGINE;
    private static final String MEDIUM_RULE =
            "<inputEntry id=\"Rule_ManyMediumFindings_In9\">\n          <text>&gt; 5</text>";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> deployments = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @AfterEach
    void removeTestDeployments() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        deployments.clear();
    }

    @Test
    void cfobDeploysAChangedTableTheNextEvaluationUsesItAndTheChangeIsRecorded() throws Exception {
        int before = latestVersion("QaGate");
        assertThat(evaluateQaGate(3)).isEmpty(); // 3 medium findings: no rule as shipped (more than 5)

        HttpResponse<String> deployed =
                deploy("cfob", "QaGate.dmn", qaGate().replace(MEDIUM_RULE, MEDIUM_RULE.replace("&gt; 5", "&gt; 2")));

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deploymentId = json.readTree(deployed.body()).get("id").asText();
        deployments.add(deploymentId);
        assertThat(latestVersion("QaGate")).isEqualTo(before + 1);
        JsonNode rows = evaluateQaGate(3);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("outcome").get("value").asText()).isEqualTo("REVIEW");

        HttpResponse<String> changes = get("/staff/rule-changes?decisionKey=QaGate", "auditor");
        assertThat(changes.statusCode()).isEqualTo(200);
        JsonNode latest = json.readTree(changes.body()).get(0);
        assertThat(latest.get("changedBy").asText()).isEqualTo("cfob");
        assertThat(latest.get("version").asInt()).isEqualTo(before + 1);
        assertThat(latest.get("previousVersion").asInt()).isEqualTo(before);
        assertThat(latest.get("deploymentId").asText()).isEqualTo(deploymentId);
        assertThat(latest.get("resourceName").asText()).isEqualTo("QaGate.dmn");
        assertThat(latest.get("changedAt").asText()).isNotBlank();
        assertThat(latest.get("summary").asText()).isEqualTo("1 rule changed.");
        JsonNode change = latest.get("changes").get(0);
        assertThat(change.get("kind").asText()).isEqualTo("RULE_CHANGED");
        assertThat(change.get("element").asText()).isEqualTo("Rule_ManyMediumFindings");
        assertThat(change.get("detail").asText()).isEqualTo("input 'Medium findings': > 5 → > 2");

        // The engine's own user operation log shows the deployment too (auditors read it in Cockpit and REST).
        assertThat(historyService
                        .createUserOperationLogQuery()
                        .deploymentId(deploymentId)
                        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                        .userId("cfob")
                        .count())
                .isPositive();

        // Rolling back is deploying the previous version's XML again: recorded as one more version.
        HttpResponse<String> rolledBack = deploy("cfob", "QaGate.dmn", qaGate());
        assertThat(rolledBack.statusCode()).isEqualTo(200);
        deployments.add(json.readTree(rolledBack.body()).get("id").asText());
        assertThat(evaluateQaGate(3)).isEmpty();
        JsonNode rollback = json.readTree(
                        get("/staff/rule-changes?decisionKey=QaGate", "cfob").body())
                .get(0);
        assertThat(rollback.get("version").asInt()).isEqualTo(before + 2);
        assertThat(rollback.get("changes").get(0).get("detail").asText())
                .isEqualTo("input 'Medium findings': > 2 → > 5");
    }

    @Test
    void onlyCfobAndAdministratorsMayDeploy() throws Exception {
        int before = latestVersion("QaGate");

        HttpResponse<String> requester = deploy("requester", "QaGate.dmn", qaGate());
        HttpResponse<String> auditor = deploy("auditor", "QaGate.dmn", qaGate());
        HttpResponse<String> manager = deploy("manager", "QaGate.dmn", qaGate());

        assertThat(List.of(requester.statusCode(), auditor.statusCode(), manager.statusCode()))
                .containsOnly(403);
        assertThat(latestVersion("QaGate")).isEqualTo(before);

        // Administrators may deploy anything, a process model included.
        HttpResponse<String> admin = deploy("admin", "RuleCheck.bpmn", process());
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        deployments.add(json.readTree(admin.body()).get("id").asText());
    }

    @Test
    void cfobMayDeployOnlyItsDecisionTables() throws Exception {
        HttpResponse<String> bpmn = deploy("cfob", "RuleCheck.bpmn", process());
        assertThat(bpmn.statusCode()).isEqualTo(403);
        assertThat(message(bpmn))
                .contains("RuleCheck.bpmn is not a decision table (.dmn)")
                .contains("Nothing was deployed");

        HttpResponse<String> form = deploy("cfob", "accept-work.form", "{\"id\": \"accept-work\", \"components\": []}");
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(message(form)).contains("accept-work.form is not a decision table");

        HttpResponse<String> unknown =
                deploy("cfob", "Discount.dmn", qaGate().replace("id=\"QaGate\"", "id=\"Discount\""));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(message(unknown)).contains("[Discount] that CFOB does not own");

        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("RuleCheck")
                        .count())
                .isZero();
        assertThat(repositoryService
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey("Discount")
                        .count())
                .isZero();
    }

    @Test
    void aBrokenTableIsRefusedWithAClearMessageAndThePreviousVersionKeepsWorking() throws Exception {
        int before = latestVersion("QaGate");

        HttpResponse<String> xml = deploy("cfob", "QaGate.dmn", qaGate().replace("</definitions>", ""));
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(message(xml)).startsWith("QaGate.dmn is not a readable DMN file");

        HttpResponse<String> feel = deploy(
                "cfob", "QaGate.dmn", qaGate().replace(MEDIUM_RULE, MEDIUM_RULE.replace("&gt; 5", "&gt; &gt; 5")));
        assertThat(feel.statusCode()).isEqualTo(400);
        assertThat(message(feel))
                .contains("decision QaGate, rule Rule_ManyMediumFindings, input 'Medium findings':"
                        + " '> > 5' is not valid FEEL");

        HttpResponse<String> output =
                deploy("cfob", "QaGate.dmn", qaGate().replace("name=\"outcome\"", "name=\"result\""));
        assertThat(output.statusCode()).isEqualTo(400);
        assertThat(message(output)).contains("decision QaGate must have the outputs [outcome, reason]");

        HttpResponse<String> value =
                deploy("cfob", "QaGate.dmn", qaGate().replaceFirst("&quot;FAIL&quot;", "&quot;FAILED&quot;"));
        assertThat(value.statusCode()).isEqualTo(400);
        assertThat(message(value))
                .contains("output 'outcome' must be one of \"FAIL\", \"REVIEW\" (found '\"FAILED\"')");

        HttpResponse<String> policy = deploy(
                "cfob",
                "ContractSplitting.dmn",
                resource("ContractSplitting").replace("<text>90</text>", "<text>ninety</text>"));
        assertThat(policy.statusCode()).isEqualTo(400);
        assertThat(message(policy)).contains("decision SplittingPolicy, output 'windowDays' must be a positive number");

        assertThat(latestVersion("QaGate")).isEqualTo(before);
        assertThat(evaluateQaGate(6)).hasSize(1);
    }

    @Test
    void stepDeadlines_areDurations_remindBeforeDue_escalateToAStaffGroup_andKeepTheirDefault() throws Exception {
        int before = latestVersion("StepDeadlines");
        String table = resource("StepDeadlines");

        HttpResponse<String> words =
                deploy("cfob", "StepDeadlines.dmn", table.replaceFirst("&quot;P5D&quot;|\"P5D\"", "\"five days\""));
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(message(words)).contains("output 'dueAfter' must be a positive ISO 8601 duration");

        HttpResponse<String> order =
                deploy("cfob", "StepDeadlines.dmn", table.replace("<text>\"PT24H\"</text>", "<text>\"P3D\"</text>"));
        assertThat(order.statusCode()).isEqualTo(400);
        assertThat(message(order)).contains("rule Rule_AnswerQuestions, output 'dueAfter' (\"P2D\") must be longer");

        HttpResponse<String> group = deploy(
                "cfob", "StepDeadlines.dmn", table.replace("<text>\"finance\"</text>", "<text>\"everyone\"</text>"));
        assertThat(group.statusCode()).isEqualTo(400);
        assertThat(message(group)).contains("output 'escalateTo' must be one of");

        int last = table.lastIndexOf("<rule id=\"Rule_AnyOtherStep\">");
        String withoutDefault =
                table.substring(0, last) + table.substring(table.indexOf("</rule>", last) + "</rule>".length());
        HttpResponse<String> noDefault = deploy("cfob", "StepDeadlines.dmn", withoutDefault);
        assertThat(noDefault.statusCode()).isEqualTo(400);
        assertThat(message(noDefault)).contains("the last rule (Rule_ResolvePayment) must match every input");

        assertThat(latestVersion("StepDeadlines")).isEqualTo(before);

        // a valid change applies to the next task: CFOB gives managers one day to attest
        HttpResponse<String> changed = deploy(
                "cfob",
                "StepDeadlines.dmn",
                table.replace(
                                "<outputEntry id=\"Rule_AttestCapacity_DueAfter\">\n          <text>\"P5D\"</text>",
                                "<outputEntry id=\"Rule_AttestCapacity_DueAfter\">\n          <text>\"P1D\"</text>")
                        .replace(
                                "<outputEntry id=\"Rule_AttestCapacity_RemindAfter\">\n          <text>\"P2D\"</text>",
                                "<outputEntry id=\"Rule_AttestCapacity_RemindAfter\">\n          <text>\"PT12H\"</text>"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        deployments.add(json.readTree(changed.body()).get("id").asText());
        assertThat(stepDeadlines.of("AttestCapacity").dueAfter()).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(stepDeadlines.of("AttestCapacity").remindAfter()).isEqualTo(java.time.Duration.ofHours(12));
    }

    @Test
    void ruleChangesAreForAuditorsCfobAndAdministratorsOnly() throws Exception {
        HttpResponse<String> auditor = get("/staff/rule-changes", "auditor");
        assertThat(auditor.statusCode()).isEqualTo(200);
        // The start-up deployment recorded the first version of every table, rule by rule.
        JsonNode all = json.readTree(auditor.body());
        List<String> keys = new ArrayList<>();
        all.forEach(change -> keys.add(change.get("decisionKey").asText()));
        assertThat(keys).contains("Eligibility", "ContractSplitting", "SplittingPolicy", "QaGate");
        assertThat(get("/staff/rule-changes?decisionKey=SplittingPolicy&limit=1", "admin")
                        .statusCode())
                .isEqualTo(200);

        assertThat(get("/staff/rule-changes", "requester").statusCode()).isEqualTo(403);
        assertThat(get("/staff/rule-changes", "finance").statusCode()).isEqualTo(403);
        assertThat(get("/staff/rule-changes", null).statusCode()).isEqualTo(401);
        // requester2 only ever signs in with a wrong password in these tests: a failed login delays the next ones.
        assertThat(get("/staff/rule-changes", "requester2", "wrong").statusCode())
                .isEqualTo(401);
        assertThat(get("/staff/rule-changes", "nobody", "nobody").statusCode()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ helpers

    private int latestVersion(String key) {
        DecisionDefinition latest = repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .latestVersion()
                .singleResult();
        return latest.getVersion();
    }

    /** Evaluates the latest QaGate as CFOB does to try a rule: a clean pull request with some medium findings. */
    private JsonNode evaluateQaGate(int mediumFindings) throws Exception {
        Map<String, Object> variables = Map.of(
                "changeRequestState",
                typed("OPEN", "String"),
                "checksOutcome",
                typed("PASSED", "String"),
                "licenceFilePresent",
                typed(true, "Boolean"),
                "licenceMatches",
                typed(true, "Boolean"),
                "scanningAvailable",
                typed(true, "Boolean"),
                "secretsFound",
                typed(0, "Integer"),
                "criticalFindings",
                typed(0, "Integer"),
                "highFindings",
                typed(0, "Integer"),
                "mediumFindings",
                typed(mediumFindings, "Integer"),
                "lowFindings",
                typed(0, "Integer"));
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(uri(REST + "/decision-definition/key/QaGate/evaluate"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(Map.of("variables", variables)))),
                "cfob",
                "cfob");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    /** What Camunda Modeler sends when deploying: a multipart form with a name, a source and the file. */
    private HttpResponse<String> deploy(String user, String fileName, String content) throws Exception {
        String boundary = "----rules" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        part(body, boundary, "deployment-name", null, "rule change test");
        part(body, boundary, "deployment-source", null, "Camunda Modeler");
        part(body, boundary, "data", fileName, content);
        body.append("--").append(boundary).append("--\r\n");
        return send(
                HttpRequest.newBuilder(uri(REST + "/deployment/create"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                user,
                user);
    }

    private static void part(StringBuilder body, String boundary, String name, String fileName, String content) {
        body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append('"');
        if (fileName != null) {
            body.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
        }
        body.append("\r\n\r\n").append(content).append("\r\n");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return get(path, user, user);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
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

    private String message(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body()).get("message").asText();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String qaGate() throws IOException {
        return resource("QaGate");
    }

    private static String resource(String key) throws IOException {
        try (InputStream in =
                RuleDeploymentTest.class.getClassLoader().getResourceAsStream("processes/" + key + ".dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String process() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://example.org/rules">
                  <process id="RuleCheck" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="start" />
                  </process>
                </definitions>
                """;
    }
}
