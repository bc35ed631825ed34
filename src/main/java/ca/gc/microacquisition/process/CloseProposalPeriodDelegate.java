package ca.gc.microacquisition.process;

import ca.gc.microacquisition.opportunity.OpportunityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At the deadline: no more proposals; how many arrived decides the next step. */
@Component("closeProposalPeriodDelegate")
class CloseProposalPeriodDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    CloseProposalPeriodDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var result = opportunities.closeProposals(Vars.uuid(execution, Vars.OPPORTUNITY_ID));
        execution.setVariable("proposalCount", result.proposalCount());
        execution.setVariable("passingCount", 0);
    }
}
