package ca.gc.microacquisition.process;

import ca.gc.microacquisition.payee.PayeeService;
import ca.gc.microacquisition.proposal.ProposalService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Awards the contract to the selected proposal; the others get their debrief. A supplier who cannot be paid (no
 * ready payout account, no PayPal address; the connected account is read again from the processor first) is not
 * awarded: the supplier is told and the BPMN error {@code PAYEE_NOT_READY} passes the proposal over, so the next
 * passing proposal is taken.
 */
@Component("awardContractDelegate")
class AwardContractDelegate implements JavaDelegate {

    static final String PAYEE_NOT_READY = "PAYEE_NOT_READY";

    private final OpportunityLifecycle contracts;
    private final ProposalService proposals;
    private final PayeeService payees;

    AwardContractDelegate(OpportunityLifecycle contracts, ProposalService proposals, PayeeService payees) {
        this.contracts = contracts;
        this.proposals = proposals;
        this.payees = payees;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var selected = Vars.uuid(execution, "selectedProposalId");
        var supplierId = proposals.get(selected).getSupplierId();
        if (!payees.readyForAward(supplierId)) {
            payees.notifyPassedOver(supplierId, execution.getProcessBusinessKey());
            throw new BpmnError(PAYEE_NOT_READY, "The selected supplier cannot be paid: no ready payout account.");
        }
        var contract = contracts.award(Vars.uuid(execution, Vars.OPPORTUNITY_ID), selected);
        execution.setVariable("contractId", contract.getId().toString());
        execution.setVariable("dueDate", Vars.date(contract.getDueDate()));
    }
}
