package ca.gc.microacquisition.adapters.repositoryhost.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.Finding.Severity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifParserTest {

    private static List<Finding> parse(String json) throws SarifParser.SarifFormatException {
        return SarifParser.findings(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsResultsWithSecuritySeverityFromTheirRule() throws Exception {
        List<Finding> findings = parse("""
                {
                  "version": "2.1.0",
                  "runs": [ {
                    "tool": { "driver": { "name": "CodeQL", "semanticVersion": "2.20.0", "rules": [
                      { "id": "js/xss", "properties": { "security-severity": "6.1", "tags": ["security"] } },
                      { "id": "js/code-injection", "properties": { "security-severity": 9.3 } },
                      { "id": "js/weak-crypto", "properties": { "security-severity": "7.5" } },
                      { "id": "js/unused", "properties": { "security-severity": "1.0" } } ] } },
                    "results": [
                      { "ruleId": "js/xss", "ruleIndex": 0, "level": "error", "message": { "text": "XSS" },
                        "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "web/app.js" },
                                                               "region": { "startLine": 7, "startColumn": 3 } } } ] },
                      { "ruleId": "js/code-injection", "message": { "text": "eval" } },
                      { "ruleIndex": 2, "message": { "text": "MD5" } },
                      { "ruleId": "js/unused", "level": "error", "message": { "text": "unused" } } ]
                  } ]
                }
                """);

        assertThat(findings)
                .containsExactly(
                        new Finding("CodeQL", "js/xss", Severity.MEDIUM, "XSS", "web/app.js", 7),
                        new Finding("CodeQL", "js/code-injection", Severity.CRITICAL, "eval", null, 0),
                        new Finding("CodeQL", "js/weak-crypto", Severity.HIGH, "MD5", null, 0),
                        new Finding("CodeQL", "js/unused", Severity.LOW, "unused", null, 0));
    }

    @Test
    void fallsBackToTheLevel() throws Exception {
        List<Finding> findings = parse("""
                {
                  "version": "2.1.0",
                  "runs": [
                    { "tool": { "driver": { "name": "Semgrep", "rules": [
                        { "id": "r-default-error", "defaultConfiguration": { "level": "error" } } ] } },
                      "results": [
                        { "ruleId": "r-error", "level": "error", "message": { "text": "e" } },
                        { "ruleId": "r-warning", "level": "warning", "message": { "text": "w" } },
                        { "ruleId": "r-note", "level": "note", "message": { "text": "n" } },
                        { "ruleId": "r-none", "level": "none", "message": { "text": "x" } },
                        { "ruleId": "r-default-error", "message": { "text": "d" } },
                        { "ruleId": "r-unknown", "message": { "text": "u" } } ] },
                    { "tool": { "driver": { "name": "Empty" } } }
                  ]
                }
                """);

        assertThat(findings)
                .extracting(Finding::tool, Finding::ruleId, Finding::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Semgrep", "r-error", Severity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("Semgrep", "r-warning", Severity.MEDIUM),
                        org.assertj.core.groups.Tuple.tuple("Semgrep", "r-note", Severity.LOW),
                        org.assertj.core.groups.Tuple.tuple("Semgrep", "r-none", Severity.NOTE),
                        org.assertj.core.groups.Tuple.tuple("Semgrep", "r-default-error", Severity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("Semgrep", "r-unknown", Severity.MEDIUM));
    }

    @Test
    void mapsScoresAtTheBoundaries() {
        assertThat(SarifParser.fromScore(new BigDecimal("9.0"))).isEqualTo(Severity.CRITICAL);
        assertThat(SarifParser.fromScore(new BigDecimal("8.9"))).isEqualTo(Severity.HIGH);
        assertThat(SarifParser.fromScore(new BigDecimal("7"))).isEqualTo(Severity.HIGH);
        assertThat(SarifParser.fromScore(new BigDecimal("6.99"))).isEqualTo(Severity.MEDIUM);
        assertThat(SarifParser.fromScore(new BigDecimal("4.0"))).isEqualTo(Severity.MEDIUM);
        assertThat(SarifParser.fromScore(new BigDecimal("3.9"))).isEqualTo(Severity.LOW);
        assertThat(SarifParser.fromScore(BigDecimal.ZERO)).isEqualTo(Severity.LOW);
    }

    @Test
    void aLogWithoutRunsOrResultsHasNoFindings() throws Exception {
        assertThat(parse("{\"version\":\"2.1.0\",\"runs\":[]}")).isEmpty();
        assertThat(parse("{\"version\":\"2.1.0\"}")).isEmpty();
    }

    @Test
    void rejectsWhatIsNotSarif21() {
        assertThatThrownBy(() -> parse("not json"))
                .isInstanceOf(SarifParser.SarifFormatException.class)
                .hasMessageContaining("not valid SARIF JSON");
        assertThatThrownBy(() -> parse("{\"version\":\"1.0.0\",\"runs\":[]}"))
                .isInstanceOf(SarifParser.SarifFormatException.class)
                .hasMessageContaining("1.0.0");
        assertThatThrownBy(() -> parse("{\"runs\":[]}"))
                .isInstanceOf(SarifParser.SarifFormatException.class)
                .hasMessageContaining("missing");
    }
}
