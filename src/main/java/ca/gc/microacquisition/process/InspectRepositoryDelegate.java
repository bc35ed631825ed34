package ca.gc.microacquisition.process;

import ca.gc.microacquisition.opportunity.RepositoryCheckService;
import ca.gc.microacquisition.splitting.GuardrailPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers the Eligibility inputs the request does not carry, just before the table runs: whether the request's
 * repository is open to the public (asked of the repository host), and the micro-acquisition limit in force
 * ({@code threshold}, read from the latest {@code SplittingPolicy} decision, so a limit CFOB changes applies to the
 * next request and the value used stays in the decision history).
 */
@Component("inspectRepositoryDelegate")
class InspectRepositoryDelegate implements JavaDelegate {

    private final RepositoryCheckService repositoryCheck;
    private final GuardrailPolicy policy;

    InspectRepositoryDelegate(RepositoryCheckService repositoryCheck, GuardrailPolicy policy) {
        this.repositoryCheck = repositoryCheck;
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(
                "repositoryOpen", repositoryCheck.isOpenRepository(Vars.string(execution, "repositoryUrl")));
        execution.setVariable("threshold", policy.current().threshold());
    }
}
