package ca.gc.microacquisition.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After the ContractSplitting table: the highest risk (BLOCK > REVIEW > NONE) and every reason. */
@Component("splittingResultListener")
class SplittingResultListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        List<Map<String, Object>> rows = DecisionRows.rows(execution.getVariable("splittingFindings"));
        execution.setVariable("splittingRisk", DecisionRows.highest(rows, "risk", "NONE", List.of("REVIEW", "BLOCK")));
        execution.setVariable("splittingReasons", DecisionRows.reasons(rows));
        execution.removeVariable("splittingFindings");
    }
}
