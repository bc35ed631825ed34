package ca.gc.microacquisition.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * Evaluates one of the decision tables in {@code processes/} with the standalone DMN engine (the same FEEL
 * engine the process engine uses) and reports which rules matched, by id, with their outputs.
 */
final class DecisionTableRunner {

    /** The rules that matched, in table order, and their outputs (output name to value). */
    record Evaluation(List<String> ruleIds, List<Map<String, Object>> rows) {

        List<Object> column(String outputName) {
            return rows.stream().map(row -> row.get(outputName)).toList();
        }
    }

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final DmnModelInstance model;
    private DmnDecisionTableEvaluationEvent lastEvent;

    private DecisionTableRunner(String decisionKey) {
        DmnDecisionTableEvaluationListener recorder = event -> lastEvent = event;
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
        this.engine = configuration.buildEngine();
        byte[] xml = read(decisionKey);
        this.decision = engine.parseDecision(decisionKey, new java.io.ByteArrayInputStream(xml));
        this.model = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(xml));
    }

    static DecisionTableRunner load(String decisionKey) {
        return new DecisionTableRunner(decisionKey);
    }

    DmnModelInstance model() {
        return model;
    }

    Evaluation evaluate(Map<String, Object> variables) {
        lastEvent = null;
        engine.evaluateDecisionTable(decision, variables);
        Objects.requireNonNull(lastEvent, "the decision table was not evaluated");
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DmnEvaluatedDecisionRule rule : lastEvent.getMatchingRules()) {
            ids.add(rule.getId());
            Map<String, Object> row = new LinkedHashMap<>();
            rule.getOutputEntries()
                    .forEach((name, output) -> row.put(name, output.getValue().getValue()));
            rows.add(row);
        }
        return new Evaluation(ids, rows);
    }

    /** The file as it ships on the classpath ({@code processes/<key>.dmn}), or from the working copy. */
    private static byte[] read(String decisionKey) {
        String resource = "processes/" + decisionKey + ".dmn";
        try (InputStream in = DecisionTableRunner.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                return in.readAllBytes();
            }
            return Files.readAllBytes(Path.of(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
