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
        DecisionModelAssertions.assertTable(table.model(), "Eligibility", inputs, Map.of("reason", "string"),
                List.of("Rule_ValueOverLimit", "Rule_ValueNotPositive", "Rule_ValueMissing", "Rule_Classified",
                        "Rule_ClassificationMissing", "Rule_NotRemote", "Rule_RemoteUnknown", "Rule_RepositoryNotOpen",
                        "Rule_RepositoryUnknown", "Rule_LicenceNotOpenSource", "Rule_LicenceMissing",
                        "Rule_PersonalInformation", "Rule_PersonalInformationUnknown", "Rule_DepartmentNotInPilot",
                        "Rule_DepartmentMissing"));
    }

    @Test
    void eligibleRequestGivesNoReason() {
        assertThat(table.evaluate(eligibleRequest()).ruleIds()).isEmpty();
    }

    // --- value

    @Test
    void valueOverTenThousandIsNotEligible() {
        assertOnly(evaluateWith("estimatedValue", "12000.00"), "Rule_ValueOverLimit",
                "The value is over $10,000 including taxes: use regular procurement.");
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
    void zeroValueIsNotEligible() {
        assertOnly(evaluateWith("estimatedValue", "0.00"), "Rule_ValueNotPositive",
                "The value must be more than $0.00: enter the fixed price in dollars, taxes included, for example 8500.00.");
    }

    @Test
    void negativeValueIsNotEligible() {
        assertThat(evaluateWith("estimatedValue", "-5.00").ruleIds()).containsExactly("Rule_ValueNotPositive");
    }

    @Test
    void missingValueGivesAReason() {
        assertOnly(evaluateWith("estimatedValue", null), "Rule_ValueMissing",
                "The estimated value is missing or is not an amount: enter the fixed price in dollars, taxes included, for example 8500.00.");
    }

    @Test
    void valueThatIsNotANumberGivesAReason() {
        assertThat(evaluateWith("estimatedValue", "eight thousand").ruleIds()).containsExactly("Rule_ValueMissing");
    }

    @Test
    void valueGivenAsANumberIsReadToo() {
        assertThat(evaluateWith("estimatedValue", new java.math.BigDecimal("10000.00")).ruleIds()).isEmpty();
        assertThat(evaluateWith("estimatedValue", new java.math.BigDecimal("10000.01")).ruleIds())
                .containsExactly("Rule_ValueOverLimit");
    }

    // --- classification

    @Test
    void protectedWorkIsNotEligible() {
        assertOnly(evaluateWith("securityClassification", "PROTECTED_B"), "Rule_Classified",
                "The work is classified PROTECTED_B: only unclassified work can be bought through the pilot; use regular procurement.");
    }

    @Test
    void everyClassificationOtherThanUnclassifiedIsRefused() {
        for (String classification : List.of("PROTECTED_A", "PROTECTED_B", "SECRET")) {
            assertThat(evaluateWith("securityClassification", classification).ruleIds())
                    .as(classification).containsExactly("Rule_Classified");
        }
    }

    @Test
    void missingClassificationGivesAReason() {
        assertOnly(evaluateWith("securityClassification", null), "Rule_ClassificationMissing",
                "The security classification is missing: choose UNCLASSIFIED if the work involves no sensitive information.");
        assertThat(evaluateWith("securityClassification", "").ruleIds()).containsExactly("Rule_ClassificationMissing");
    }

    // --- remote work

    @Test
    void onSiteWorkIsNotEligible() {
        assertOnly(evaluateWith("remoteWork", false), "Rule_NotRemote",
                "The work cannot be done remotely: only remote work can be bought through the pilot.");
    }

    @Test
    void missingRemoteWorkGivesAReason() {
        assertOnly(evaluateWith("remoteWork", null), "Rule_RemoteUnknown",
                "It is not stated whether the work can be done remotely: only remote work is eligible.");
    }

    // --- repository

    @Test
    void closedRepositoryIsNotEligible() {
        assertOnly(evaluateWith("repositoryOpen", false), "Rule_RepositoryNotOpen",
                "The code repository is not open: it must be on a supported public code host (such as GitHub or GitLab) and publicly visible.");
    }

    @Test
    void unknownRepositoryGivesAReason() {
        assertOnly(evaluateWith("repositoryOpen", null), "Rule_RepositoryUnknown",
                "It could not be confirmed that the code repository is open: check the repository address.");
    }

    // --- licence

    @Test
    void everyListedOpenSourceLicenceIsEligible() {
        for (String licence : List.of("MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "MPL-2.0", "EPL-2.0",
                "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later", "LGPL-2.1-only",
                "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later",
                "Unlicense")) {
            assertThat(evaluateWith("license", licence).ruleIds()).as(licence).isEmpty();
        }
    }

    @Test
    void proprietaryLicenceIsNotEligible() {
        assertOnly(evaluateWith("license", "Proprietary"), "Rule_LicenceNotOpenSource",
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

    @Test
    void missingLicenceGivesAReason() {
        assertOnly(evaluateWith("license", null), "Rule_LicenceMissing",
                "The licence is missing: name an OSI-approved open-source licence by its SPDX id, for example MIT or Apache-2.0.");
        assertThat(evaluateWith("license", "").ruleIds()).containsExactly("Rule_LicenceMissing");
    }

    // --- personal information

    @Test
    void personalInformationIsNotEligible() {
        assertOnly(evaluateWith("containsPersonalInformation", true), "Rule_PersonalInformation",
                "The work involves personal information: it cannot be done in an open repository by an outside supplier; use regular procurement.");
    }

    @Test
    void missingPersonalInformationAnswerGivesAReason() {
        assertOnly(evaluateWith("containsPersonalInformation", null), "Rule_PersonalInformationUnknown",
                "It is not stated whether the work involves personal information: only work without personal information is eligible.");
    }

    // --- department

    @Test
    void departmentOutsideThePilotIsNotEligible() {
        assertOnly(evaluateWith("department", "TBS"), "Rule_DepartmentNotInPilot",
                "The department TBS is not taking part in the pilot (taking part: ESDC): use regular procurement.");
    }

    @Test
    void missingDepartmentGivesAReason() {
        assertOnly(evaluateWith("department", null), "Rule_DepartmentMissing",
                "The requesting department is missing: enter its acronym, for example ESDC.");
        assertThat(evaluateWith("department", "").ruleIds()).containsExactly("Rule_DepartmentMissing");
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

        assertThat(table.evaluate(variables).ruleIds()).containsExactly("Rule_ValueOverLimit", "Rule_Classified",
                "Rule_NotRemote", "Rule_RepositoryNotOpen", "Rule_LicenceNotOpenSource", "Rule_PersonalInformation",
                "Rule_DepartmentNotInPilot");
    }

    @Test
    void emptyRequestGivesOneReasonPerMissingAnswerAndNoError() {
        DecisionTableRunner.Evaluation result = table.evaluate(new HashMap<>());

        assertThat(result.ruleIds()).containsExactly("Rule_ValueMissing", "Rule_ClassificationMissing",
                "Rule_RemoteUnknown", "Rule_RepositoryUnknown", "Rule_LicenceMissing",
                "Rule_PersonalInformationUnknown", "Rule_DepartmentMissing");
        assertThat(result.column("reason")).doesNotContainNull().allSatisfy(reason -> assertThat((String) reason).isNotBlank());
    }
}
