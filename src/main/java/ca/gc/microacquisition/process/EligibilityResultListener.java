package ca.gc.microacquisition.process;

import java.util.ArrayList;
import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After the Eligibility table: eligible when no reason was collected. */
@Component("eligibilityResultListener")
class EligibilityResultListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        Object result = execution.getVariable("ineligibilityReasons");
        ArrayList<String> reasons = new ArrayList<>();
        if (result instanceof Collection<?> collection) {
            collection.forEach(reason -> reasons.add(String.valueOf(reason)));
        }
        execution.setVariable("ineligibilityReasons", reasons);
        execution.setVariable("eligible", reasons.isEmpty());
    }
}
