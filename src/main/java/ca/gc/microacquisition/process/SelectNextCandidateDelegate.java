package ca.gc.microacquisition.process;

import ca.gc.microacquisition.proposal.EvaluationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Skips the current supplier (not delivered, or stopped by the splitting guardrail) and offers the next in draw order. */
@Component("selectNextCandidateDelegate")
class SelectNextCandidateDelegate implements JavaDelegate {

    private final EvaluationService proposals;

    SelectNextCandidateDelegate(EvaluationService proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var next = proposals.nextCandidate(
                Vars.uuid(execution, Vars.OPPORTUNITY_ID),
                Vars.uuid(execution, "selectedProposalId"),
                CloseReasons.describe(Vars.string(execution, "skipReason")));
        execution.setVariable("nextCandidateAvailable", next.isPresent());
        next.ifPresent(id -> execution.setVariable("selectedProposalId", id.toString()));
    }
}
