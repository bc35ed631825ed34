package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ca.gc.microacquisition.opportunity.OpportunityService;

/** Posts the opportunity on the public site (and its feed) until the proposal deadline. */
@Component("publishOpportunityDelegate")
class PublishOpportunityDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    PublishOpportunityDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opportunities.publish(Vars.uuid(execution, "opportunityId"));
    }
}
