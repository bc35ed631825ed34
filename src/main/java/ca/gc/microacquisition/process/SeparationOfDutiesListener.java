package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The manager who attests capacity and commits funds must not be the requester: refused on claim/assignment
 * and on completion.
 */
@Component("separationOfDutiesListener")
class SeparationOfDutiesListener implements TaskListener {

    static final String MESSAGE = "You submitted this request, so another manager must attest capacity and commit the funds.";

    private final IdentityService identityService;

    SeparationOfDutiesListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String requester = Vars.string(task, "requester");
        if (requester == null) {
            return;
        }
        String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName())
                ? task.getAssignee()
                : Vars.actor(identityService, task.getAssignee());
        if (requester.equals(actor)) {
            throw new BadUserRequestException(MESSAGE);
        }
    }
}
