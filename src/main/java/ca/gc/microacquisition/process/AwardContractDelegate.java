package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ca.gc.microacquisition.procurement.OpportunityLifecycle;

/** Awards the contract to the selected proposal; the others get their debrief. */
@Component("awardContractDelegate")
class AwardContractDelegate implements JavaDelegate {

    private final OpportunityLifecycle contracts;

    AwardContractDelegate(OpportunityLifecycle contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var contract = contracts.award(Vars.uuid(execution, "opportunityId"), Vars.uuid(execution, "selectedProposalId"));
        execution.setVariable("contractId", contract.getId().toString());
        execution.setVariable("dueDate", Vars.date(contract.getDueDate()));
    }
}
