package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.process.ProcurementsForReports;
import ca.gc.microacquisition.process.ProcurementsForReports.Finished;
import ca.gc.microacquisition.proposal.Draw;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Audit plugin's resources return what happened in a procurement run on the real engine. */
@AuditTest
class AuditTrailTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcurementsForReports.Runner procurements;

    @Autowired
    ObjectMapper json;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    WebClient auditor;
    Finished finished;

    @BeforeEach
    void signIn() throws Exception {
        finished = procurements.sharedFinished();
        auditor = new WebClient(port);
        assertThat(auditor.login("auditor", "cockpit")).isEqualTo(200);
    }

    @Test
    void theTrailHasEveryActivityWithWhoAndWhen() throws Exception {
        JsonNode trail = trail();
        JsonNode summary = trail.get("summary");
        assertThat(summary.get("reference").asText()).isEqualTo(finished.reference());
        assertThat(summary.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(summary.get("requester").asText()).isEqualTo(finished.requester());

        List<String> activities = texts(trail.get("activities"), "activityId");
        assertThat(activities)
                .contains(
                        "Task_CheckEligibility",
                        "AttestCapacity",
                        "CommitFunds",
                        "Task_PublishOpportunity",
                        "EvaluateProposals",
                        "Task_DrawWinner",
                        "Task_AwardContract",
                        "AcceptWork",
                        "Task_PayByCard",
                        "EndEvent_Completed");
        assertThat(activity(trail, "AttestCapacity").get("who").asText()).isEqualTo("manager");
        assertThat(activity(trail, "EvaluateProposals").get("who").asText()).isEqualTo("evaluator");
        assertThat(activity(trail, "AcceptWork").get("who").asText()).isEqualTo(finished.requester());
        assertThat(activity(trail, "AcceptWork").get("startedAt").asText()).isNotBlank();
        assertThat(activity(trail, "AcceptWork").get("endedAt").asText()).isNotBlank();
        assertThat(trail.get("timeline").size())
                .isGreaterThan(trail.get("activities").size());
        assertThat(texts(trail.get("timeline"), "kind"))
                .contains("ACTIVITY", "DECISION", "FORM", "OPERATION", "PAYMENT");
        assertThat(trail.get("incidents").size()).isZero();
    }

    @Test
    void everyDecisionWithItsInputsOutputsAndVersion() throws Exception {
        JsonNode trail = trail();
        List<String> keys = texts(trail.get("decisions"), "decisionKey");
        assertThat(keys).contains("Eligibility", "QaGate");
        assertThat(keys.stream().filter("ContractSplitting"::equals)).hasSize(2); // before posting and before award
        for (JsonNode decision : trail.get("decisions")) {
            assertThat(decision.get("version").asInt()).isPositive();
            if (!"SplittingPolicy".equals(decision.get("decisionKey").asText())) { // the policy table has no inputs
                assertThat(decision.get("inputs").size()).isPositive();
            }
            assertThat(decision.get("evaluatedAt").asText()).isNotBlank();
        }
        JsonNode eligibility = decision(trail, "Eligibility");
        assertThat(eligibility.get("inputs").toString())
                .contains("Estimated value")
                .contains("2500")
                .contains("UNCLASSIFIED");
        assertThat(eligibility.get("outputs").size()).isZero(); // eligible: no reason collected
    }

    @Test
    void formSubmissionsAndUserOperationsNameTheUser() throws Exception {
        JsonNode trail = trail();
        JsonNode attest = null;
        for (JsonNode form : trail.get("formSubmissions")) {
            if (form.get("form").asText().contains("AttestCapacity")) {
                attest = form;
            }
        }
        assertThat(attest).as("the AttestCapacity form submission").isNotNull();
        assertThat(attest.get("submittedBy").asText()).isEqualTo("manager");
        assertThat(attest.get("values").toString())
                .contains("capacityAttestation")
                .contains("CAPACITY_UNAVAILABLE");
        assertThat(texts(trail.get("formSubmissions"), "form")).contains("Request form (start)");

        List<String> completions = new ArrayList<>();
        for (JsonNode operation : trail.get("operations")) {
            if ("Complete".equals(operation.get("operationType").asText())) {
                completions.add(operation.get("user").asText());
            }
        }
        assertThat(completions).contains("manager", "evaluator", finished.requester());
    }

    @Test
    void evaluationsDrawContractAndPaymentFromTheDomain() throws Exception {
        JsonNode trail = trail();
        assertThat(trail.get("evaluations").size()).isEqualTo(4); // 2 proposals x 2 criteria
        for (JsonNode evaluation : trail.get("evaluations")) {
            assertThat(evaluation.get("result").asText()).isEqualTo("PASS");
            assertThat(evaluation.get("rationale").asText()).isNotBlank();
            assertThat(evaluation.get("evaluator").asText()).isEqualTo("evaluator");
        }
        JsonNode draw = trail.get("draws").get(0);
        assertThat(draw.get("seed").asLong()).isEqualTo(finished.drawSeed());
        assertThat(draw.get("replayMatches").asBoolean()).isTrue();
        List<UUID> input =
                texts(draw, "inputProposalIds").stream().map(UUID::fromString).toList();
        List<UUID> order =
                texts(draw, "orderedProposalIds").stream().map(UUID::fromString).toList();
        assertThat(Draw.replay(input, draw.get("seed").asLong())).isEqualTo(order);

        JsonNode contract = trail.get("contracts").get(0);
        assertThat(contract.get("status").asText()).isEqualTo("CLOSED");
        assertThat(contract.get("acceptedBy").asText()).isEqualTo(finished.requester());
        JsonNode payment = trail.get("payments").get(0);
        assertThat(payment.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(payment.get("paymentMethod").asText()).doesNotContain("pm_card");
    }

    @Test
    void searchByReferenceRequesterSupplierDateAndState() throws Exception {
        assertThat(references("procurements?reference=" + finished.reference())).containsExactly(finished.reference());
        assertThat(references("procurements?requester=" + finished.requester())).containsExactly(finished.reference());
        String winner = trail().get("contracts").get(0).get("supplier").asText();
        assertThat(references("procurements?supplier=" + winner.replace(" ", "%20")))
                .contains(finished.reference());
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("America/Toronto")).toString();
        assertThat(references("procurements?from=" + today + "&to=" + today)).contains(finished.reference());
        assertThat(references("procurements?to=2000-01-01")).doesNotContain(finished.reference());
        assertThat(references("procurements?state=finished")).contains(finished.reference());
        assertThat(references("procurements?state=running")).doesNotContain(finished.reference());
        assertThat(auditor.plugin("procurements?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(auditor.plugin("procurements/MA-1999-0001").statusCode()).isEqualTo(404);
    }

    @Test
    void exportsCarryRationalesAndTheSeed() throws Exception {
        var csv = auditor.plugin("procurements/" + finished.reference() + "/export.csv");
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("reference,section,at,who,item,name,value,detail");
        assertThat(csv.body())
                .contains(finished.reference() + ",DRAW,")
                .contains(",seed," + finished.drawSeed() + ",")
                .contains(",EVALUATION,")
                .contains("The statement shows the criterion is met.")
                .contains(",DECISION_INPUT,")
                .contains(",PAYMENT,");

        var html = auditor.plugin("procurements/" + finished.reference() + "/export.html");
        assertThat(html.body())
                .contains("Audit trail of " + finished.reference())
                .contains("Random draw")
                .contains(String.valueOf(finished.drawSeed()));

        var staffJson = auditor.get("/staff/audit/export.json", "auditor");
        assertThat(references(json.readTree(staffJson.body()), true)).contains(finished.reference());
        var staffCsv = auditor.get("/staff/audit/export.csv?to=2000-01-01", "auditor");
        assertThat(staffCsv.body()).isEqualTo("reference,section,at,who,item,name,value,detail\r\n");
    }

    @Test
    void formulasInAuditExportsAreNeutralisedAndTheCardIsNeverShown() throws Exception {
        Finished other = procurements.finish();
        jdbc.update(
                "update opportunity set title = ?, team = ? where reference = ?",
                "=HYPERLINK(\"https://evil.example\",\"Click\")",
                "@SUM(1+1)",
                other.reference());

        for (String csv : List.of(
                auditor.plugin("procurements/" + other.reference() + "/export.csv")
                        .body(),
                auditor.plugin("export.csv").body(),
                auditor.get("/staff/audit/procurements/" + other.reference() + "/export.csv", "auditor")
                        .body(),
                auditor.get("/staff/audit/export.csv", "auditor").body())) {
            assertThat(csv)
                    .contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\",", ",'@SUM(1+1),")
                    .doesNotContain(",=HYPERLINK", ",\"=HYPERLINK", ",@SUM");
        }
        // the Cockpit Audit page's data: the committed card shows by its last four only
        String page = auditor.plugin("procurements/" + other.reference()).body();
        assertThat(page).doesNotContain("pm_card_visa").contains("…visa");
    }

    private JsonNode trail() throws Exception {
        var response = auditor.plugin("procurements/" + finished.reference());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<String> references(String path) throws Exception {
        var response = auditor.plugin(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return references(json.readTree(response.body()), false);
    }

    private static List<String> references(JsonNode list, boolean trails) {
        return StreamSupport.stream(list.spliterator(), false)
                .map(n -> (trails ? n.get("summary") : n).get("reference").asText())
                .toList();
    }

    private static JsonNode activity(JsonNode trail, String id) {
        return find(trail.get("activities"), "activityId", id);
    }

    private static JsonNode decision(JsonNode trail, String key) {
        return find(trail.get("decisions"), "decisionKey", key);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode node : list) {
            if (value.equals(node.get(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + list);
    }

    private static List<String> texts(JsonNode node, String field) {
        JsonNode list = node.isArray() ? node : node.get(field);
        if (node.isArray()) {
            return StreamSupport.stream(list.spliterator(), false)
                    .map(n -> n.get(field).asText())
                    .toList();
        }
        return StreamSupport.stream(list.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
