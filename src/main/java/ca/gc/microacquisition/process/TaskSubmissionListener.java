package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Runs the completing task's {@link TaskContract} (looked up by task key in {@link TaskContracts}): the server-side
 * checks of what the form submitted and the recording in the domain, in the same transaction as the completion.
 * A task without a contract fails loudly. What a client may submit at all is enforced before the command runs,
 * by {@code enginesurface.ClientCallGuard}.
 */
@Component("taskSubmissionListener")
class TaskSubmissionListener implements TaskListener {

    private final IdentityService identityService;
    private final TaskContracts contracts;

    TaskSubmissionListener(IdentityService identityService, TaskContracts contracts) {
        this.identityService = identityService;
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskContract contract = contracts.forTask(task.getTaskDefinitionKey());
        FormChecks problems = new FormChecks();
        contract.complete(task, problems, Vars.actor(identityService, task.getAssignee()));
        problems.throwIfAny();
    }
}
