package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No passing proposal is left to offer the work to: the opportunity closes without a completed contract. */
@Component("closeWithoutSupplierDelegate")
class CloseWithoutSupplierDelegate implements JavaDelegate {

    private final OpportunityLifecycle opportunities;

    CloseWithoutSupplierDelegate(OpportunityLifecycle opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opportunities.closeWithoutSupplier(
                Vars.uuid(execution, Vars.OPPORTUNITY_ID),
                "No passing proposal is left to offer the work to. "
                        + CloseReasons.describe(Vars.string(execution, "skipReason")));
    }
}
