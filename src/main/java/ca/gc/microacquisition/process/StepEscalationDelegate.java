package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Escalated": the step's due date passed and its task is still open (non-interrupting). */
@Component("stepEscalationDelegate")
class StepEscalationDelegate implements JavaDelegate {

    private final StepFollowUps followUps;

    StepEscalationDelegate(StepFollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUps.escalate(execution);
    }
}
