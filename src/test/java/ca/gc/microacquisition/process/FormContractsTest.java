package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every user task and the start event of the process have a form and a contract, and each contract accepts
 * exactly the input keys of its deployed form: what a client may submit is what the form shows.
 */
class FormContractsTest {

    /** Display-only components: they have no key and submit nothing. */
    private static final Set<String> DISPLAY_ONLY =
            Set.of("text", "html", "image", "spacer", "separator", "button", "table", "iframe");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BpmnModelInstance model;
    private static final Map<String, Set<String>> FORM_KEYS = new HashMap<>();
    private static final TaskContracts CONTRACTS = new TaskContracts(null, null, null, JSON, Clock.systemUTC());

    @BeforeAll
    static void readModelAndForms() throws IOException {
        model = Bpmn.readModelFromFile(new File("processes/MicroProcurement.bpmn"));
        File[] forms = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
        assertThat(forms).isNotEmpty();
        for (File form : forms) {
            JsonNode schema = JSON.readTree(form);
            Set<String> keys = new TreeSet<>();
            inputKeys(schema.get("components"), keys);
            FORM_KEYS.put(schema.get("id").asText(), keys);
        }
    }

    /** The keys a form submits: every input's key; a dynamic list submits its path (its rows' keys are inside). */
    private static void inputKeys(JsonNode components, Set<String> keys) {
        if (components == null) {
            return;
        }
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (DISPLAY_ONLY.contains(type)) {
                assertThat(component.has("key"))
                        .as("display-only component " + component.path("id"))
                        .isFalse();
                continue;
            }
            if ("dynamiclist".equals(type)) {
                keys.add(component.get("path").asText());
            } else if (component.has("key")) {
                keys.add(component.get("key").asText());
            } else if (component.has("path")) {
                keys.add(component.get("path").asText());
            } else {
                inputKeys(component.get("components"), keys); // a group without a path
            }
        }
    }

    @Test
    void everyUserTaskHasAFormAndAContractWithExactlyTheFormsKeys() {
        Set<String> taskIds = new TreeSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            taskIds.add(task.getId());
            String formRef = task.getCamundaFormRef();
            assertThat(formRef).as("form of " + task.getId()).isNotBlank();
            assertThat(FORM_KEYS).as("deployed form " + formRef).containsKey(formRef);
            TaskContract contract = CONTRACTS.forTask(task.getId());
            assertThat(contract.formId())
                    .as("form of the contract of " + task.getId())
                    .isEqualTo(formRef);
            assertThat(new TreeSet<>(contract.fields()))
                    .as("fields of " + task.getId())
                    .isEqualTo(FORM_KEYS.get(formRef));
        }
        assertThat(new TreeSet<>(CONTRACTS.all().keySet()))
                .as("a contract for each user task, and no other")
                .isEqualTo(taskIds);
    }

    @Test
    void theStartEventHasTheRequestFormAndItsContractHasExactlyItsKeys() {
        StartEvent start = model.getModelElementById(TaskContracts.START_EVENT);
        assertThat(start).isNotNull();
        assertThat(start.getCamundaFormRef()).isEqualTo(TaskContracts.START_FORM);
        assertThat(new TreeSet<>(CONTRACTS.startFields("MicroProcurement")))
                .isEqualTo(FORM_KEYS.get(TaskContracts.START_FORM));
        // The other start events are inside sub-processes or triggered by messages: no form, nothing to submit.
        for (StartEvent other : model.getModelElementsByType(StartEvent.class)) {
            if (!other.getId().equals(TaskContracts.START_EVENT)) {
                assertThat(other.getCamundaFormRef()).as(other.getId()).isNull();
            }
        }
    }

    @Test
    void anUnknownTaskOrProcessFailsLoudly() {
        assertThatThrownBy(() -> CONTRACTS.forTask("NoSuchTask"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NoSuchTask");
        assertThatThrownBy(() -> CONTRACTS.startFields("OtherProcess")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void processOwnedVariablesAreOnNoForm() {
        Set<String> owned = Set.of(
                "requester",
                "opportunityId",
                "questionId",
                "contractId",
                "proposalId",
                "estimatedValue",
                "acceptedBy",
                "resolvedBy",
                "passingCount",
                "reference",
                "supplierId");
        CONTRACTS
                .all()
                .values()
                .forEach(contract ->
                        assertThat(contract.fields()).as(contract.taskKey()).doesNotContainAnyElementsOf(owned));
    }
}
