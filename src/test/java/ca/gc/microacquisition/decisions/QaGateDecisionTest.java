package ca.gc.microacquisition.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The QA gate before acceptance ({@code processes/QaGate.dmn}), rule by rule. */
class QaGateDecisionTest {

    private static DecisionTableRunner table;

    @BeforeAll
    static void load() {
        table = DecisionTableRunner.load("QaGate");
    }

    /** An open pull request with passing checks, the right licence and clean scans. */
    private static Map<String, Object> cleanDelivery() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("changeRequestState", "OPEN");
        variables.put("checksOutcome", "PASSED");
        variables.put("licenceFilePresent", true);
        variables.put("licenceMatches", true);
        variables.put("scanningAvailable", true);
        variables.put("secretsFound", 0);
        variables.put("criticalFindings", 0);
        variables.put("highFindings", 0);
        variables.put("mediumFindings", 0);
        variables.put("lowFindings", 0);
        return variables;
    }

    private static DecisionTableRunner.Evaluation evaluate(Object... pairs) {
        Map<String, Object> variables = cleanDelivery();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return table.evaluate(variables);
    }

    private static void assertOnly(
            DecisionTableRunner.Evaluation result, String ruleId, String outcome, String reason) {
        assertThat(result.ruleIds()).containsExactly(ruleId);
        assertThat(result.column("outcome")).containsExactly(outcome);
        assertThat(result.column("reason")).containsExactly(reason);
    }

    @Test
    void tableHasTheAgreedShape() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("changeRequestState", "string");
        inputs.put("checksOutcome", "string");
        inputs.put("licenceFilePresent", "boolean");
        inputs.put("licenceMatches", "boolean");
        inputs.put("scanningAvailable", "boolean");
        inputs.put("secretsFound", "integer");
        inputs.put("criticalFindings", "integer");
        inputs.put("highFindings", "integer");
        inputs.put("mediumFindings", "integer");
        inputs.put("lowFindings", "integer");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("outcome", "string");
        outputs.put("reason", "string");
        DecisionModelAssertions.assertTable(
                table.model(),
                "QaGate",
                inputs,
                outputs,
                // The pull request state and the checks outcome are always one of the host's values and the licence
                // file is always known present or absent, so no rule waits for them to be missing.
                List.of(
                        "Rule_PullRequestNotFound",
                        "Rule_PullRequestClosed",
                        "Rule_ChecksFailed",
                        "Rule_SecretsFound",
                        "Rule_CriticalFindings",
                        "Rule_LicenceFileMissing",
                        "Rule_HighFindings",
                        "Rule_LicenceMismatch",
                        "Rule_LicenceMatchUnknown",
                        "Rule_ScanningUnavailable",
                        "Rule_ChecksPending",
                        "Rule_ManyMediumFindings"));
    }

    @Test
    void cleanDeliveryPasses() {
        assertThat(evaluate().ruleIds()).isEmpty();
    }

    @Test
    void mergedPullRequestPasses() {
        assertThat(evaluate("changeRequestState", "MERGED").ruleIds()).isEmpty();
    }

    @Test
    void repositoryWithoutChecksPasses() {
        assertThat(evaluate("checksOutcome", "NONE").ruleIds()).isEmpty();
    }

    @Test
    void lowFindingsAloneDoNotStopTheWork() {
        assertThat(evaluate("lowFindings", 40).ruleIds()).isEmpty();
    }

    // --- FAIL

    @Test
    void missingPullRequestFails() {
        assertOnly(
                evaluate("changeRequestState", "NOT_FOUND"),
                "Rule_PullRequestNotFound",
                "FAIL",
                "The pull request could not be found at the address the supplier gave: the supplier must submit a working link.");
    }

    @Test
    void closedPullRequestFails() {
        assertOnly(
                evaluate("changeRequestState", "CLOSED"),
                "Rule_PullRequestClosed",
                "FAIL",
                "The pull request was closed without being merged: the supplier must reopen it or submit a new one.");
    }

    @Test
    void failedChecksFail() {
        assertOnly(
                evaluate("checksOutcome", "FAILED"),
                "Rule_ChecksFailed",
                "FAIL",
                "The automated checks (build and tests) failed on the latest commit: the supplier must fix them.");
    }

    @Test
    void aSecretInTheCodeFails() {
        assertOnly(
                evaluate("secretsFound", 1),
                "Rule_SecretsFound",
                "FAIL",
                "1 secret(s) such as passwords, keys or tokens were found in the code: they must be removed and revoked.");
    }

    @Test
    void aCriticalFindingFails() {
        assertOnly(
                evaluate("criticalFindings", 2),
                "Rule_CriticalFindings",
                "FAIL",
                "2 critical security finding(s) reported by code scanning: the supplier must fix them.");
    }

    @Test
    void missingLicenceFileFails() {
        assertOnly(
                evaluate("licenceFilePresent", false, "licenceMatches", false),
                "Rule_LicenceFileMissing",
                "FAIL",
                "There is no licence file in the delivered code: the supplier must add the licence named in the contract (for example a LICENSE file).");
    }

    // --- REVIEW

    @Test
    void aHighFindingIsReviewed() {
        assertOnly(
                evaluate("highFindings", 1),
                "Rule_HighFindings",
                "REVIEW",
                "1 high-severity finding(s) reported by code scanning: a QA reviewer decides whether they must be fixed.");
    }

    @Test
    void licenceOtherThanTheContractsIsReviewed() {
        assertOnly(
                evaluate("licenceMatches", false),
                "Rule_LicenceMismatch",
                "REVIEW",
                "The licence file in the delivered code is not the licence named in the contract: check it.");
    }

    @Test
    void unrecognisedLicenceFileIsReviewed() {
        assertOnly(
                evaluate("licenceMatches", null),
                "Rule_LicenceMatchUnknown",
                "REVIEW",
                "The licence file in the delivered code could not be recognised: check that it is the licence named in the contract.");
    }

    @Test
    void missingScanningIsReviewed() {
        assertOnly(
                evaluate("scanningAvailable", false),
                "Rule_ScanningUnavailable",
                "REVIEW",
                "Code scanning results were not available: a QA reviewer must check the code for security problems.");
        assertThat(evaluate("scanningAvailable", null).ruleIds()).containsExactly("Rule_ScanningUnavailable");
    }

    @Test
    void pendingChecksAreReviewed() {
        assertOnly(
                evaluate("checksOutcome", "PENDING"),
                "Rule_ChecksPending",
                "REVIEW",
                "The automated checks are still running on the latest commit: check their result before accepting.");
    }

    @Test
    void moreThanFiveMediumFindingsAreReviewed() {
        assertOnly(
                evaluate("mediumFindings", 6),
                "Rule_ManyMediumFindings",
                "REVIEW",
                "6 medium-severity findings reported by code scanning (more than 5): a QA reviewer decides whether they must be fixed.");
    }

    @Test
    void fiveMediumFindingsPass() {
        assertThat(evaluate("mediumFindings", 5).ruleIds()).isEmpty();
    }

    // --- several at once, missing data

    @Test
    void everyReasonIsListedAtOnce() {
        DecisionTableRunner.Evaluation result = evaluate(
                "changeRequestState",
                "CLOSED",
                "checksOutcome",
                "FAILED",
                "secretsFound",
                2,
                "criticalFindings",
                1,
                "licenceFilePresent",
                false,
                "highFindings",
                3,
                "mediumFindings",
                9,
                "scanningAvailable",
                true);

        assertThat(result.ruleIds())
                .containsExactly(
                        "Rule_PullRequestClosed",
                        "Rule_ChecksFailed",
                        "Rule_SecretsFound",
                        "Rule_CriticalFindings",
                        "Rule_LicenceFileMissing",
                        "Rule_HighFindings",
                        "Rule_ManyMediumFindings");
        assertThat(result.column("outcome"))
                .containsExactly("FAIL", "FAIL", "FAIL", "FAIL", "FAIL", "REVIEW", "REVIEW");
    }

    @Test
    void everyReviewReasonIsListedAtOnce() {
        DecisionTableRunner.Evaluation result = evaluate(
                "checksOutcome",
                "PENDING",
                "highFindings",
                1,
                "licenceMatches",
                false,
                "scanningAvailable",
                false,
                "mediumFindings",
                6);

        assertThat(result.ruleIds())
                .containsExactly(
                        "Rule_HighFindings",
                        "Rule_LicenceMismatch",
                        "Rule_ScanningUnavailable",
                        "Rule_ChecksPending",
                        "Rule_ManyMediumFindings");
        assertThat(result.column("outcome")).containsOnly("REVIEW");
    }

    @Test
    void findingCountsAsLongsWorkToo() {
        assertThat(evaluate("criticalFindings", 1L, "highFindings", 2L).ruleIds())
                .containsExactly("Rule_CriticalFindings", "Rule_HighFindings");
    }
}
