package ca.gc.microacquisition.process;

import ca.gc.microacquisition.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the supplier more time: the new due date the requester chose. */
@Component("extendDueDateDelegate")
class ExtendDueDateDelegate implements JavaDelegate {

    private final ContractService contracts;

    ExtendDueDateDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var contract =
                contracts.extend(Vars.uuid(execution, "contractId"), Vars.dateTimeValue(execution, "newDueDate"));
        execution.setVariable("dueDate", Vars.date(contract.getDueDate()));
    }
}
