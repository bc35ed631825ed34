package ca.gc.microacquisition.process;

import ca.gc.microacquisition.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Paid: the contract closes and the opportunity shows as completed. */
@Component("closeOutDelegate")
class CloseOutDelegate implements JavaDelegate {

    private final ContractService contracts;

    CloseOutDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contracts.close(Vars.uuid(execution, "contractId"));
    }
}
