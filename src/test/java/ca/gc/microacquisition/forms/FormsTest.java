package ca.gc.microacquisition.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda Forms in {@code forms/}: what Tasklist 7.24 (form-js, schemaVersion 16) needs to render them, and
 * the variables each form may submit. Keys inside the evaluation sheet's dynamic list are written
 * {@code evaluationSheet.<key>}.
 */
class FormsTest {

    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Form id to the variables it submits, as agreed for the process. */
    private static final Map<String, Set<String>> SUBMITS = new LinkedHashMap<>();

    static {
        SUBMITS.put(
                "request-work",
                Set.of(
                        "title",
                        "summary",
                        "workDescription",
                        "acceptanceCriteria",
                        "evaluationCriteria",
                        "skills",
                        "estimatedValue",
                        "securityClassification",
                        "remoteWork",
                        "repositoryUrl",
                        "license",
                        "containsPersonalInformation",
                        "proposalDeadline",
                        "deliveryDays",
                        "department",
                        "team",
                        "titleFr",
                        "summaryFr",
                        "acceptanceCriteriaFr",
                        "evaluationCriteriaFr",
                        "testOpportunity"));
        SUBMITS.put("review-ineligibility", Set.of("ineligibilityAcknowledged"));
        SUBMITS.put("answer-question", Set.of("questionResponse", "answer", "closeReason"));
        SUBMITS.put("withdraw-request", Set.of("withdrawReason", "withdrawConfirmed"));
        SUBMITS.put("attest-capacity", Set.of("capacityAttestation", "capacityRationale"));
        SUBMITS.put("commit-funds", Set.of("fundsDecision", "financialCoding", "paymentMethod", "section32Certified"));
        SUBMITS.put("review-splitting-referral", Set.of("splittingDecision", "splittingRationale"));
        SUBMITS.put("decide-on-no-proposals", Set.of("noProposalsDecision", "newProposalDeadline", "decisionNote"));
        SUBMITS.put(
                "evaluate-proposals",
                Set.of(
                        "evaluationSheet.proposalId",
                        "evaluationSheet.proposalLabel",
                        "evaluationSheet.criterionId",
                        "evaluationSheet.criterionText",
                        "evaluationSheet.statement",
                        "evaluationSheet.result",
                        "evaluationSheet.rationale",
                        "conflictOfInterestDeclared"));
        SUBMITS.put("handle-late-delivery", Set.of("lateDeliveryDecision", "newDueDate", "lateDeliveryNote"));
        SUBMITS.put("review-qa-findings", Set.of("qaDecision", "qaReviewNote"));
        SUBMITS.put("accept-work", Set.of("acceptanceDecision", "section34Certified", "acceptanceNote"));
        SUBMITS.put(
                "resolve-payment",
                Set.of("paymentResolution", "paymentMethod", "manualPaymentReference", "paymentNote"));
    }

    /** Input component types that hold a value (form-js "keyed" types used here). */
    private static final Set<String> INPUT_TYPES = Set.of(
            "textfield", "textarea", "number", "datetime", "checkbox", "checklist", "radio", "select", "taglist");

    private static final Set<String> KNOWN_TYPES = Set.of(
            "textfield",
            "textarea",
            "number",
            "datetime",
            "checkbox",
            "checklist",
            "radio",
            "select",
            "taglist",
            "text",
            "html",
            "group",
            "dynamiclist",
            "separator",
            "spacer",
            "table");

    /** One keyed input, with its full key (dynamic list path included) and whether it is shown conditionally. */
    private record Field(String fullKey, JsonNode node, boolean conditional) {

        boolean required() {
            return node.path("validate").path("required").asBoolean(false);
        }

        /** The FEEL condition under which the field is hidden, or "" when always shown. */
        String hideWhen() {
            return node.path("conditional").path("hide").asText("");
        }
    }

    static Stream<String> formIds() {
        return SUBMITS.keySet().stream();
    }

    private static JsonNode load(String formId) throws IOException {
        return JSON.readTree(Files.readString(FORMS.resolve(formId + ".form")));
    }

    private static Map<String, Field> fields(JsonNode form) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(form.path("components"), "", fields);
        return fields;
    }

    private static void collect(JsonNode components, String prefix, Map<String, Field> into) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ("dynamiclist".equals(type) || "group".equals(type)) {
                String path = component.path("path").asText("");
                collect(component.path("components"), path.isEmpty() ? prefix : prefix + path + ".", into);
            } else if (INPUT_TYPES.contains(type)) {
                String key = prefix + component.path("key").asText();
                Field previous = into.put(key, new Field(key, component, component.has("conditional")));
                assertThat(previous).as("key " + key + " appears once").isNull();
            }
        }
    }

    private static List<JsonNode> allComponents(JsonNode components) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : components) {
            all.add(component);
            all.addAll(allComponents(component.path("components")));
        }
        return all;
    }

    @Test
    void everyFormFileIsListedAndEveryListedFormExists() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> paths = Files.list(FORMS)) {
            paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".form"))
                    .forEach(name -> files.add(name.substring(0, name.length() - ".form".length())));
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(SUBMITS.keySet());
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void isACamundaForm16ForTasklist724(String formId) throws IOException {
        JsonNode form = load(formId);

        assertThat(form.path("id").asText()).isEqualTo(formId);
        assertThat(form.path("type").asText()).isEqualTo("default");
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        assertThat(form.path("exporter").path("name").asText()).isEqualTo("Camunda Modeler");

        Set<String> ids = new TreeSet<>();
        for (JsonNode component : allComponents(form.path("components"))) {
            String id = component.path("id").asText();
            assertThat(id).as("component id in " + formId).isNotBlank();
            assertThat(ids.add(id))
                    .as("component id " + id + " is unique in " + formId)
                    .isTrue();
            assertThat(KNOWN_TYPES)
                    .as("type of " + id)
                    .contains(component.path("type").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void submitsOnlyTheAgreedVariables(String formId) throws IOException {
        Map<String, Field> fields = fields(load(formId));

        assertThat(fields.keySet()).as("keys of " + formId).containsExactlyInAnyOrderElementsOf(SUBMITS.get(formId));
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void everyInputIsLabelledAndExplained(String formId) throws IOException {
        for (Field field : fields(load(formId)).values()) {
            JsonNode node = field.node();
            String label = "datetime".equals(node.path("type").asText())
                    ? node.path("dateLabel").asText("")
                    : node.path("label").asText("");
            assertThat(label).as("label of " + field.fullKey()).isNotBlank();
            assertThat(node.path("description").asText(""))
                    .as("description of " + field.fullKey())
                    .hasSizeGreaterThan(5);
        }
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void choicesHaveOptionsAndDatesAreSentWithTheirOffset(String formId) throws IOException {
        for (Field field : fields(load(formId)).values()) {
            JsonNode node = field.node();
            switch (node.path("type").asText()) {
                case "radio", "select" ->
                    assertThat(node.path("values").size())
                            .as("options of " + field.fullKey())
                            .isGreaterThanOrEqualTo(2);
                case "datetime" -> {
                    assertThat(node.path("subtype").asText()).isEqualTo("datetime");
                    assertThat(node.path("timeSerializingFormat").asText()).isEqualTo("utc_offset");
                    assertThat(node.path("use24h").asBoolean()).isTrue();
                }
                default -> {}
            }
            // A pattern is only checked by form-js when the validation type is "custom".
            if (node.path("validate").has("pattern")) {
                assertThat(node.path("validate").path("validationType").asText())
                        .as(field.fullKey())
                        .isEqualTo("custom");
            }
        }
    }

    // --- required-ness, as agreed per form

    /** Fields that must be filled whenever they are shown (always, or under their condition). */
    private static final Map<String, Set<String>> REQUIRED = new LinkedHashMap<>();

    /** Fields that are optional. */
    private static final Map<String, Set<String>> OPTIONAL = new LinkedHashMap<>();

    /** Fields shown only for one choice of another field: field to "choiceKey=VALUE". */
    private static final Map<String, Map<String, String>> SHOWN_ONLY_FOR = new LinkedHashMap<>();

    static {
        REQUIRED.put(
                "request-work",
                Set.of(
                        "title",
                        "summary",
                        "workDescription",
                        "acceptanceCriteria",
                        "evaluationCriteria",
                        "skills",
                        "estimatedValue",
                        "securityClassification",
                        "repositoryUrl",
                        "license",
                        "proposalDeadline",
                        "deliveryDays",
                        "department",
                        "team"));
        OPTIONAL.put(
                "request-work",
                Set.of(
                        "remoteWork",
                        "containsPersonalInformation",
                        "titleFr",
                        "summaryFr",
                        "acceptanceCriteriaFr",
                        "evaluationCriteriaFr",
                        "testOpportunity"));
        REQUIRED.put("review-ineligibility", Set.of("ineligibilityAcknowledged"));
        REQUIRED.put("answer-question", Set.of("questionResponse", "answer", "closeReason"));
        SHOWN_ONLY_FOR.put(
                "answer-question",
                Map.of("answer", "questionResponse=ANSWER", "closeReason", "questionResponse=CLOSE"));
        REQUIRED.put("withdraw-request", Set.of("withdrawReason", "withdrawConfirmed"));
        REQUIRED.put("attest-capacity", Set.of("capacityAttestation", "capacityRationale"));
        REQUIRED.put("commit-funds", Set.of("fundsDecision", "financialCoding", "paymentMethod", "section32Certified"));
        SHOWN_ONLY_FOR.put(
                "commit-funds",
                Map.of(
                        "financialCoding",
                        "fundsDecision=COMMITTED",
                        "paymentMethod",
                        "fundsDecision=COMMITTED",
                        "section32Certified",
                        "fundsDecision=COMMITTED"));
        REQUIRED.put("review-splitting-referral", Set.of("splittingDecision", "splittingRationale"));
        REQUIRED.put("decide-on-no-proposals", Set.of("noProposalsDecision", "newProposalDeadline"));
        OPTIONAL.put("decide-on-no-proposals", Set.of("decisionNote"));
        SHOWN_ONLY_FOR.put("decide-on-no-proposals", Map.of("newProposalDeadline", "noProposalsDecision=REPOST"));
        REQUIRED.put(
                "evaluate-proposals",
                Set.of("evaluationSheet.result", "evaluationSheet.rationale", "conflictOfInterestDeclared"));
        REQUIRED.put("handle-late-delivery", Set.of("lateDeliveryDecision", "newDueDate", "lateDeliveryNote"));
        SHOWN_ONLY_FOR.put("handle-late-delivery", Map.of("newDueDate", "lateDeliveryDecision=EXTEND"));
        REQUIRED.put("review-qa-findings", Set.of("qaDecision", "qaReviewNote"));
        REQUIRED.put("accept-work", Set.of("acceptanceDecision", "section34Certified", "acceptanceNote"));
        SHOWN_ONLY_FOR.put(
                "accept-work",
                Map.of(
                        "section34Certified",
                        "acceptanceDecision=ACCEPT",
                        "acceptanceNote",
                        "acceptanceDecision=REQUEST_CHANGES"));
        REQUIRED.put("resolve-payment", Set.of("paymentResolution", "paymentMethod", "manualPaymentReference"));
        OPTIONAL.put("resolve-payment", Set.of("paymentNote"));
        SHOWN_ONLY_FOR.put(
                "resolve-payment",
                Map.of(
                        "paymentMethod",
                        "paymentResolution=RETRY",
                        "manualPaymentReference",
                        "paymentResolution=RECORD_MANUAL"));
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void requiredFieldsAreRequiredAndOptionalOnesAreNot(String formId) throws IOException {
        Map<String, Field> fields = fields(load(formId));
        for (String key : REQUIRED.getOrDefault(formId, Set.of())) {
            assertThat(fields.get(key)).as(formId + " has " + key).isNotNull();
            assertThat(fields.get(key).required())
                    .as(key + " is required in " + formId)
                    .isTrue();
        }
        for (String key : OPTIONAL.getOrDefault(formId, Set.of())) {
            assertThat(fields.get(key).required())
                    .as(key + " is optional in " + formId)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void decisionDependentFieldsAreShownOnlyForTheirChoiceAndSaySoInTheirHelp(String formId) throws IOException {
        Map<String, Field> fields = fields(load(formId));
        Map<String, String> shownOnlyFor = SHOWN_ONLY_FOR.getOrDefault(formId, Map.of());
        for (Field field : fields.values()) {
            String condition = shownOnlyFor.get(field.fullKey());
            if (condition == null) {
                assertThat(field.conditional())
                        .as(field.fullKey() + " is always shown in " + formId)
                        .isFalse();
                continue;
            }
            String[] choice = condition.split("=");
            assertThat(field.hideWhen())
                    .as("hide condition of " + field.fullKey())
                    .isEqualTo("=" + choice[0] + " != \"" + choice[1] + "\"");
            JsonNode choiceField = fields.get(choice[0]).node();
            assertThat(choiceField.findValuesAsText("value"))
                    .as("options of " + choice[0])
                    .contains(choice[1]);
            // form-js does not check hidden fields: the help text says when the field is required.
            assertThat(field.node().path("description").asText())
                    .as("help of " + field.fullKey())
                    .contains("Shown and required when");
        }
    }

    @Test
    void checkboxesThatMustBeTickedAreRequired() throws IOException {
        // In form-js a required checkbox must be ticked.
        assertThat(fields(load("withdraw-request")).get("withdrawConfirmed").required())
                .isTrue();
        assertThat(fields(load("evaluate-proposals"))
                        .get("conflictOfInterestDeclared")
                        .required())
                .isTrue();
        assertThat(fields(load("review-ineligibility"))
                        .get("ineligibilityAcknowledged")
                        .required())
                .isTrue();
    }

    @Test
    void requestFormHasTheAgreedDefaultsAndLimits() throws IOException {
        Map<String, Field> fields = fields(load("request-work"));

        assertThat(fields.get("remoteWork").node().path("defaultValue").asBoolean())
                .isTrue();
        assertThat(fields.get("containsPersonalInformation")
                        .node()
                        .path("defaultValue")
                        .isBoolean())
                .isTrue();
        assertThat(fields.get("containsPersonalInformation")
                        .node()
                        .path("defaultValue")
                        .asBoolean())
                .isFalse();
        assertThat(fields.get("securityClassification")
                        .node()
                        .path("defaultValue")
                        .asText())
                .isEqualTo("UNCLASSIFIED");
        assertThat(fields.get("department").node().path("defaultValue").asText())
                .isEqualTo("ESDC");
        assertThat(fields.get("license").node().path("defaultValue").asText()).isEqualTo("MIT");
        assertThat(fields.get("deliveryDays").node().path("defaultValue").asInt())
                .isEqualTo(10);
        assertThat(fields.get("testOpportunity").node().path("defaultValue").isBoolean())
                .isTrue();
        assertThat(fields.get("testOpportunity").node().path("defaultValue").asBoolean())
                .isFalse();
        assertThat(fields.get("securityClassification").node().findValuesAsText("value"))
                .containsExactly("UNCLASSIFIED", "PROTECTED_A", "PROTECTED_B", "SECRET");

        JsonNode value = fields.get("estimatedValue").node();
        assertThat(value.path("serializeToString").asBoolean()).isTrue();
        assertThat(value.path("decimalDigits").asInt()).isEqualTo(2);
        assertThat(value.path("validate").path("min").decimalValue()).isEqualByComparingTo("0.01");
        // No upper bound on the form: the pilot's limit lives in the decision tables (over it: ineligible, every
        // reason).
        assertThat(value.path("validate").has("max")).isFalse();

        JsonNode days = fields.get("deliveryDays").node();
        assertThat(days.path("decimalDigits").asInt()).isZero();
        assertThat(days.path("validate").path("min").asInt()).isEqualTo(1);
        assertThat(days.path("validate").path("max").asInt()).isEqualTo(90);

        // Work acceptance criteria come before application evaluation criteria.
        List<String> order = new ArrayList<>(fields.keySet());
        assertThat(order.indexOf("acceptanceCriteria")).isLessThan(order.indexOf("evaluationCriteria"));
    }

    @Test
    void evaluationSheetShowsEveryRowAndOnlyResultAndRationaleAreEditable() throws IOException {
        JsonNode form = load("evaluate-proposals");
        JsonNode sheet = allComponents(form.path("components")).stream()
                .filter(component -> "dynamiclist".equals(component.path("type").asText()))
                .findFirst()
                .orElseGet(() -> fail("no dynamic list"));

        assertThat(sheet.path("path").asText()).isEqualTo("evaluationSheet");
        assertThat(sheet.path("isRepeating").asBoolean()).isTrue();
        assertThat(sheet.path("allowAddRemove").asBoolean()).isFalse();
        // Rows that are collapsed away are not submitted by form-js: never collapse.
        assertThat(sheet.path("disableCollapse").asBoolean()).isTrue();

        Map<String, Field> fields = fields(form);
        for (String key : List.of("proposalId", "proposalLabel", "criterionId", "criterionText", "statement")) {
            assertThat(fields.get("evaluationSheet." + key)
                            .node()
                            .path("readonly")
                            .asBoolean())
                    .as(key)
                    .isTrue();
        }
        JsonNode result = fields.get("evaluationSheet.result").node();
        assertThat(result.path("type").asText()).isEqualTo("radio");
        assertThat(result.findValuesAsText("value")).containsExactly("PASS", "FAIL");
        JsonNode rationale = fields.get("evaluationSheet.rationale").node();
        assertThat(rationale.path("type").asText()).isEqualTo("textarea");
        assertThat(rationale.path("validate").path("minLength").asInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("formIds")
    void choicesOfferTheAgreedValues(String formId) throws IOException {
        Map<String, List<String>> agreed = Map.ofEntries(
                Map.entry("capacityAttestation", List.of("CAPACITY_UNAVAILABLE", "CAPACITY_EXISTS")),
                Map.entry("fundsDecision", List.of("COMMITTED", "NOT_AVAILABLE")),
                Map.entry("splittingDecision", List.of("APPROVE", "REJECT")),
                Map.entry("noProposalsDecision", List.of("REPOST", "CANCEL")),
                Map.entry("lateDeliveryDecision", List.of("EXTEND", "TERMINATE")),
                Map.entry("qaDecision", List.of("APPROVE", "REQUEST_CHANGES")),
                Map.entry("acceptanceDecision", List.of("ACCEPT", "REQUEST_CHANGES")),
                Map.entry("paymentResolution", List.of("RETRY", "RECORD_MANUAL")));
        for (Field field : fields(load(formId)).values()) {
            List<String> values = agreed.get(field.fullKey());
            if (values != null) {
                assertThat(field.node().findValuesAsText("value"))
                        .as(field.fullKey())
                        .containsExactlyElementsOf(values);
            }
        }
    }
}
