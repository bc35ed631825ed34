package ca.gc.microacquisition.process;

import ca.gc.microacquisition.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Terminates the contract for non-delivery. */
@Component("terminateContractDelegate")
class TerminateContractDelegate implements JavaDelegate {

    private final ContractService contracts;

    TerminateContractDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String note = Vars.string(execution, "lateDeliveryNote");
        contracts.terminate(
                Vars.uuid(execution, "contractId"),
                note == null || note.isBlank() ? CloseReasons.describe("NOT_DELIVERED") : note);
    }
}
