package ca.gc.microacquisition.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What one user task accepts from the person completing it: the keys of its deployed Camunda Form (nothing else
 * may be written by a client) and the server-side checks and recording run when it completes
 * ({@link TaskSubmissionListener}). Declared per task in {@link TaskContracts}; {@code FormContractsTest} checks
 * that the keys are exactly the input keys of the form the BPMN names.
 */
public final class TaskContract {

    /** The server-side part of a contract: checks the submitted values and records what must be recorded. */
    @FunctionalInterface
    interface Completion {
        void complete(DelegateTask task, FormChecks problems, String actor);
    }

    private final String taskKey;
    private final String formId;
    private final Set<String> fields;
    private final Completion completion;

    TaskContract(String taskKey, String formId, Set<String> fields, Completion completion) {
        this.taskKey = taskKey;
        this.formId = formId;
        this.fields = Set.copyOf(fields);
        this.completion = completion;
    }

    /** The BPMN id of the user task (or of the start event, for the start form). */
    public String taskKey() {
        return taskKey;
    }

    /** The id of the Camunda Form the task shows. */
    public String formId() {
        return formId;
    }

    /** The variables a client may submit: the form's field keys. */
    public Set<String> fields() {
        return fields;
    }

    void complete(DelegateTask task, FormChecks problems, String actor) {
        completion.complete(task, problems, actor);
    }
}
