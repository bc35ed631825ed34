package ca.gc.microacquisition.rules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What changed between two versions of a decision, in terms a reader of the table understands: rules (rows) added,
 * removed or changed, with each changed cell (input entry, output entry, annotation) before and after; columns
 * added, removed or changed; the hit policy and the name. Rules and input columns are matched by their ids (Camunda
 * Modeler keeps them when a cell is edited), output columns by name.
 */
public final class RuleDiff {

    /** One change: what kind, which element (rule id, column), and the detail before → after. */
    public record Change(String kind, String element, String detail) {}

    private RuleDiff() {}

    /** The changes from {@code before} (null: there was no earlier version) to {@code after}. */
    public static List<Change> between(Decision before, Decision after) {
        List<Change> changes = new ArrayList<>();
        if (before == null) {
            if (after.getExpression() instanceof DecisionTable table) {
                for (Rule rule : table.getRules()) {
                    changes.add(new Change("RULE_ADDED", rule.getId(), describe(table, rule)));
                }
            } else {
                changes.add(new Change("DECISION_ADDED", after.getId(), literal(after)));
            }
            return changes;
        }
        if (!Objects.equals(before.getName(), after.getName())) {
            changes.add(new Change("NAME_CHANGED", after.getId(), arrow(before.getName(), after.getName())));
        }
        if (!(before.getExpression() instanceof DecisionTable old)
                || !(after.getExpression() instanceof DecisionTable now)) {
            String was = literal(before);
            String is = literal(after);
            if (!Objects.equals(was, is)) {
                changes.add(new Change("DECISION_CHANGED", after.getId(), arrow(was, is)));
            }
            return changes;
        }
        if (old.getHitPolicy() != now.getHitPolicy()) {
            changes.add(new Change(
                    "HIT_POLICY_CHANGED",
                    after.getId(),
                    arrow(String.valueOf(old.getHitPolicy()), String.valueOf(now.getHitPolicy()))));
        }
        Map<String, Input> oldInputs = inputs(old);
        Map<String, Input> newInputs = inputs(now);
        for (Map.Entry<String, Input> entry : newInputs.entrySet()) {
            Input was = oldInputs.get(entry.getKey());
            Input is = entry.getValue();
            if (was == null) {
                changes.add(new Change("INPUT_ADDED", label(is), expression(is)));
            } else if (!Objects.equals(expression(was), expression(is))
                    || !Objects.equals(label(was), label(is))
                    || !Objects.equals(
                            was.getInputExpression().getTypeRef(),
                            is.getInputExpression().getTypeRef())) {
                changes.add(new Change("INPUT_CHANGED", label(is), arrow(column(was), column(is))));
            }
        }
        for (Map.Entry<String, Input> entry : oldInputs.entrySet()) {
            if (!newInputs.containsKey(entry.getKey())) {
                changes.add(new Change("INPUT_REMOVED", label(entry.getValue()), expression(entry.getValue())));
            }
        }
        Map<String, Output> oldOutputs = outputs(old);
        Map<String, Output> newOutputs = outputs(now);
        for (Map.Entry<String, Output> entry : newOutputs.entrySet()) {
            Output was = oldOutputs.get(entry.getKey());
            if (was == null) {
                changes.add(new Change(
                        "OUTPUT_ADDED", entry.getKey(), entry.getValue().getTypeRef()));
            } else if (!Objects.equals(was.getTypeRef(), entry.getValue().getTypeRef())) {
                changes.add(new Change(
                        "OUTPUT_CHANGED",
                        entry.getKey(),
                        arrow(was.getTypeRef(), entry.getValue().getTypeRef())));
            }
        }
        for (String name : oldOutputs.keySet()) {
            if (!newOutputs.containsKey(name)) {
                changes.add(
                        new Change("OUTPUT_REMOVED", name, oldOutputs.get(name).getTypeRef()));
            }
        }
        Map<String, Rule> oldRules = rules(old);
        Map<String, Rule> newRules = rules(now);
        for (Map.Entry<String, Rule> entry : newRules.entrySet()) {
            Rule was = oldRules.get(entry.getKey());
            if (was == null) {
                changes.add(new Change("RULE_ADDED", entry.getKey(), describe(now, entry.getValue())));
                continue;
            }
            List<String> cells = changedCells(old, was, now, entry.getValue());
            if (!cells.isEmpty()) {
                changes.add(new Change("RULE_CHANGED", entry.getKey(), String.join("; ", cells)));
            }
        }
        for (Map.Entry<String, Rule> entry : oldRules.entrySet()) {
            if (!newRules.containsKey(entry.getKey())) {
                changes.add(new Change("RULE_REMOVED", entry.getKey(), describe(old, entry.getValue())));
            }
        }
        List<String> oldOrder = new ArrayList<>(oldRules.keySet());
        oldOrder.retainAll(newRules.keySet());
        List<String> newOrder = new ArrayList<>(newRules.keySet());
        newOrder.retainAll(oldRules.keySet());
        if (!oldOrder.equals(newOrder)) {
            changes.add(new Change(
                    "RULES_REORDERED", after.getId(), arrow(String.join(", ", oldOrder), String.join(", ", newOrder))));
        }
        return changes;
    }

    /** A one-line summary, e.g. "1 rule changed, 1 rule added". */
    public static String summary(List<Change> changes, boolean firstVersion) {
        if (changes.isEmpty()) {
            return "No change: same rules as the previous version.";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Change change : changes) {
            counts.merge(change.kind(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(count + " " + words(kind, count)));
        return (firstVersion ? "First version: " : "") + String.join(", ", parts) + ".";
    }

    private static String words(String kind, int count) {
        String[] split = kind.toLowerCase().split("_", 2);
        String noun = split[0].equals("hit") ? "hit policy" : split[0];
        String verb = split[0].equals("hit") ? split[1].replace("policy_", "") : split[1];
        if (count > 1 && !noun.equals("hit policy")) {
            noun = noun.endsWith("s") ? noun : noun + "s";
        }
        return noun + " " + verb;
    }

    private static List<String> changedCells(DecisionTable oldTable, Rule was, DecisionTable newTable, Rule is) {
        List<String> cells = new ArrayList<>();
        Map<String, String> oldIn = inputCells(oldTable, was);
        Map<String, String> newIn = inputCells(newTable, is);
        Map<String, Input> newInputs = inputs(newTable);
        Map<String, Input> oldInputs = inputs(oldTable);
        for (Map.Entry<String, String> cell : newIn.entrySet()) {
            String before = oldIn.getOrDefault(cell.getKey(), "-");
            if (!Objects.equals(norm(before), norm(cell.getValue()))) {
                cells.add("input '" + label(newInputs.get(cell.getKey())) + "': " + arrow(before, cell.getValue()));
            }
        }
        for (Map.Entry<String, String> cell : oldIn.entrySet()) {
            if (!newIn.containsKey(cell.getKey()) && !norm(cell.getValue()).equals("-")) {
                cells.add("input '" + label(oldInputs.get(cell.getKey())) + "': "
                        + arrow(cell.getValue(), "(column removed)"));
            }
        }
        Map<String, String> oldOut = outputCells(oldTable, was);
        Map<String, String> newOut = outputCells(newTable, is);
        for (Map.Entry<String, String> cell : newOut.entrySet()) {
            String before = oldOut.get(cell.getKey());
            if (!Objects.equals(before == null ? null : norm(before), norm(cell.getValue()))) {
                cells.add("output '" + cell.getKey() + "': " + arrow(before, cell.getValue()));
            }
        }
        String oldNote = description(was);
        String newNote = description(is);
        if (!Objects.equals(oldNote, newNote)) {
            cells.add("annotation: " + arrow(oldNote, newNote));
        }
        return cells;
    }

    private static String describe(DecisionTable table, Rule rule) {
        List<String> conditions = new ArrayList<>();
        Map<String, Input> inputs = inputs(table);
        inputCells(table, rule).forEach((id, text) -> {
            if (!norm(text).equals("-") && !norm(text).isEmpty()) {
                conditions.add(label(inputs.get(id)) + " " + text.trim());
            }
        });
        List<String> results = new ArrayList<>();
        outputCells(table, rule).forEach((name, text) -> results.add(name + " = " + text.trim()));
        String note = description(rule);
        return "when " + (conditions.isEmpty() ? "always" : String.join(" and ", conditions)) + " then "
                + String.join(", ", results) + (note == null ? "" : " (" + note + ")");
    }

    private static Map<String, String> inputCells(DecisionTable table, Rule rule) {
        Map<String, String> cells = new LinkedHashMap<>();
        Iterator<Input> columns = table.getInputs().iterator();
        for (InputEntry entry : rule.getInputEntries()) {
            if (!columns.hasNext()) {
                break;
            }
            cells.put(
                    key(columns.next()),
                    entry.getText() == null ? "" : entry.getText().getTextContent());
        }
        return cells;
    }

    private static Map<String, String> outputCells(DecisionTable table, Rule rule) {
        Map<String, String> cells = new LinkedHashMap<>();
        Iterator<Output> columns = table.getOutputs().iterator();
        for (OutputEntry entry : rule.getOutputEntries()) {
            if (!columns.hasNext()) {
                break;
            }
            cells.put(
                    columns.next().getName(),
                    entry.getText() == null ? "" : entry.getText().getTextContent());
        }
        return cells;
    }

    private static Map<String, Input> inputs(DecisionTable table) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        table.getInputs().forEach(input -> inputs.put(key(input), input));
        return inputs;
    }

    private static Map<String, Output> outputs(DecisionTable table) {
        Map<String, Output> outputs = new LinkedHashMap<>();
        table.getOutputs().forEach(output -> outputs.put(output.getName(), output));
        return outputs;
    }

    private static Map<String, Rule> rules(DecisionTable table) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        table.getRules().forEach(rule -> rules.put(rule.getId(), rule));
        return rules;
    }

    private static String key(Input input) {
        return input.getId() != null ? input.getId() : expression(input);
    }

    private static String label(Input input) {
        if (input == null) {
            return "?";
        }
        return input.getLabel() != null && !input.getLabel().isBlank() ? input.getLabel() : expression(input);
    }

    private static String expression(Input input) {
        return input.getInputExpression() == null || input.getInputExpression().getText() == null
                ? ""
                : input.getInputExpression().getText().getTextContent();
    }

    private static String column(Input input) {
        return label(input) + " [" + expression(input) + " : "
                + input.getInputExpression().getTypeRef() + "]";
    }

    private static String description(Rule rule) {
        return rule.getDescription() == null ? null : rule.getDescription().getTextContent();
    }

    private static String literal(Decision decision) {
        if (decision.getExpression() instanceof LiteralExpression literal && literal.getText() != null) {
            return literal.getText().getTextContent();
        }
        return decision.getExpression() == null
                ? null
                : decision.getExpression().getElementType().getTypeName();
    }

    private static String norm(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ");
    }

    private static String arrow(String before, String after) {
        return (before == null ? "(none)" : before.trim()) + " → " + (after == null ? "(none)" : after.trim());
    }
}
