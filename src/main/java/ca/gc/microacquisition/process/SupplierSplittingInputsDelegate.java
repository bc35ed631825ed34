package ca.gc.microacquisition.process;

import ca.gc.microacquisition.splitting.SplittingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gathers the chosen supplier's recent awards for the ContractSplitting table (supplier view). */
@Component("supplierSplittingInputsDelegate")
class SupplierSplittingInputsDelegate implements JavaDelegate {

    private final SplittingService splitting;

    SupplierSplittingInputsDelegate(SplittingService splitting) {
        this.splitting = splitting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(splitting
                .supplierView(Vars.uuid(execution, Vars.OPPORTUNITY_ID), Vars.uuid(execution, "selectedProposalId"))
                .asMap());
        execution.setVariable("splittingScope", "SUPPLIER");
    }
}
