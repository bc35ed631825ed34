package ca.gc.microacquisition.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pilot's eligibility criteria ({@code processes/Eligibility.dmn}), rule by rule. */
class EligibilityDecisionTest {

    private static DecisionTableRunner table;

    @BeforeAll
    static void load() {
        table = DecisionTableRunner.load("Eligibility");
    }

    /** A request that meets every criterion. */
    private static Map<String, Object> eligibleRequest() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("estimatedValue", "8500.00");
        variables.put("securityClassification", "UNCLASSIFIED");
        variables.put("remoteWork", true);
        variables.put("repositoryOpen", true);
        variables.put("license", "MIT");
        variables.put("containsPersonalInformation", false);
        variables.put("department", "ESDC");
        variables.put("threshold", new java.math.BigDecimal("10000.00"));
        return variables;
    }

    private static DecisionTableRunner.Evaluation evaluateWith(String name, Object value) {
        Map<String, Object> variables = eligibleRequest();
        variables.put(name, value);
        return table.evaluate(variables);
    }

    private static void assertOnly(DecisionTableRunner.Evaluation result, String ruleId, String reason) {
        assertThat(result.ruleIds()).containsExactly(ruleId);
        assertThat(result.column("reason")).containsExactly(reason);
    }

    @Test
    void tableHasTheAgreedShape() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("number(string(estimatedValue))", "double");
        inputs.put("securityClassification", "string");
        inputs.put("remoteWork", "boolean");
        inputs.put("repositoryOpen", "boolean");
        inputs.put("license", "string");
        inputs.put("containsPersonalInformation", "boolean");
        inputs.put("department", "string");
        inputs.put("threshold", "double");
        // Only the criteria: the service guarantees every input (a positive amount, a classification, yes/no
        // answers, a licence, a department, the limit), so rules for missing values could never fire.
        DecisionModelAssertions.assertTable(
                table.model(),
                "Eligibility",
                inputs,
                Map.of("reason", "string"),
                List.of(
                        "Rule_ValueOverLimit",
                        "Rule_Classified",
                        "Rule_NotRemote",
                        "Rule_RepositoryNotOpen",
                        "Rule_LicenceNotOpenSource",
                        "Rule_PersonalInformation",
                        "Rule_DepartmentNotInPilot"));
    }

    @Test
    void eligibleRequestGivesNoReason() {
        assertThat(table.evaluate(eligibleRequest()).ruleIds()).isEmpty();
    }

    // --- value

    @Test
    void valueOverTenThousandIsNotEligible() {
        assertOnly(
                evaluateWith("estimatedValue", "12000.00"),
                "Rule_ValueOverLimit",
                "The value is over the $10000.00 limit, taxes included: use regular procurement.");
    }

    @Test
    void tenThousandExactlyIsEligible() {
        assertThat(evaluateWith("estimatedValue", "10000.00").ruleIds()).isEmpty();
    }

    @Test
    void oneCentOverTenThousandIsNotEligible() {
        assertThat(evaluateWith("estimatedValue", "10000.01").ruleIds()).containsExactly("Rule_ValueOverLimit");
    }

    @Test
    void oneCentIsEligible() {
        assertThat(evaluateWith("estimatedValue", "0.01").ruleIds()).isEmpty();
    }

    @Test
    void valueGivenAsANumberIsReadToo() {
        assertThat(evaluateWith("estimatedValue", new java.math.BigDecimal("10000.00"))
                        .ruleIds())
                .isEmpty();
        assertThat(evaluateWith("estimatedValue", new java.math.BigDecimal("10000.01"))
                        .ruleIds())
                .containsExactly("Rule_ValueOverLimit");
    }

    @Test
    void theLimitIsTheOneInThePolicyNotAFigureInThisTable() {
        Map<String, Object> raised = eligibleRequest();
        raised.put("threshold", new java.math.BigDecimal("15000.00"));
        raised.put("estimatedValue", "12000.00");
        assertThat(table.evaluate(raised).ruleIds()).isEmpty();
        raised.put("estimatedValue", "15000.01");
        assertOnly(
                table.evaluate(raised),
                "Rule_ValueOverLimit",
                "The value is over the $15000.00 limit, taxes included: use regular procurement.");
        Map<String, Object> lowered = eligibleRequest();
        lowered.put("threshold", 5000);
        lowered.put("estimatedValue", "5000.01");
        assertThat(table.evaluate(lowered).ruleIds()).containsExactly("Rule_ValueOverLimit");
    }

    // --- classification

    @Test
    void protectedWorkIsNotEligible() {
        assertOnly(
                evaluateWith("securityClassification", "PROTECTED_B"),
                "Rule_Classified",
                "The work is classified PROTECTED_B: only unclassified work can be bought through the pilot; use regular procurement.");
    }

    @Test
    void everyClassificationOtherThanUnclassifiedIsRefused() {
        for (String classification : List.of("PROTECTED_A", "PROTECTED_B", "SECRET")) {
            assertThat(evaluateWith("securityClassification", classification).ruleIds())
                    .as(classification)
                    .containsExactly("Rule_Classified");
        }
    }

    // --- remote work

    @Test
    void onSiteWorkIsNotEligible() {
        assertOnly(
                evaluateWith("remoteWork", false),
                "Rule_NotRemote",
                "The work cannot be done remotely: only remote work can be bought through the pilot.");
    }

    // --- repository

    @Test
    void closedRepositoryIsNotEligible() {
        assertOnly(
                evaluateWith("repositoryOpen", false),
                "Rule_RepositoryNotOpen",
                "The code repository is not open: it must be on a supported public code host (such as GitHub or GitLab) and publicly visible.");
    }

    // --- licence

    @Test
    void everyListedOpenSourceLicenceIsEligible() {
        for (String licence : List.of(
                "MIT",
                "Apache-2.0",
                "BSD-2-Clause",
                "BSD-3-Clause",
                "ISC",
                "MPL-2.0",
                "EPL-2.0",
                "GPL-2.0-only",
                "GPL-2.0-or-later",
                "GPL-3.0-only",
                "GPL-3.0-or-later",
                "LGPL-2.1-only",
                "LGPL-2.1-or-later",
                "LGPL-3.0-only",
                "LGPL-3.0-or-later",
                "AGPL-3.0-only",
                "AGPL-3.0-or-later",
                "Unlicense")) {
            assertThat(evaluateWith("license", licence).ruleIds()).as(licence).isEmpty();
        }
    }

    @Test
    void proprietaryLicenceIsNotEligible() {
        assertOnly(
                evaluateWith("license", "Proprietary"),
                "Rule_LicenceNotOpenSource",
                "The licence Proprietary is not on the pilot's list of OSI-approved open-source licences: use its exact SPDX id, for example MIT or Apache-2.0.");
    }

    @Test
    void publicDomainDedicationCc0IsNotOnTheList() {
        assertThat(evaluateWith("license", "CC0-1.0").ruleIds()).containsExactly("Rule_LicenceNotOpenSource");
    }

    @Test
    void licenceIdsAreMatchedExactly() {
        assertThat(evaluateWith("license", "mit").ruleIds()).containsExactly("Rule_LicenceNotOpenSource");
    }

    // --- personal information

    @Test
    void personalInformationIsNotEligible() {
        assertOnly(
                evaluateWith("containsPersonalInformation", true),
                "Rule_PersonalInformation",
                "The work involves personal information: it cannot be done in an open repository by an outside supplier; use regular procurement.");
    }

    // --- department

    @Test
    void departmentOutsideThePilotIsNotEligible() {
        assertOnly(
                evaluateWith("department", "TBS"),
                "Rule_DepartmentNotInPilot",
                "The department TBS is not taking part in the pilot (taking part: ESDC): use regular procurement.");
    }

    // --- several at once

    @Test
    void everyReasonIsListedAtOnce() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("estimatedValue", "25000.00");
        variables.put("securityClassification", "SECRET");
        variables.put("remoteWork", false);
        variables.put("repositoryOpen", false);
        variables.put("license", "Proprietary");
        variables.put("containsPersonalInformation", true);
        variables.put("department", "DND");
        variables.put("threshold", new java.math.BigDecimal("10000.00"));

        assertThat(table.evaluate(variables).ruleIds())
                .containsExactly(
                        "Rule_ValueOverLimit",
                        "Rule_Classified",
                        "Rule_NotRemote",
                        "Rule_RepositoryNotOpen",
                        "Rule_LicenceNotOpenSource",
                        "Rule_PersonalInformation",
                        "Rule_DepartmentNotInPilot");
    }
}
