package ca.gc.microacquisition.process;

import ca.gc.microacquisition.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the delivered pull/merge request and its code scanning through the repository host: the QaGate inputs. */
@Component("inspectDeliveryDelegate")
class InspectDeliveryDelegate implements JavaDelegate {

    private final ContractService contracts;

    InspectDeliveryDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var qa = contracts.inspectDelivery(Vars.uuid(execution, "deliveryId"));
        execution.setVariable("pullRequestUrl", qa.pullRequestUrl());
        execution.setVariable("changeRequestState", qa.changeRequestState());
        execution.setVariable("checksOutcome", qa.checksOutcome());
        execution.setVariable("licenceFilePresent", qa.licenceFilePresent());
        execution.setVariable("licenceMatches", qa.licenceMatches());
        execution.setVariable("scanningAvailable", qa.scanningAvailable());
        execution.setVariable("criticalFindings", qa.criticalFindings());
        execution.setVariable("highFindings", qa.highFindings());
        execution.setVariable("mediumFindings", qa.mediumFindings());
        execution.setVariable("lowFindings", qa.lowFindings());
        execution.setVariable("secretsFound", qa.secretsFound());
    }
}
