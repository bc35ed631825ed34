package ca.gc.microacquisition.process;

import ca.gc.microacquisition.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the requester's acceptance and FAA section 34 certification. */
@Component("recordAcceptanceDelegate")
class RecordAcceptanceDelegate implements JavaDelegate {

    private final ContractService contracts;

    RecordAcceptanceDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String acceptedBy = Vars.string(execution, "acceptedBy");
        contracts.accept(
                Vars.uuid(execution, "contractId"),
                acceptedBy != null ? acceptedBy : Vars.string(execution, "requester"));
    }
}
