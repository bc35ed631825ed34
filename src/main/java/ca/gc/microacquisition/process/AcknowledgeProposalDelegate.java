package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ca.gc.microacquisition.proposal.ProposalService;

/** Tells the supplier its proposal was received, and counts it. */
@Component("acknowledgeProposalDelegate")
class AcknowledgeProposalDelegate implements JavaDelegate {

    private final ProposalService proposals;

    AcknowledgeProposalDelegate(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.acknowledge(Vars.uuid(execution, "proposalId"));
        Object count = execution.getVariable("proposalsReceived");
        execution.setVariable("proposalsReceived", count instanceof Number n ? n.intValue() + 1 : 1);
        execution.removeVariable("proposalId");
    }
}
