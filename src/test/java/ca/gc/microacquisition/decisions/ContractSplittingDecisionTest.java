package ca.gc.microacquisition.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract-splitting guardrails ({@code processes/ContractSplitting.dmn}), rule by rule, with the policy as
 * shipped (the SplittingPolicy decision of the same file: threshold $10,000, near it from 90%, 90 days).
 */
class ContractSplittingDecisionTest {

    private static final String V = "number(string(estimatedValue))";

    private static DecisionTableRunner table;

    @BeforeAll
    static void load() {
        table = DecisionTableRunner.load("ContractSplitting");
    }

    /** A first request by a team, on a fresh repository, with no history at all. */
    private static Map<String, Object> noHistory(String scope, String value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("splittingScope", scope);
        variables.put("estimatedValue", value);
        variables.put("sameTeamCount", 0L);
        variables.put("sameTeamValue", BigDecimal.ZERO);
        variables.put("sameRepositoryCount", 0L);
        variables.put("sameRepositoryValue", BigDecimal.ZERO);
        variables.put("nearThresholdCount", 0L);
        variables.put("supplierAwardCount", 0L);
        variables.put("supplierAwardValue", BigDecimal.ZERO);
        variables.put("supplierCumulativeValue", BigDecimal.ZERO);
        return variables;
    }

    private static DecisionTableRunner.Evaluation request(String value, Object... pairs) {
        return evaluate(noHistory("REQUEST", value), pairs);
    }

    private static DecisionTableRunner.Evaluation supplier(String value, Object... pairs) {
        return evaluate(noHistory("SUPPLIER", value), pairs);
    }

    private static DecisionTableRunner.Evaluation evaluate(Map<String, Object> variables, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return table.evaluate(variables);
    }

    private static void assertOnly(DecisionTableRunner.Evaluation result, String ruleId, String risk, String reason) {
        assertThat(result.ruleIds()).containsExactly(ruleId);
        assertThat(result.column("risk")).containsExactly(risk);
        assertThat(result.column("reason")).containsExactly(reason);
    }

    @Test
    void tableHasTheAgreedShape() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("splittingScope", "string");
        inputs.put(V, "double");
        inputs.put("sameTeamCount", "long");
        inputs.put("sameTeamValue + " + V, "double");
        inputs.put("sameRepositoryCount", "long");
        inputs.put("sameRepositoryValue + " + V, "double");
        inputs.put("nearThresholdCount", "long");
        inputs.put("supplierAwardCount", "long");
        inputs.put("supplierAwardValue + " + V, "double");
        inputs.put("supplierCumulativeValue + " + V, "double");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("risk", "string");
        outputs.put("reason", "string");
        DecisionModelAssertions.assertTable(
                table.model(),
                "ContractSplitting",
                inputs,
                outputs,
                List.of(
                        "Rule_ValueUnreadable",
                        "Rule_ScopeUnknown",
                        "Rule_TeamTotalOverLimit",
                        "Rule_RepositoryTotalOverLimit",
                        "Rule_RepositoryBoughtAgain",
                        "Rule_FrequentTeamRequests",
                        "Rule_RepeatedNearThreshold",
                        "Rule_SupplierTeamTotalOverLimit",
                        "Rule_SupplierRepeatedAwards",
                        "Rule_SupplierCumulativeOverCap"));
    }

    @Test
    void policyTableHoldsTheWindowsAndLimits() throws java.io.IOException {
        DmnModelInstance model = table.model();
        Decision policy = model.getModelElementById("SplittingPolicy");
        assertThat(policy.getCamundaHistoryTimeToLiveString()).isEqualTo("2555");
        DecisionTable policyTable = (DecisionTable) policy.getExpression();
        assertThat(policyTable.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        assertThat(policyTable.getInputs()).isEmpty();
        assertThat(policyTable.getOutputs())
                .extracting(Output::getName, Output::getTypeRef)
                .containsExactly(
                        tuple("windowDays", "integer"), tuple("supplierWindowDays", "integer"),
                        tuple("threshold", "double"), tuple("nearThresholdRatio", "double"),
                        tuple("supplierReviewLevel", "double"), tuple("minimumPostingHours", "integer"));
        assertThat(policyTable.getRules()).hasSize(1);
        assertThat(policyTable.getRules().iterator().next().getOutputEntries())
                .extracting(entry -> entry.getText().getTextContent())
                .containsExactly("90", "90", "10000", "0.90", "40000", "48");

        // ContractSplitting requires the policy: its rules read threshold, nearThresholdRatio and supplierReviewLevel
        // from it; no rule carries a figure of its own.
        assertThat(new String(
                                DecisionTableRunner.class
                                        .getClassLoader()
                                        .getResourceAsStream("processes/ContractSplitting.dmn")
                                        .readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .split("<decision id=\"SplittingPolicy\"")[0])
                .doesNotContain("40000")
                .doesNotContain("10000");
        Decision splitting = model.getModelElementById("ContractSplitting");
        assertThat(splitting.getInformationRequirements())
                .extracting(requirement -> requirement.getRequiredDecision().getId())
                .containsExactly("SplittingPolicy");
        assertThat(model.getDocument().getElementsByNameNs(DecisionModelAssertions.DMNDI13, "DMNShape"))
                .anySatisfy(
                        shape -> assertThat(shape.getAttribute("dmnElementRef")).isEqualTo("SplittingPolicy"));
    }

    @Test
    void firstRequestWithoutHistoryHasNoRisk() {
        assertThat(request("9999.99").ruleIds()).isEmpty();
        assertThat(supplier("9999.99").ruleIds()).isEmpty();
    }

    // --- either stage

    @Test
    void unreadableValueIsReferred() {
        assertOnly(
                request(null),
                "Rule_ValueUnreadable",
                "REVIEW",
                "The value of the request could not be read, so the contract-splitting check could not be completed: check the request by hand.");
        assertThat(supplier("abc").ruleIds()).containsExactly("Rule_ValueUnreadable");
    }

    @Test
    void unknownStageIsReferred() {
        assertOnly(
                evaluate(noHistory("AWARD", "5000.00")),
                "Rule_ScopeUnknown",
                "REVIEW",
                "The contract-splitting check was run without a known stage (before posting or before award): check the request by hand.");
        assertThat(evaluate(noHistory(null, "5000.00")).ruleIds()).containsExactly("Rule_ScopeUnknown");
    }

    // --- before posting (REQUEST)

    @Test
    void teamTotalOverTenThousandIsReferred() {
        assertOnly(
                request("4000.00", "sameTeamCount", 2L, "sameTeamValue", new BigDecimal("6000.01")),
                "Rule_TeamTotalOverLimit",
                "REVIEW",
                "The team already has 2 other request(s) worth $6000.01 in the look-back period; with this request the total passes the $10000.00 threshold. Check that this is not one need split into small contracts.");
    }

    @Test
    void teamTotalOfExactlyTenThousandIsNotFlagged() {
        assertThat(request("4000.00", "sameTeamCount", 2L, "sameTeamValue", new BigDecimal("6000.00"))
                        .ruleIds())
                .isEmpty();
    }

    @Test
    void sameRepositoryOverTenThousandIsBlocked() {
        assertOnly(
                request("4000.00", "sameRepositoryCount", 1L, "sameRepositoryValue", new BigDecimal("7000.00")),
                "Rule_RepositoryTotalOverLimit",
                "BLOCK",
                "The same repository already had 1 request(s) worth $7000.00 in the look-back period; with this request the total passes the $10000.00 threshold. Work on one code base bought in pieces is contract splitting: use regular procurement.");
    }

    @Test
    void sameRepositoryBoughtAgainUnderTheLimitIsReferred() {
        assertOnly(
                request("4000.00", "sameRepositoryCount", 1L, "sameRepositoryValue", new BigDecimal("6000.00")),
                "Rule_RepositoryBoughtAgain",
                "REVIEW",
                "The same repository was already the subject of 1 request(s) in the look-back period: check that this is separate work and not one need split in pieces.");
    }

    @Test
    void threeOtherTeamRequestsAreReferred() {
        assertOnly(
                request("500.00", "sameTeamCount", 3L, "sameTeamValue", new BigDecimal("1500.00")),
                "Rule_FrequentTeamRequests",
                "REVIEW",
                "The team already has 3 other requests in the look-back period (3 or more): check that these purchases are not one larger need.");
    }

    @Test
    void twoOtherTeamRequestsAreNotFrequent() {
        assertThat(request("500.00", "sameTeamCount", 2L, "sameTeamValue", new BigDecimal("1500.00"))
                        .ruleIds())
                .isEmpty();
    }

    @Test
    void repeatedNearThresholdValuesAreReferred() {
        // Near-threshold requests counted for the team, without their values adding up here (isolates the rule).
        assertOnly(
                request("9000.00", "nearThresholdCount", 2L),
                "Rule_RepeatedNearThreshold",
                "REVIEW",
                "This request is $9000.00, close to the $10000.00 threshold, and the team had 2 other requests of $9000.00 or more in the look-back period: values repeatedly just under the limit are a sign of contract splitting.");
    }

    @Test
    void nearThresholdNeedsBothThisValueAndTwoEarlierOnes() {
        assertThat(request("8999.99", "nearThresholdCount", 2L).ruleIds()).isEmpty();
        assertThat(request("9500.00", "nearThresholdCount", 1L).ruleIds()).isEmpty();
    }

    @Test
    void supplierFiguresAreIgnoredBeforePosting() {
        assertThat(request(
                                "9000.00",
                                "supplierAwardCount",
                                5L,
                                "supplierAwardValue",
                                new BigDecimal("9000.00"),
                                "supplierCumulativeValue",
                                new BigDecimal("90000.00"))
                        .ruleIds())
                .isEmpty();
    }

    // --- before award (SUPPLIER)

    @Test
    void sameTeamSameSupplierOverTenThousandIsBlocked() {
        assertOnly(
                supplier("3000.00", "supplierAwardCount", 1L, "supplierAwardValue", new BigDecimal("7000.01")),
                "Rule_SupplierTeamTotalOverLimit",
                "BLOCK",
                "The team already awarded $7000.01 to this supplier in the look-back period; with this contract the total passes the $10000.00 threshold. Same team, same supplier over the threshold: use regular procurement.");
    }

    @Test
    void sameTeamSameSupplierAtExactlyTenThousandIsNotBlocked() {
        assertThat(supplier("3000.00", "supplierAwardCount", 1L, "supplierAwardValue", new BigDecimal("7000.00"))
                        .ruleIds())
                .isEmpty();
    }

    @Test
    void twoEarlierAwardsToTheSupplierAreReferred() {
        assertOnly(
                supplier("1000.00", "supplierAwardCount", 2L, "supplierAwardValue", new BigDecimal("2000.00")),
                "Rule_SupplierRepeatedAwards",
                "REVIEW",
                "The team already awarded 2 contracts to this supplier in the look-back period: check that the work is not one larger need split across contracts.");
    }

    @Test
    void supplierOverFortyThousandInAllIsReferred() {
        assertOnly(
                supplier("5000.00", "supplierCumulativeValue", new BigDecimal("35000.01")),
                "Rule_SupplierCumulativeOverCap",
                "REVIEW",
                "Awards to this supplier in the look-back period already total $35000.01; with this contract they pass $40000.00, the per-supplier review level.");
        assertThat(supplier("5000.00", "supplierCumulativeValue", new BigDecimal("35000.00"))
                        .ruleIds())
                .isEmpty();
    }

    @Test
    void teamAndRepositoryFiguresAreIgnoredBeforeAward() {
        assertThat(supplier(
                                "9500.00",
                                "sameTeamCount",
                                5L,
                                "sameTeamValue",
                                new BigDecimal("20000.00"),
                                "sameRepositoryCount",
                                2L,
                                "sameRepositoryValue",
                                new BigDecimal("9000.00"),
                                "nearThresholdCount",
                                3L)
                        .ruleIds())
                .isEmpty();
    }

    // --- several at once, numbers as the process may pass them, missing figures

    @Test
    void everyRequestReasonIsListedAtOnce() {
        DecisionTableRunner.Evaluation result = request(
                "9500.00",
                "sameTeamCount",
                4L,
                "sameTeamValue",
                new BigDecimal("30000.00"),
                "sameRepositoryCount",
                2L,
                "sameRepositoryValue",
                new BigDecimal("18000.00"),
                "nearThresholdCount",
                3L);

        assertThat(result.ruleIds())
                .containsExactly(
                        "Rule_TeamTotalOverLimit",
                        "Rule_RepositoryTotalOverLimit",
                        "Rule_FrequentTeamRequests",
                        "Rule_RepeatedNearThreshold");
        assertThat(result.column("risk")).containsExactly("REVIEW", "BLOCK", "REVIEW", "REVIEW");
    }

    @Test
    void everySupplierReasonIsListedAtOnce() {
        DecisionTableRunner.Evaluation result = supplier(
                "9000.00",
                "supplierAwardCount",
                3L,
                "supplierAwardValue",
                new BigDecimal("12000.00"),
                "supplierCumulativeValue",
                new BigDecimal("45000.00"));

        assertThat(result.ruleIds())
                .containsExactly(
                        "Rule_SupplierTeamTotalOverLimit",
                        "Rule_SupplierRepeatedAwards",
                        "Rule_SupplierCumulativeOverCap");
        assertThat(result.column("risk")).containsExactly("BLOCK", "REVIEW", "REVIEW");
    }

    @Test
    void countsAsIntegersAndValuesAsDoublesWorkToo() {
        assertThat(request("4000.00", "sameTeamCount", 3, "sameTeamValue", 6500.0)
                        .ruleIds())
                .containsExactly("Rule_TeamTotalOverLimit", "Rule_FrequentTeamRequests");
    }

    @Test
    void missingFiguresRaiseNoError() {
        Map<String, Object> onlyScopeAndValue = new HashMap<>();
        onlyScopeAndValue.put("splittingScope", "REQUEST");
        onlyScopeAndValue.put("estimatedValue", "9500.00");
        assertThat(table.evaluate(onlyScopeAndValue).ruleIds()).isEmpty();

        assertThat(table.evaluate(new HashMap<>()).ruleIds())
                .containsExactly("Rule_ValueUnreadable", "Rule_ScopeUnknown");
    }
}
