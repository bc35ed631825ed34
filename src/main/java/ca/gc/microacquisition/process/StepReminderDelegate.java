package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Assignee reminded": the step's follow-up date came and its task is still open (non-interrupting). */
@Component("stepReminderDelegate")
class StepReminderDelegate implements JavaDelegate {

    private final StepFollowUps followUps;

    StepReminderDelegate(StepFollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUps.remind(execution);
    }
}
