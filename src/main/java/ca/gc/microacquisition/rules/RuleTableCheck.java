package ca.gc.microacquisition.rules;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.transform.dom.DOMSource;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks a decision file before the engine deploys it, so that a table that would fail later (when a procurement
 * reaches it) is refused now, with a message that says where the problem is:
 * <ul>
 *   <li>the XML must be a readable DMN file that the DMN engine can build;</li>
 *   <li>every expression is FEEL: an {@code expressionLanguage} or {@code typeLanguage} attribute anywhere in the
 *       file (definitions, decisions, inputs, input and output entries, literal expressions, required decisions,
 *       the DRD) that names another language (JUEL, JavaScript, Groovy, Python...) refuses the whole file, since
 *       those languages run code on the server;</li>
 *   <li>every FEEL text must parse: input expressions, input entries (unary tests), output entries, literal
 *       expressions. The engine itself only reads FEEL when a decision is evaluated;</li>
 *   <li>every decision must have a history time to live (the engine requires one);</li>
 *   <li>the decisions the process uses ({@link RuleTables}) must keep their hit policy, their output columns and
 *       the output values the process tells apart.</li>
 * </ul>
 */
public final class RuleTableCheck {

    /** What the DMN engine evaluates as FEEL on an expression. */
    private static final Set<String> ELEMENT_FEEL = Set.of("feel", DmnModelConstants.FEEL_NS.toLowerCase(Locale.ROOT));
    /** The FEEL namespaces of DMN 1.2 to 1.5, accepted as the file-wide default language. */
    private static final Set<String> DEFINITIONS_FEEL = Set.of(
            DmnModelConstants.FEEL12_NS.toLowerCase(Locale.ROOT),
            DmnModelConstants.FEEL13_NS.toLowerCase(Locale.ROOT),
            DmnModelConstants.FEEL14_NS.toLowerCase(Locale.ROOT),
            DmnModelConstants.FEEL15_NS.toLowerCase(Locale.ROOT));

    private static final Set<String> LANGUAGE_ATTRIBUTES = Set.of("expressionLanguage", "typeLanguage");

    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
    private final DmnEngine dmnEngine =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** Reads and checks one decision file; answers the model. */
    public DmnModelInstance check(String resourceName, byte[] xml) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            throw new RuleTableException(resourceName + " is not a readable DMN file: " + rootMessage(e));
        }
        List<String> languages = new ArrayList<>();
        checkLanguages(model, languages);
        if (!languages.isEmpty()) {
            throw new RuleTableException(resourceName + " was not deployed: decision tables are written in FEEL"
                    + " only; " + String.join("; ", languages) + ".");
        }
        try {
            dmnEngine.parseDecisionRequirementsGraph(model);
        } catch (RuntimeException e) {
            throw new RuleTableException(resourceName + " cannot be used as a set of decisions: " + rootMessage(e));
        }
        List<String> problems = new ArrayList<>();
        Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
        if (decisions.isEmpty()) {
            problems.add("it holds no decision");
        }
        for (Decision decision : decisions) {
            checkDecision(decision, problems);
        }
        if (!problems.isEmpty()) {
            throw new RuleTableException(resourceName + " was not deployed: " + String.join("; ", problems) + ".");
        }
        return model;
    }

    private void checkDecision(Decision decision, List<String> problems) {
        String where = "decision " + decision.getId();
        if (decision.getCamundaHistoryTimeToLiveString() == null
                || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
            problems.add(where + " has no history time to live (set it to 2555 days, like the shipped tables)");
        }
        if (decision.getExpression() instanceof LiteralExpression literal) {
            parseExpression(
                    where,
                    literal.getText() == null ? null : literal.getText().getTextContent(),
                    literal.getExpressionLanguage(),
                    problems);
        }
        if (decision.getExpression() instanceof DecisionTable table) {
            checkFeel(where, table, problems);
        }
        RuleTables.Shape shape = RuleTables.SHAPES.get(decision.getId());
        if (shape != null) {
            checkShape(where, decision, shape, problems);
        }
    }

    private void checkFeel(String where, DecisionTable table, List<String> problems) {
        List<Input> inputs = new ArrayList<>(table.getInputs());
        for (Input input : inputs) {
            String text = input.getInputExpression() == null
                            || input.getInputExpression().getText() == null
                    ? null
                    : input.getInputExpression().getText().getTextContent();
            if (text == null || text.isBlank()) {
                problems.add(where + ", input '" + label(input) + "' has no expression");
                continue;
            }
            parseExpression(
                    where + ", input '" + label(input) + "'",
                    text,
                    input.getInputExpression().getExpressionLanguage(),
                    problems);
        }
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        for (Rule rule : table.getRules()) {
            Iterator<InputEntry> entries = rule.getInputEntries().iterator();
            for (int column = 0; entries.hasNext(); column++) {
                InputEntry entry = entries.next();
                String text = entry.getText() == null ? "" : entry.getText().getTextContent();
                if (isFeel(entry.getExpressionLanguage())
                        && !text.isBlank()
                        && !text.trim().equals("-")) {
                    ParseResult parsed = feel.parseUnaryTests(text);
                    if (parsed.isFailure()) {
                        problems.add(where + ", rule " + rule.getId() + ", input '"
                                + (column < inputs.size() ? label(inputs.get(column)) : "#" + (column + 1))
                                + "': '" + text + "' is not valid FEEL (" + failure(parsed) + ")");
                    }
                }
            }
            Iterator<OutputEntry> outs = rule.getOutputEntries().iterator();
            for (int column = 0; outs.hasNext(); column++) {
                OutputEntry entry = outs.next();
                String text = entry.getText() == null ? "" : entry.getText().getTextContent();
                if (!text.isBlank()) {
                    parseExpression(
                            where + ", rule " + rule.getId() + ", output '"
                                    + (column < outputs.size()
                                            ? outputs.get(column).getName()
                                            : "#" + (column + 1)) + "'",
                            text,
                            entry.getExpressionLanguage(),
                            problems);
                }
            }
        }
    }

    private void checkShape(String where, Decision decision, RuleTables.Shape shape, List<String> problems) {
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            problems.add(where + " must be a decision table");
            return;
        }
        if (!shape.hitPolicies().contains(table.getHitPolicy())) {
            problems.add(where + " must keep hit policy " + names(shape.hitPolicies()) + " (found "
                    + table.getHitPolicy() + ")");
        }
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        if (!outputs.equals(shape.outputs())) {
            problems.add(where + " must have the outputs " + shape.outputs() + " in this order (found " + outputs
                    + "): the process reads them by name");
        }
        if (shape.singleRule() && table.getRules().size() != 1) {
            problems.add(where + " must have exactly one rule (found "
                    + table.getRules().size() + "): change its values instead of adding rules");
        }
        if (shape.singleRule() && !table.getInputs().isEmpty()) {
            problems.add(where + " must have no inputs");
        }
        if (shape.singleRule()) {
            for (Rule rule : table.getRules()) {
                Iterator<OutputEntry> entries = rule.getOutputEntries().iterator();
                for (int column = 0; entries.hasNext() && column < outputs.size(); column++) {
                    String text = entries.next().getText().getTextContent().trim();
                    if (!isPositiveNumber(text)) {
                        problems.add(where + ", output '" + outputs.get(column) + "' must be a positive number (found '"
                                + text + "')");
                    }
                }
            }
        }
        for (Map.Entry<String, Set<String>> allowed : shape.literalValues().entrySet()) {
            int column = outputs.indexOf(allowed.getKey());
            if (column < 0) {
                continue;
            }
            for (Rule rule : table.getRules()) {
                OutputEntry entry = new ArrayList<>(rule.getOutputEntries()).get(column);
                String text = entry.getText() == null
                        ? ""
                        : entry.getText().getTextContent().trim();
                String value = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                        ? text.substring(1, text.length() - 1)
                        : null;
                if (value == null || !allowed.getValue().contains(value)) {
                    problems.add(where + ", rule " + rule.getId() + ", output '" + allowed.getKey()
                            + "' must be one of " + quoted(allowed.getValue()) + " (found '" + text + "')");
                }
            }
        }
        checkDurations(where, table, outputs, shape, problems);
        if (shape.defaultLast() && !table.getRules().isEmpty()) {
            Rule last = new ArrayList<>(table.getRules()).get(table.getRules().size() - 1);
            boolean matchesAll = last.getInputEntries().stream()
                    .map(entry -> entry.getText() == null
                            ? ""
                            : entry.getText().getTextContent().trim())
                    .allMatch(text -> text.isEmpty() || text.equals("-"));
            if (!matchesAll) {
                problems.add(where + ": the last rule (" + last.getId() + ") must match every input ('-'), so that"
                        + " every step has a default");
            }
        } else if (shape.defaultLast()) {
            problems.add(where + " must have at least one rule (the default, last)");
        }
        if (shape.requiredDecision() != null) {
            boolean requires = decision.getInformationRequirements().stream()
                    .map(InformationRequirement::getRequiredDecision)
                    .anyMatch(required ->
                            required != null && shape.requiredDecision().equals(required.getId()));
            if (!requires) {
                problems.add(where + " must require the decision " + shape.requiredDecision()
                        + " (in the same file): its rules use that decision's values");
            }
        }
    }

    /** ISO 8601 durations in the named outputs, positive, and each shorter than the next (reminder before due). */
    private static void checkDurations(
            String where, DecisionTable table, List<String> outputs, RuleTables.Shape shape, List<String> problems) {
        if (shape.orderedDurations().isEmpty()) {
            return;
        }
        for (Rule rule : table.getRules()) {
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            java.time.Duration previous = null;
            for (String name : shape.orderedDurations()) {
                int column = outputs.indexOf(name);
                if (column < 0 || column >= entries.size()) {
                    continue;
                }
                String text = entries.get(column).getText() == null
                        ? ""
                        : entries.get(column).getText().getTextContent().trim();
                java.time.Duration duration = null;
                if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                    try {
                        duration = java.time.Duration.parse(text.substring(1, text.length() - 1));
                    } catch (java.time.format.DateTimeParseException e) {
                        duration = null;
                    }
                }
                if (duration == null || duration.isNegative() || duration.isZero()) {
                    problems.add(
                            where + ", rule " + rule.getId() + ", output '" + name + "' must be a positive ISO 8601"
                                    + " duration in quotes, such as \"P2D\" or \"PT24H\" (found '" + text + "')");
                    previous = null;
                    continue;
                }
                if (previous != null && duration.compareTo(previous) <= 0) {
                    problems.add(where + ", rule " + rule.getId() + ", output '" + name + "' (" + text + ") must be"
                            + " longer than the one before it: the reminder comes before the due date");
                }
                previous = duration;
            }
        }
    }

    private void parseExpression(String where, String text, String language, List<String> problems) {
        if (!isFeel(language) || text == null || text.isBlank()) {
            return;
        }
        ParseResult parsed = feel.parseExpression(text);
        if (parsed.isFailure()) {
            problems.add(where + ": '" + text + "' is not valid FEEL (" + failure(parsed) + ")");
        }
    }

    private static boolean isFeel(String language) {
        return language == null
                || language.isBlank()
                || ELEMENT_FEEL.contains(language.strip().toLowerCase(Locale.ROOT));
    }

    /** The non-FEEL expression languages a decision file uses (empty: FEEL only), for files deployed earlier. */
    static List<String> languageProblems(byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            checkLanguages(Dmn.readModelFromStream(new ByteArrayInputStream(xml)), problems);
        } catch (RuntimeException e) {
            problems.add("it is not a readable DMN file");
        }
        return List.copyOf(problems);
    }

    /**
     * Refuses every expression language but FEEL. On an expression (input, entry, literal expression) the DMN engine
     * evaluates as FEEL only {@code feel} and the FEEL 2014 namespace; on the definitions element the DMN 1.2 to 1.5
     * FEEL namespaces (the standard's default) are accepted too.
     */
    private static void checkLanguages(DmnModelInstance model, List<String> problems) {
        DOMSource source = model.getDocument().getDomSource();
        if (source == null || source.getNode() == null) {
            problems.add("the file could not be read for its expression languages");
            return;
        }
        Node node = source.getNode();
        org.w3c.dom.Element root =
                node instanceof Document document ? document.getDocumentElement() : (org.w3c.dom.Element) node;
        checkLanguages(root, true, problems);
    }

    private static void checkLanguages(org.w3c.dom.Element element, boolean definitions, List<String> problems) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
            if (!LANGUAGE_ATTRIBUTES.contains(name)) {
                continue;
            }
            String value = attribute.getNodeValue() == null
                    ? ""
                    : attribute.getNodeValue().strip();
            String lower = value.toLowerCase(Locale.ROOT);
            boolean feel = ELEMENT_FEEL.contains(lower) || (definitions && DEFINITIONS_FEEL.contains(lower));
            if (!feel) {
                String id = element.getAttribute("id");
                problems.add(element.getLocalName() + (id == null || id.isBlank() ? "" : " " + id) + " has " + name
                        + "=\"" + value + "\" (only FEEL is accepted)");
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element childElement) {
                checkLanguages(childElement, false, problems);
            }
        }
    }

    private static boolean isPositiveNumber(String text) {
        try {
            return new BigDecimal(text).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String failure(ParseResult parsed) {
        return parsed instanceof FailedParseResult failed ? failed.failure().message() : "cannot be parsed";
    }

    private static String label(Input input) {
        if (input.getLabel() != null && !input.getLabel().isBlank()) {
            return input.getLabel();
        }
        return input.getId();
    }

    private static String names(Set<?> values) {
        return values.stream()
                .map(Object::toString)
                .sorted()
                .reduce((a, b) -> a + " or " + b)
                .orElse("");
    }

    private static String quoted(Set<String> values) {
        return values.stream()
                .sorted()
                .map(v -> "\"" + v + "\"")
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
