package ca.gc.microacquisition.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/** What every decision table in {@code processes/} must look like, whatever its rules. */
final class DecisionModelAssertions {

    static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    static final String DMNDI13 = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

    private DecisionModelAssertions() {}

    /**
     * @param inputTypes  input expression text to typeRef, in column order
     * @param outputTypes output name to typeRef, in column order
     * @param ruleIds     every rule of the table, in order (so a new rule without a test is noticed)
     */
    static void assertTable(
            DmnModelInstance model,
            String key,
            Map<String, String> inputTypes,
            Map<String, String> outputTypes,
            List<String> ruleIds) {
        assertThat(model.getDefinitions().getDomElement().getNamespaceURI()).isEqualTo(DMN13);

        Decision decision = model.getModelElementById(key);
        assertThat(decision).as("decision " + key).isNotNull();
        assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("2555");

        DecisionTable table = (DecisionTable) decision.getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);

        assertThat(table.getInputs())
                .extracting(input -> input.getInputExpression().getText().getTextContent())
                .containsExactlyElementsOf(inputTypes.keySet());
        for (Input input : table.getInputs()) {
            String expression = input.getInputExpression().getText().getTextContent();
            assertThat(input.getInputExpression().getTypeRef())
                    .as("typeRef of " + expression)
                    .isEqualTo(inputTypes.get(expression));
            assertThat(input.getLabel()).as("label of " + expression).isNotBlank();
        }
        assertThat(table.getOutputs()).extracting(Output::getName).containsExactlyElementsOf(outputTypes.keySet());
        for (Output output : table.getOutputs()) {
            assertThat(output.getTypeRef())
                    .as("typeRef of " + output.getName())
                    .isEqualTo(outputTypes.get(output.getName()));
        }

        assertThat(table.getRules()).extracting(Rule::getId).containsExactlyElementsOf(ruleIds);
        for (Rule rule : table.getRules()) {
            assertThat(rule.getDescription())
                    .as("description of " + rule.getId())
                    .isNotNull();
            assertThat(rule.getDescription().getTextContent())
                    .as("description of " + rule.getId())
                    .hasSizeGreaterThan(30);
        }

        // A diagram (DMNDI) with a shape for the decision, so Modeler shows the requirements graph.
        assertThat(model.getDocument().getElementsByNameNs(DMNDI13, "DMNShape"))
                .anySatisfy(
                        shape -> assertThat(shape.getAttribute("dmnElementRef")).isEqualTo(key));
    }
}
