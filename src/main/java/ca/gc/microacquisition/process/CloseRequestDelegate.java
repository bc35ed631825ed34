package ca.gc.microacquisition.process;

import ca.gc.microacquisition.opportunity.OpportunityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes a request that will not be posted (capacity exists, funds not committed, splitting blocked or rejected). */
@Component("closeRequestDelegate")
class CloseRequestDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    CloseRequestDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = CloseReasons.describe(Vars.string(execution, "closeReason"));
        opportunities.cancel(Vars.uuid(execution, Vars.OPPORTUNITY_ID), reason, "system");
    }
}
