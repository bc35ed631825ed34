package ca.gc.microacquisition.process;

import ca.gc.microacquisition.splitting.SplittingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gathers the team's and repository's recent history for the ContractSplitting table (request view). */
@Component("requestSplittingInputsDelegate")
class RequestSplittingInputsDelegate implements JavaDelegate {

    private final SplittingService splitting;

    RequestSplittingInputsDelegate(SplittingService splitting) {
        this.splitting = splitting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(
                splitting.requestView(Vars.uuid(execution, Vars.OPPORTUNITY_ID)).asMap());
        execution.setVariable("splittingScope", "REQUEST");
    }
}
