package ca.gc.microacquisition.process;

import ca.gc.microacquisition.contract.ContractService;
import java.util.Collection;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the delivery back to the supplier with what must change (QA gate, QA reviewer or requester). */
@Component("requestChangesDelegate")
class RequestChangesDelegate implements JavaDelegate {

    private final ContractService contracts;

    RequestChangesDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String source = Vars.string(execution, "changesSource");
        String feedback;
        String actor;
        if ("ACCEPTANCE".equals(source)) {
            feedback = Vars.string(execution, "acceptanceNote");
            actor = Vars.string(execution, "requester");
        } else if ("QA_REVIEW".equals(source)) {
            feedback = Vars.string(execution, "qaReviewNote");
            actor = "qa-reviewers";
        } else {
            feedback = "The automatic quality checks did not pass:\n- " + reasons(execution.getVariable("qaReasons"));
            actor = "system";
        }
        contracts.requestChanges(Vars.uuid(execution, "deliveryId"), feedback, actor);
    }

    private static String reasons(Object value) {
        if (value instanceof Collection<?> reasons && !reasons.isEmpty()) {
            return reasons.stream().map(String::valueOf).collect(Collectors.joining("\n- "));
        }
        return "see the findings on the pull request";
    }
}
