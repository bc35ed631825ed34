package ca.gc.microacquisition.process;

import ca.gc.microacquisition.opportunity.OpportunityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the opportunity again with the new deadline the requester chose. */
@Component("repostOpportunityDelegate")
class RepostOpportunityDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    RepostOpportunityDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var id = Vars.uuid(execution, Vars.OPPORTUNITY_ID);
        opportunities.repost(id, Vars.dateTimeValue(execution, "newProposalDeadline"));
        execution.setVariable(
                "proposalDeadline", Vars.date(opportunities.get(id).getProposalDeadline()));
    }
}
