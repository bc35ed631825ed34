package ca.gc.microacquisition.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DMN engine the process engine uses runs FEEL and refuses every other expression language. */
class FeelOnlyExpressionsTest {

    private final DmnEngine engine =
            FeelOnlyExpressions.apply(new DefaultDmnEngineConfiguration()).buildEngine();

    @Test
    void feelTablesEvaluateAsBefore() {
        var result = engine.evaluateDecisionTable(
                engine.parseDecision("Check", table("", "amount", "\"big\"")),
                Variables.createVariables().putValue("amount", 12));
        Object size = result.getSingleResult().getSingleEntry();
        assertThat(size).isEqualTo("big");
    }

    @ParameterizedTest
    @ValueSource(strings = {"juel", "javascript", "groovy", "python"})
    void anyOtherLanguageInAnInputExpressionIsRefused(String language) {
        String expression = language.equals("juel") ? "${amount}" : "amount";
        var decision =
                engine.parseDecision("Check", table(" expressionLanguage=\"" + language + "\"", expression, "\"big\""));
        assertThatThrownBy(() -> engine.evaluateDecisionTable(
                        decision, Variables.createVariables().putValue("amount", 12)))
                .satisfies(e -> assertThat(refusal(e))
                        .isNotNull()
                        .extracting(Throwable::getMessage)
                        .asString()
                        .contains("evaluated in FEEL only")
                        .contains(language));
    }

    private static Throwable refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException) {
                return cause;
            }
        }
        return null;
    }

    private static ByteArrayInputStream table(String languageAttribute, String inputExpression, String output) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
                  <decision id="Check" name="Check">
                    <decisionTable id="t">
                      <input id="i"><inputExpression id="ie" typeRef="integer"%s><text>%s</text></inputExpression></input>
                      <output id="o" name="size" typeRef="string" />
                      <rule id="r"><inputEntry id="e"><text>&gt; 10</text></inputEntry>
                        <outputEntry id="oe"><text>%s</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(languageAttribute, inputExpression, output);
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
