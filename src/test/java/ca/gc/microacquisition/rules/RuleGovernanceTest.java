package ca.gc.microacquisition.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rules in FEEL only, and rule history kept: over the engine REST API with the demo users (HTTP Basic), as a
 * hostile CFOB member would try it with curl.
 */
@IdentityDemoTest
class RuleGovernanceTest {

    private static final String REST = "/engine-rest/engine/" + IdentityDemoTest.ENGINE;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> deployments = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    DecisionService decisionService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void removeTestDeployments() {
        identityService.clearAuthentication();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        deployments.clear();
    }

    /** Every place an expression language can be named, with each of three languages that run code. */
    static Stream<Arguments> otherLanguages() {
        List<Arguments> cases = new ArrayList<>();
        for (String language : List.of("juel", "javascript", "groovy")) {
            cases.add(Arguments.of("input expression", language, (Edit) (xml, l) -> xml.replace(
                    "<inputExpression id=\"Input_EstimatedValueExpression\" typeRef=\"double\">",
                    "<inputExpression id=\"Input_EstimatedValueExpression\" typeRef=\"double\" expressionLanguage=\""
                            + l + "\">")));
            cases.add(Arguments.of("input entry", language, (Edit) (xml, l) ->
                    xml.replaceFirst("<inputEntry id=\"", "<inputEntry expressionLanguage=\"" + l + "\" id=\"")));
            cases.add(Arguments.of("output entry", language, (Edit) (xml, l) ->
                    xml.replaceFirst("<outputEntry id=\"", "<outputEntry expressionLanguage=\"" + l + "\" id=\"")));
            cases.add(Arguments.of("definitions expressionLanguage", language, (Edit)
                    (xml, l) -> xml.replaceFirst("<definitions ", "<definitions expressionLanguage=\"" + l + "\" ")));
            cases.add(Arguments.of("definitions typeLanguage", language, (Edit)
                    (xml, l) -> xml.replaceFirst("<definitions ", "<definitions typeLanguage=\"" + l + "\" ")));
            cases.add(Arguments.of("literal expression", language, (Edit) (xml, l) -> xml.replaceFirst(
                    "<decision ",
                    "<decision id=\"Extra\" name=\"Extra\" camunda:historyTimeToLive=\"2555\"><variable id=\"Extra_Variable\""
                            + " name=\"extra\" typeRef=\"integer\" /><literalExpression"
                            + " id=\"Extra_Literal\" expressionLanguage=\"" + l + "\"><text>1 + 1</text>"
                            + "</literalExpression></decision><decision ")));
        }
        return cases.stream();
    }

    interface Edit {
        String apply(String xml, String language);
    }

    @ParameterizedTest(name = "{1} in the {0}")
    @MethodSource("otherLanguages")
    void cfobCannotDeployATableInAnotherLanguageThanFeel(String place, String language, Edit edit) throws Exception {
        String xml = edit.apply(resource("Eligibility"), language);
        assertThat(xml).as("the edit applied").isNotEqualTo(resource("Eligibility"));
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();
        int versionBefore = latestVersion("Eligibility");

        HttpResponse<String> response = deploy("cfob", "Eligibility.dmn", xml);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(message(response)).contains("FEEL only").contains(language);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        assertThat(latestVersion("Eligibility")).isEqualTo(versionBefore);
    }

    @Test
    void aNonFeelTableDeployedBeforeTheCheckIsNotEvaluated() throws Exception {
        String key = "Legacy" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        String definitionId = deployBypassingTheCheck(key, """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d_%1$s" name="legacy" namespace="t">
                  <decision id="%1$s" name="Legacy" camunda:historyTimeToLive="2555">
                    <decisionTable id="t_%1$s">
                      <input id="i"><inputExpression id="ie" typeRef="string" expressionLanguage="juel">
                        <text>${"" + 1}</text></inputExpression></input>
                      <output id="o" name="leak" typeRef="string" />
                      <rule id="r"><inputEntry id="e"><text></text></inputEntry>
                        <outputEntry id="oe" expressionLanguage="juel"><text>${"secret"}</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key));

        for (String path : List.of(
                "/decision-definition/key/" + key + "/evaluate",
                "/decision-definition/" + definitionId + "/evaluate")) {
            HttpResponse<String> response = send(
                    HttpRequest.newBuilder(uri(REST + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}")),
                    "cfob",
                    "cfob");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(message(response)).contains("FEEL only").doesNotContain("secret\"");
        }
        assertThatThrownBy(() -> decisionService
                        .evaluateDecisionById(definitionId)
                        .variables(Variables.createVariables())
                        .evaluate())
                .isInstanceOf(NotValidException.class)
                .hasMessageContaining("FEEL only");
        assertThat(historyService
                        .createHistoricDecisionInstanceQuery()
                        .decisionDefinitionId(definitionId)
                        .count())
                .isZero();
    }

    @Test
    void cfobCannotDeleteItsDeploymentOrDecisionHistoryAndAnAdministratorsDeletionIsRecorded() throws Exception {
        HttpResponse<String> deployed = deploy("cfob", "QaGate.dmn", resource("QaGate"));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deploymentId = json.readTree(deployed.body()).get("id").asText();
        deployments.add(deploymentId);
        DecisionDefinition definition = repositoryService
                .createDecisionDefinitionQuery()
                .deploymentId(deploymentId)
                .decisionDefinitionKey("QaGate")
                .singleResult();
        decisionService
                .evaluateDecisionById(definition.getId())
                .variables(qaGateInputs())
                .evaluate();
        long history = historyService
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionId(definition.getId())
                .count();
        assertThat(history).isPositive();

        // Deleting the deployment, with or without cascade: refused, nothing deleted.
        for (String cascade : List.of("true", "false")) {
            HttpResponse<String> refused = delete(REST + "/deployment/" + deploymentId + "?cascade=" + cascade, "cfob");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(message(refused))
                    .containsAnyOf("Only administrators may delete a deployment", "ask an administrator");
        }
        // Deleting or shortening the decision history: refused.
        HttpResponse<String> byDefinition = send(
                HttpRequest.newBuilder(uri(REST + "/history/decision-instance/delete"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"historicDecisionInstanceQuery\":{\"decisionDefinitionId\":\"" + definition.getId()
                                        + "\"},\"deleteReason\":\"tidy\"}")),
                "cfob",
                "cfob");
        assertThat(byDefinition.statusCode()).as(byDefinition.body()).isEqualTo(403);
        HttpResponse<String> ttl = send(
                HttpRequest.newBuilder(
                                uri(REST + "/decision-definition/" + definition.getId() + "/history-time-to-live"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"historyTimeToLive\":0}")),
                "cfob",
                "cfob");
        assertThat(ttl.statusCode()).as(ttl.body()).isEqualTo(403);
        HttpResponse<String> removalTime = send(
                HttpRequest.newBuilder(uri(REST + "/history/decision-instance/set-removal-time"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"absoluteRemovalTime\":\"2020-01-01T00:00:00.000+0000\","
                                        + "\"historicDecisionInstanceQuery\":{\"decisionDefinitionId\":\""
                                        + definition.getId()
                                        + "\"}}")),
                "cfob",
                "cfob");
        assertThat(removalTime.statusCode()).as(removalTime.body()).isEqualTo(403);

        assertThat(repositoryService
                        .createDeploymentQuery()
                        .deploymentId(deploymentId)
                        .count())
                .isEqualTo(1);
        assertThat(historyService
                        .createHistoricDecisionInstanceQuery()
                        .decisionDefinitionId(definition.getId())
                        .count())
                .isEqualTo(history);
        assertThat(repositoryService.getDecisionDefinition(definition.getId()).getHistoryTimeToLive())
                .isEqualTo(2555);

        // An administrator may, and the deletion is recorded.
        HttpResponse<String> deleted = delete(REST + "/deployment/" + deploymentId + "?cascade=true", "admin");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        deployments.remove(deploymentId);
        assertThat(repositoryService
                        .createDeploymentQuery()
                        .deploymentId(deploymentId)
                        .count())
                .isZero();

        HttpResponse<String> log = send(
                HttpRequest.newBuilder(uri("/staff/rule-changes/deletions")).GET(), "auditor", "auditor");
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        JsonNode recorded = null;
        for (JsonNode entry : json.readTree(log.body())) {
            if (deploymentId.equals(entry.get("deploymentId").asText())) {
                recorded = entry;
            }
        }
        assertThat(recorded).as("the deletion is in the rule-change log").isNotNull();
        assertThat(recorded.get("deletedBy").asText()).isEqualTo("admin");
        assertThat(recorded.get("cascade").asBoolean()).isTrue();
        assertThat(recorded.get("deletedAt").asText()).isNotBlank();
        assertThat(recorded.get("decisions").toString()).contains("QaGate:" + definition.getVersion());
    }

    /** A table deployed before the FEEL-only check existed: deployed with the deployment guard left out. */
    private String deployBypassingTheCheck(String key, String xml) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<Deployer> all = configuration.getDeployers();
        configuration
                .getDeploymentCache()
                .setDeployers(all.stream()
                        .filter(deployer -> !(deployer instanceof RuleDeploymentGuard))
                        .toList());
        try {
            String deploymentId = repositoryService
                    .createDeployment()
                    .name("legacy table")
                    .addString(key + ".dmn", xml)
                    .deploy()
                    .getId();
            deployments.add(deploymentId);
        } finally {
            configuration.getDeploymentCache().setDeployers(all);
        }
        return repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .singleResult()
                .getId();
    }

    private static org.camunda.bpm.engine.variable.VariableMap qaGateInputs() {
        return Variables.createVariables()
                .putValue("changeRequestState", "OPEN")
                .putValue("checksOutcome", "PASSED")
                .putValue("licenceFilePresent", true)
                .putValue("licenceMatches", true)
                .putValue("scanningAvailable", true)
                .putValue("secretsFound", 0)
                .putValue("criticalFindings", 0)
                .putValue("highFindings", 0)
                .putValue("mediumFindings", 0)
                .putValue("lowFindings", 0);
    }

    private int latestVersion(String key) {
        return repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .latestVersion()
                .singleResult()
                .getVersion();
    }

    private HttpResponse<String> deploy(String user, String fileName, String content) throws Exception {
        String boundary = "----rules" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        part(body, boundary, "deployment-name", null, "rule governance test");
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

    private HttpResponse<String> delete(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), user, user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user, String password) throws Exception {
        request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String message(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body()).get("message").asText();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String resource(String key) throws IOException {
        try (InputStream in =
                RuleGovernanceTest.class.getClassLoader().getResourceAsStream("processes/" + key + ".dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
