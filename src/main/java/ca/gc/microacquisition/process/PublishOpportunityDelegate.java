package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ca.gc.microacquisition.procurement.OpportunityLifecycle;

/** Posts the opportunity on the public site (and its feed, and as an issue in its repository where switched on). */
@Component("publishOpportunityDelegate")
class PublishOpportunityDelegate implements JavaDelegate {

    private final OpportunityLifecycle opportunities;

    PublishOpportunityDelegate(OpportunityLifecycle opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opportunities.publish(Vars.uuid(execution, "opportunityId"));
    }
}
