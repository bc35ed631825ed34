package ca.gc.microacquisition.process;

import ca.gc.microacquisition.proposal.EvaluationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Draws the winner at random among the passing proposals; the seed is recorded so the draw can be reproduced. */
@Component("drawWinnerDelegate")
class DrawWinnerDelegate implements JavaDelegate {

    private final EvaluationService proposals;

    DrawWinnerDelegate(EvaluationService proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var draw = proposals.drawWinner(Vars.uuid(execution, Vars.OPPORTUNITY_ID));
        execution.setVariable("drawSeed", Long.toString(draw.seed()));
        var selected = draw.selectedProposalId()
                .orElseThrow(() -> new IllegalStateException("A draw was made with no passing proposal"));
        execution.setVariable("selectedProposalId", selected.toString());
    }
}
