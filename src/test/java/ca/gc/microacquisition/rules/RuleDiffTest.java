package ca.gc.microacquisition.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/** The readable diff recorded for every new decision version. */
class RuleDiffTest {

    @Test
    void addedRemovedAndChangedRulesAreListedCellByCell() throws IOException {
        String shipped = qaGate();
        String edited = shipped
                // a changed output entry (the reason)
                .replace(
                        "medium-severity findings reported by code scanning (more than 5)",
                        "medium-severity findings reported by code scanning (more than five)")
                // a removed rule (renaming its id makes it a removal plus an addition)
                .replace("id=\"Rule_LicenceMatchUnknown\"", "id=\"Rule_LicenceUnclear\"")
                .replace(
                        "<decisionTable id=\"DecisionTable_QaGate\" hitPolicy=\"COLLECT\">",
                        "<decisionTable id=\"DecisionTable_QaGate\" hitPolicy=\"RULE ORDER\">");

        List<RuleDiff.Change> changes = RuleDiff.between(decision(shipped), decision(edited));

        assertThat(changes)
                .extracting(RuleDiff.Change::kind, RuleDiff.Change::element)
                .containsExactly(
                        tuple("HIT_POLICY_CHANGED", "QaGate"),
                        tuple("RULE_ADDED", "Rule_LicenceUnclear"),
                        tuple("RULE_CHANGED", "Rule_ManyMediumFindings"),
                        tuple("RULE_REMOVED", "Rule_LicenceMatchUnknown"));
        assertThat(changes.get(0).detail()).isEqualTo("COLLECT → RULE ORDER");
        assertThat(changes.get(2).detail())
                .startsWith("output 'reason': string(mediumFindings)")
                .contains("(more than 5)")
                .contains("→")
                .contains("(more than five)");
        assertThat(changes.get(3).detail()).startsWith("when ").contains(" then outcome = \"REVIEW\"");
        assertThat(RuleDiff.summary(changes, false))
                .isEqualTo("1 hit policy changed, 1 rule added, 1 rule changed, 1 rule removed.");
    }

    @Test
    void aFirstVersionListsEveryRuleAndAnUnchangedOneNothing() throws IOException {
        Decision shipped = decision(qaGate());

        List<RuleDiff.Change> first = RuleDiff.between(null, shipped);

        assertThat(first)
                .isNotEmpty()
                .allSatisfy(change -> assertThat(change.kind()).isEqualTo("RULE_ADDED"));
        assertThat(RuleDiff.summary(first, true)).startsWith("First version: ").endsWith(" rules added.");
        assertThat(RuleDiff.between(shipped, decision(qaGate()))).isEmpty();
        assertThat(RuleDiff.summary(List.of(), false)).isEqualTo("No change: same rules as the previous version.");
    }

    @Test
    void columnChangesAreListed() throws IOException {
        String edited = qaGate().replace("label=\"Medium findings\"", "label=\"Medium-severity findings\"");

        List<RuleDiff.Change> changes = RuleDiff.between(decision(qaGate()), decision(edited));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("INPUT_CHANGED");
            assertThat(change.detail())
                    .isEqualTo("Medium findings [mediumFindings : integer] → "
                            + "Medium-severity findings [mediumFindings : integer]");
        });
    }

    private static Decision decision(String xml) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getModelElementById("QaGate");
    }

    private static String qaGate() throws IOException {
        try (InputStream in = RuleDiffTest.class.getClassLoader().getResourceAsStream("processes/QaGate.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
