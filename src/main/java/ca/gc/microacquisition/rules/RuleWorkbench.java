package ca.gc.microacquisition.rules;

import ca.gc.microacquisition.identity.AccessGroups;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What the Cockpit "Rules" page does with the decision tables: lists them with the version in force and who
 * deployed it when and why; checks an edited file with the same {@link RuleTableCheck} the engine applies at
 * deployment; shows the rule-by-rule {@link RuleDiff} against the version in force; runs the edited table and the
 * version in force on example cases and on the inputs recorded for the last real evaluations, and says which
 * outcomes would change; deploys an edited file, or an earlier version, as a new version with a reason.
 *
 * <p>Reading is for {@link #READERS}; trying, deploying and rolling back for {@link #EDITORS}. Deployments run
 * through the engine's Java API as the signed-in user, so {@link RuleDeploymentGuard} decides and
 * {@link RuleChangeRecorder} records them like any other deployment. The Cockpit plugin's resources are created by
 * the webapp's JAX-RS runtime, not by Spring: they find this service through the engine they serve
 * ({@link #forEngine}).
 */
@Component
public class RuleWorkbench implements DisposableBean {

    public static final List<String> READERS =
            List.of(AccessGroups.CFOB_RULES, AccessGroups.AUDITORS, AccessGroups.CAMUNDA_ADMIN);
    public static final List<String> EDITORS = List.of(AccessGroups.CFOB_RULES, AccessGroups.CAMUNDA_ADMIN);

    public static final int MAX_REPLAY = 500;
    public static final int MAX_CASES = 50;
    static final String INPUT_VARIABLE = "maRecordedInput";

    private static final Map<String, RuleWorkbench> BY_ENGINE = new ConcurrentHashMap<>();
    private static final List<String> ORDER = List.of(
            RuleTables.ELIGIBILITY, RuleTables.CONTRACT_SPLITTING, RuleTables.SPLITTING_POLICY, RuleTables.QA_GATE);

    private final ProcessEngine engine;
    private final RuleChangeLog log;
    private final RuleTableCheck check = new RuleTableCheck();
    private final ThreadLocal<Map<String, List<DmnEvaluatedDecisionRule>>> matched = new ThreadLocal<>();
    private final DmnEngine dmn;

    public RuleWorkbench(ProcessEngine engine, RuleChangeLog log) {
        this.engine = engine;
        this.log = log;
        DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionEvaluationListeners(List.of(new MatchedRules()));
        this.dmn = configuration.buildEngine();
        BY_ENGINE.put(engine.getName(), this);
    }

    public static RuleWorkbench forEngine(String engineName) {
        return BY_ENGINE.get(engineName);
    }

    @Override
    public void destroy() {
        BY_ENGINE.remove(engine.getName(), this);
    }

    public static boolean mayRead(Collection<String> groups) {
        return groups != null && groups.stream().anyMatch(READERS::contains);
    }

    public static boolean mayEdit(Collection<String> groups) {
        return groups != null && groups.stream().anyMatch(EDITORS::contains);
    }

    // ------------------------------------------------------------------ reading

    /** The decisions with the version in force (the latest), CFOB's first, each with its recorded history. */
    public List<Map<String, Object>> decisions() {
        List<DecisionDefinition> latest =
                repository().createDecisionDefinitionQuery().latestVersion().list();
        List<Map<String, Object>> result = new ArrayList<>();
        latest.stream()
                .sorted(Comparator.comparing((DecisionDefinition d) ->
                                ORDER.contains(d.getKey()) ? ORDER.indexOf(d.getKey()) : ORDER.size())
                        .thenComparing(DecisionDefinition::getKey))
                .forEach(d -> result.add(summary(d)));
        return result;
    }

    private Map<String, Object> summary(DecisionDefinition definition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", definition.getKey());
        body.put("name", definition.getName());
        body.put("version", definition.getVersion());
        body.put("governed", RuleTables.KEYS.contains(definition.getKey()));
        body.put("resourceName", definition.getResourceName());
        Deployment deployment = repository()
                .createDeploymentQuery()
                .deploymentId(definition.getDeploymentId())
                .singleResult();
        RuleChange change = log.list(definition.getKey(), 1000).stream()
                .filter(c -> c.version() == definition.getVersion())
                .findFirst()
                .orElse(null);
        body.put(
                "deployedAt",
                deployment == null || deployment.getDeploymentTime() == null
                        ? null
                        : deployment.getDeploymentTime().toInstant().atOffset(ZoneOffset.UTC));
        body.put(
                "deployedBy",
                change == null ? null : change.changedBy() == null ? "the service (start-up)" : change.changedBy());
        body.put("reason", change == null ? null : change.reason());
        body.put("summary", change == null ? null : change.summary());
        return body;
    }

    /** One decision: the version in force with its whole file, and every version with who, when, why. */
    public Map<String, Object> decision(String key) {
        DecisionDefinition current = inForce(key);
        Map<String, Object> body = summary(current);
        body.put("xml", xml(current));
        List<Map<String, Object>> versions = new ArrayList<>();
        Map<Integer, RuleChange> changes = new HashMap<>();
        log.list(key, 1000).forEach(c -> changes.putIfAbsent(c.version(), c));
        for (DecisionDefinition d : repository()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .orderByDecisionDefinitionVersion()
                .desc()
                .list()) {
            RuleChange change = changes.get(d.getVersion());
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("version", d.getVersion());
            version.put("inForce", d.getId().equals(current.getId()));
            version.put("changedAt", change == null ? null : change.changedAt());
            version.put(
                    "changedBy",
                    change == null ? null : change.changedBy() == null ? "the service (start-up)" : change.changedBy());
            version.put("reason", change == null ? null : change.reason());
            version.put("summary", change == null ? null : change.summary());
            versions.add(version);
        }
        body.put("versions", versions);
        return body;
    }

    // ------------------------------------------------------------------ checking and comparing

    /**
     * The checks the engine applies at deployment, and the rule-by-rule changes against the version in force of
     * every decision in the file.
     */
    public Map<String, Object> review(String key, String xml) {
        DecisionDefinition current = inForce(key);
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        DmnModelInstance edited = null;
        try {
            edited = check.check(current.getResourceName(), bytes(xml));
        } catch (RuleTableException e) {
            problems.add(e.getMessage());
        }
        body.put("problems", problems);
        body.put("deployable", problems.isEmpty());
        if (edited == null) {
            edited = readOrNull(xml);
        }
        List<Map<String, Object>> diffs = new ArrayList<>();
        if (edited != null) {
            DmnModelInstance inForce = Dmn.readModelFromStream(new ByteArrayInputStream(bytes(xml(current))));
            for (Decision decision : edited.getModelElementsByType(Decision.class)) {
                Decision before = inForce.getModelElementById(decision.getId());
                List<RuleDiff.Change> changes = RuleDiff.between(before, decision);
                Map<String, Object> diff = new LinkedHashMap<>();
                diff.put("decisionKey", decision.getId());
                diff.put("summary", changes.isEmpty() ? "no change" : RuleDiff.summary(changes, before == null));
                diff.put("changes", changes);
                diffs.add(diff);
            }
        }
        body.put("diff", diffs);
        body.put("changed", diffs.stream().anyMatch(d -> !((List<?>) d.get("changes")).isEmpty()));
        return body;
    }

    // ------------------------------------------------------------------ trying

    /** The input columns of the decision in the edited file, for typing example cases. */
    public List<Map<String, Object>> inputs(String key, String xml) {
        Decision decision = decisionIn(parse(xml), key);
        List<Map<String, Object>> inputs = new ArrayList<>();
        if (decision.getExpression() instanceof DecisionTable table) {
            for (Input input : table.getInputs()) {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("id", input.getId());
                column.put(
                        "label",
                        input.getLabel() == null || input.getLabel().isBlank() ? input.getId() : input.getLabel());
                column.put(
                        "expression",
                        input.getInputExpression() == null
                                        || input.getInputExpression().getText() == null
                                ? null
                                : input.getInputExpression().getText().getTextContent());
                column.put(
                        "type",
                        input.getInputExpression() == null
                                ? null
                                : input.getInputExpression().getTypeRef());
                inputs.add(column);
            }
        }
        return inputs;
    }

    /**
     * Runs the version in force and the edited file on example cases: each case gives a value per input column (by
     * the column's id), as typed; values are read by the column's type.
     */
    public List<Map<String, Object>> tryCases(String key, String xml, List<Map<String, String>> cases) {
        if (cases == null || cases.isEmpty()) {
            throw new IllegalArgumentException("Type at least one example case.");
        }
        if (cases.size() > MAX_CASES) {
            throw new IllegalArgumentException("At most " + MAX_CASES + " example cases at a time.");
        }
        DmnModelInstance edited = checkedForTrying(key, xml);
        DmnModelInstance inForce = parse(xml(inForce(key)));
        List<Map<String, Object>> results = new ArrayList<>();
        int number = 0;
        for (Map<String, String> typed : cases) {
            number++;
            Map<String, Object> values = new LinkedHashMap<>();
            Decision decision = decisionIn(edited, key);
            if (decision.getExpression() instanceof DecisionTable table) {
                for (Input input : table.getInputs()) {
                    String text = typed == null ? null : typed.get(input.getId());
                    values.put(input.getId(), typedValue(input, text));
                }
            }
            Map<String, Object> result = compare(key, inForce, edited, values);
            result.put("case", "Example " + number);
            results.add(result);
        }
        return results;
    }

    /**
     * Runs the version in force and the edited file on the inputs recorded for the last {@code last} evaluations of
     * the decision in real procurements, newest first, and says which outcomes would change and why.
     */
    public Map<String, Object> replay(String key, String xml, int last) {
        int count = Math.max(1, Math.min(last, MAX_REPLAY));
        DmnModelInstance edited = checkedForTrying(key, xml);
        DmnModelInstance inForce = parse(xml(inForce(key)));
        List<HistoricDecisionInstance> recorded = engine.getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(key)
                .includeInputs()
                .includeOutputs()
                .orderByEvaluationTime()
                .desc()
                .listPage(0, count);
        Map<String, String> references = businessKeys(recorded);
        List<Map<String, Object>> results = new ArrayList<>();
        int changed = 0;
        int skipped = 0;
        for (HistoricDecisionInstance instance : recorded) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (HistoricDecisionInputInstance input : instance.getInputs()) {
                values.put(input.getClauseId(), safeValue(input));
            }
            Map<String, Object> result;
            List<String> missing = missingInputs(decisionIn(edited, key), values);
            if (!missing.isEmpty()) {
                result = new LinkedHashMap<>();
                result.put("changed", false);
                result.put(
                        "error",
                        "Not replayed: nothing was recorded for the input column(s) " + missing
                                + " (new since this evaluation).");
                skipped++;
            } else {
                result = compare(key, inForce, edited, values);
                if (Boolean.TRUE.equals(result.get("changed"))) {
                    changed++;
                }
            }
            result.put(
                    "case", references.getOrDefault(instance.getProcessInstanceId(), instance.getProcessInstanceId()));
            result.put(
                    "evaluatedAt",
                    instance.getEvaluationTime() == null
                            ? null
                            : instance.getEvaluationTime().toInstant().atOffset(ZoneOffset.UTC));
            result.put("recordedVersion", version(instance.getDecisionDefinitionId()));
            result.put(
                    "recorded",
                    instance.getOutputs().stream()
                            .map(o -> o.getVariableName() + " = " + o.getValue())
                            .toList());
            results.add(result);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionKey", key);
        body.put("replayed", recorded.size() - skipped);
        body.put("notReplayed", skipped);
        body.put("changed", changed);
        body.put("cases", results);
        return body;
    }

    private Map<String, Object> compare(
            String key, DmnModelInstance inForce, DmnModelInstance edited, Map<String, Object> valuesByInputId) {
        Map<String, Object> result = new LinkedHashMap<>();
        Outcome before = evaluate(key, inForce, valuesByInputId);
        Outcome after = evaluate(key, edited, valuesByInputId);
        List<String> inputs = new ArrayList<>();
        Decision decision = decisionIn(edited, key);
        if (decision.getExpression() instanceof DecisionTable table) {
            for (Input input : table.getInputs()) {
                inputs.add(label(input) + " = " + valuesByInputId.get(input.getId()));
            }
        }
        result.put("inputs", inputs);
        result.put("inForce", before.describe());
        result.put("edited", after.describe());
        result.put(
                "changed",
                !Objects.equals(before.outputs(), after.outputs()) || !Objects.equals(before.error(), after.error()));
        result.put("why", why(before, after));
        return result;
    }

    private static String why(Outcome before, Outcome after) {
        if (after.error() != null) {
            return "The edited table cannot be evaluated here: " + after.error();
        }
        if (before.error() != null) {
            return "The version in force cannot be evaluated here: " + before.error();
        }
        List<String> reasons = new ArrayList<>();
        List<String> wasIds = before.rules().stream().map(MatchedRule::id).toList();
        List<String> isIds = after.rules().stream().map(MatchedRule::id).toList();
        for (MatchedRule rule : after.rules()) {
            if (!wasIds.contains(rule.id())) {
                reasons.add("now matches " + rule.describe());
            }
        }
        for (MatchedRule rule : before.rules()) {
            if (!isIds.contains(rule.id())) {
                reasons.add("no longer matches " + rule.describe());
            }
        }
        for (MatchedRule rule : after.rules()) {
            MatchedRule was = before.rules().stream()
                    .filter(r -> r.id().equals(rule.id()))
                    .findFirst()
                    .orElse(null);
            if (was != null && !was.outputs().equals(rule.outputs())) {
                reasons.add(rule.describe() + " now gives " + rule.outputs() + " instead of " + was.outputs());
            }
        }
        return reasons.isEmpty() ? "same rules match" : String.join("; ", reasons);
    }

    private Outcome evaluate(String key, DmnModelInstance source, Map<String, Object> valuesByInputId) {
        DmnModelInstance model = Dmn.readModelFromStream(
                new ByteArrayInputStream(Dmn.convertToString(source).getBytes(StandardCharsets.UTF_8)));
        Decision decision = decisionIn(model, key);
        VariableMap variables = Variables.createVariables();
        if (decision.getExpression() instanceof DecisionTable table) {
            int column = 0;
            for (Input input : table.getInputs()) {
                String variable = INPUT_VARIABLE + column++;
                Text text = model.newInstance(Text.class);
                text.setTextContent(variable);
                input.getInputExpression().setText(text);
                input.getInputExpression().setExpressionLanguage("feel");
                variables.putValue(variable, valuesByInputId.get(input.getId()));
            }
        }
        Map<String, List<DmnEvaluatedDecisionRule>> rules = new HashMap<>();
        matched.set(rules);
        try {
            DmnDecision parsed = dmn.parseDecision(key, model);
            var result = dmn.evaluateDecision(parsed, variables);
            List<Map<String, String>> outputs = new ArrayList<>();
            result.forEach(entry -> {
                Map<String, String> row = new LinkedHashMap<>();
                entry.forEach((name, value) -> row.put(name, value == null ? null : value.toString()));
                outputs.add(row);
            });
            List<MatchedRule> matchedRules = new ArrayList<>();
            List<Rule> all = decision.getExpression() instanceof DecisionTable table
                    ? new ArrayList<>(table.getRules())
                    : List.of();
            for (DmnEvaluatedDecisionRule rule : rules.getOrDefault(key, List.of())) {
                int index = 0;
                String annotation = null;
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).getId().equals(rule.getId())) {
                        index = i + 1;
                        Description description = all.get(i).getDescription();
                        annotation = description == null ? null : description.getTextContent();
                    }
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<String, DmnEvaluatedOutput> output :
                        rule.getOutputEntries().entrySet()) {
                    Object value = output.getValue().getValue() == null
                            ? null
                            : output.getValue().getValue().getValue();
                    values.put(output.getValue().getOutputName(), value == null ? null : value.toString());
                }
                matchedRules.add(new MatchedRule(rule.getId(), index, annotation, values));
            }
            return new Outcome(outputs, matchedRules, null);
        } catch (RuntimeException e) {
            return new Outcome(List.of(), List.of(), RuleTableCheck.rootMessage(e));
        } finally {
            matched.remove();
        }
    }

    record MatchedRule(String id, int index, String annotation, Map<String, String> outputs) {

        String describe() {
            return "rule " + index
                    + (annotation == null || annotation.isBlank() ? "" : " (" + annotation.strip() + ")");
        }
    }

    record Outcome(List<Map<String, String>> outputs, List<MatchedRule> rules, String error) {

        Map<String, Object> describe() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("outputs", outputs);
            body.put(
                    "rules",
                    rules.stream()
                            .map(r -> {
                                Map<String, Object> rule = new LinkedHashMap<>();
                                rule.put("id", r.id());
                                rule.put("number", r.index());
                                rule.put("annotation", r.annotation());
                                rule.put("outputs", r.outputs());
                                return rule;
                            })
                            .toList());
            body.put(
                    "text",
                    error != null
                            ? "error: " + error
                            : rules.isEmpty() && outputs.isEmpty()
                                    ? "no rule matched"
                                    : rules.isEmpty()
                                            ? outputs.toString()
                                            : String.join(
                                                    "; ",
                                                    rules.stream()
                                                            .map(r -> r.describe() + ": " + r.outputs())
                                                            .toList()));
            body.put("error", error);
            return body;
        }
    }

    /** Collects the rules each decision table matched, for the evaluation running in this thread. */
    private final class MatchedRules implements DmnDecisionEvaluationListener {

        @Override
        public void notify(DmnDecisionEvaluationEvent event) {
            Map<String, List<DmnEvaluatedDecisionRule>> rules = matched.get();
            if (rules == null) {
                return;
            }
            record(event.getDecisionResult(), rules);
            event.getRequiredDecisionResults().forEach(r -> record(r, rules));
        }

        private void record(DmnDecisionLogicEvaluationEvent event, Map<String, List<DmnEvaluatedDecisionRule>> rules) {
            if (event instanceof DmnDecisionTableEvaluationEvent table) {
                rules.put(table.getDecision().getKey(), new ArrayList<>(table.getMatchingRules()));
            }
        }
    }

    // ------------------------------------------------------------------ deploying

    /** Deploys the edited file as a new version, as this user, with this reason. */
    public Map<String, Object> deploy(String key, String xml, String reason, String userId, List<String> groups) {
        DecisionDefinition current = inForce(key);
        return deployFile(key, current.getResourceName(), xml, reason, userId, groups);
    }

    /** Deploys the file of an earlier version again, as a new version, as this user, with this reason. */
    public Map<String, Object> rollback(String key, int version, String reason, String userId, List<String> groups) {
        DecisionDefinition earlier = repository()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .decisionDefinitionVersion(version)
                .singleResult();
        if (earlier == null) {
            throw new IllegalArgumentException("Decision " + key + " has no version " + version + ".");
        }
        if (earlier.getId().equals(inForce(key).getId())) {
            throw new IllegalArgumentException("Version " + version + " of " + key + " is already in force.");
        }
        String why = reason == null ? null : "Roll back to version " + version + ": " + reason.strip();
        return deployFile(key, earlier.getResourceName(), xml(earlier), why, userId, groups);
    }

    private Map<String, Object> deployFile(
            String key, String resourceName, String xml, String reason, String userId, List<String> groups) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the rules change: the reason is kept with the new version.");
        }
        if (reason.strip().length() > 1000) {
            throw new IllegalArgumentException("Keep the reason under 1,000 characters.");
        }
        Map<String, Object> review = review(key, xml);
        if (!Boolean.TRUE.equals(review.get("changed"))) {
            throw new IllegalArgumentException(
                    "Nothing changed compared with the version in force: nothing to deploy.");
        }
        IdentityService identity = engine.getIdentityService();
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, groups);
        Deployment deployment;
        try {
            deployment = RuleChangeReason.during(
                    reason.strip(),
                    () -> repository()
                            .createDeployment()
                            .name("Rule change: " + key)
                            .source("Cockpit Rules page")
                            .addInputStream(resourceName, new ByteArrayInputStream(bytes(xml)))
                            .deploy());
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>(review);
        body.put("deploymentId", deployment.getId());
        body.put("decision", summary(inForce(key)));
        return body;
    }

    // ------------------------------------------------------------------ helpers

    private RepositoryService repository() {
        return engine.getRepositoryService();
    }

    private DecisionDefinition inForce(String key) {
        DecisionDefinition definition = key == null
                ? null
                : repository()
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey(key)
                        .latestVersion()
                        .singleResult();
        if (definition == null) {
            throw new NoSuchDecision("There is no decision " + key + ".");
        }
        return definition;
    }

    /** An unknown decision key or version: 404. */
    public static class NoSuchDecision extends RuntimeException {
        public NoSuchDecision(String message) {
            super(message);
        }
    }

    private String xml(DecisionDefinition definition) {
        try (InputStream model = repository().getDecisionModel(definition.getId())) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DmnModelInstance checkedForTrying(String key, String xml) {
        DmnModelInstance model = parse(xml);
        decisionIn(model, key);
        try {
            dmn.parseDecisionRequirementsGraph(model);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The edited table cannot be run: " + RuleTableCheck.rootMessage(e));
        }
        return model;
    }

    private static DmnModelInstance parse(String xml) {
        DmnModelInstance model = readOrNull(xml);
        if (model == null) {
            throw new IllegalArgumentException("The edited file is not a readable DMN file.");
        }
        return model;
    }

    private static DmnModelInstance readOrNull(String xml) {
        if (xml == null || xml.isBlank()) {
            return null;
        }
        try {
            return Dmn.readModelFromStream(new ByteArrayInputStream(bytes(xml)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Decision decisionIn(DmnModelInstance model, String key) {
        if (!(model.getModelElementById(key) instanceof Decision decision)) {
            throw new IllegalArgumentException("The edited file no longer holds the decision " + key + ".");
        }
        return decision;
    }

    private static List<String> missingInputs(Decision decision, Map<String, Object> values) {
        List<String> missing = new ArrayList<>();
        if (decision.getExpression() instanceof DecisionTable table) {
            for (Input input : table.getInputs()) {
                if (!values.containsKey(input.getId())) {
                    missing.add(label(input));
                }
            }
        }
        return missing;
    }

    private static Object typedValue(Input input, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String type =
                input.getInputExpression() == null || input.getInputExpression().getTypeRef() == null
                        ? "string"
                        : input.getInputExpression().getTypeRef().toLowerCase();
        String value = text.strip();
        try {
            switch (type) {
                case "integer", "long" -> {
                    return Long.valueOf(value);
                }
                case "double", "number" -> {
                    return new BigDecimal(value).doubleValue();
                }
                case "boolean" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException("'" + label(input) + "' is yes/no: type true or false.");
                    }
                    return Boolean.valueOf(value.toLowerCase());
                }
                default -> {
                    return value;
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + label(input) + "' is a number: '" + value + "' is not one.");
        }
    }

    /**
     * The procurement references (business keys) of the evaluations' process instances. The user may read these
     * evaluations (READ_HISTORY on the decision), not necessarily the process history: the reference alone is read
     * without the engine's authorization check, so that a replayed case says which procurement it was.
     */
    private Map<String, String> businessKeys(List<HistoricDecisionInstance> instances) {
        List<String> ids = instances.stream()
                .map(HistoricDecisionInstance::getProcessInstanceId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, String> keys = new HashMap<>();
        if (ids.isEmpty()) {
            return keys;
        }
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                for (int i = 0; i < ids.size(); i += 100) {
                    List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 100));
                    engine.getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .processInstanceIds(new java.util.HashSet<>(chunk))
                            .list()
                            .forEach(p -> {
                                if (p.getBusinessKey() != null) {
                                    keys.put(p.getId(), p.getBusinessKey());
                                }
                            });
                }
            } finally {
                context.enableAuthorizationCheck();
            }
            return null;
        });
        return keys;
    }

    private static Object safeValue(HistoricDecisionInputInstance input) {
        try {
            return input.getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Integer version(String decisionDefinitionId) {
        String[] parts = decisionDefinitionId == null ? new String[0] : decisionDefinitionId.split(":");
        try {
            return parts.length >= 2 ? Integer.valueOf(parts[1]) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String label(Input input) {
        return input.getLabel() == null || input.getLabel().isBlank() ? input.getId() : input.getLabel();
    }

    private static byte[] bytes(String xml) {
        return xml == null ? new byte[0] : xml.getBytes(StandardCharsets.UTF_8);
    }

    static OffsetDateTime utc(java.util.Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
