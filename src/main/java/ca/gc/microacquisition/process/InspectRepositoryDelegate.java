package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ca.gc.microacquisition.opportunity.RepositoryCheckService;

/** Asks the repository host whether the request's repository is open to the public (an Eligibility input). */
@Component("inspectRepositoryDelegate")
class InspectRepositoryDelegate implements JavaDelegate {

    private final RepositoryCheckService repositoryCheck;

    InspectRepositoryDelegate(RepositoryCheckService repositoryCheck) {
        this.repositoryCheck = repositoryCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("repositoryOpen", repositoryCheck.isOpenRepository(Vars.string(execution, "repositoryUrl")));
    }
}
