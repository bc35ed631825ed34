package ca.gc.microacquisition.process;

import ca.gc.microacquisition.payee.PayeeService;
import ca.gc.microacquisition.proposal.ProposalService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the supplier its proposal was received, and counts it. A supplier who cannot be paid yet is told to set
 * up how they get paid before the award.
 */
@Component("acknowledgeProposalDelegate")
class AcknowledgeProposalDelegate implements JavaDelegate {

    private final ProposalService proposals;
    private final PayeeService payees;

    AcknowledgeProposalDelegate(ProposalService proposals, PayeeService payees) {
        this.proposals = proposals;
        this.payees = payees;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var proposalId = Vars.uuid(execution, "proposalId");
        proposals.acknowledge(proposalId);
        payees.remindIfNotReady(proposals.get(proposalId).getSupplierId(), execution.getProcessBusinessKey());
        Object count = execution.getVariable("proposalsReceived");
        execution.setVariable("proposalsReceived", count instanceof Number n ? n.intValue() + 1 : 1);
        execution.removeVariable("proposalId");
    }
}
