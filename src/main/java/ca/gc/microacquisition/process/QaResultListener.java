package ca.gc.microacquisition.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After the QaGate table: the worst outcome (FAIL > REVIEW > PASS) and every reason. */
@Component("qaResultListener")
class QaResultListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        List<Map<String, Object>> rows = DecisionRows.rows(execution.getVariable("qaFindings"));
        execution.setVariable("qaOutcome", DecisionRows.highest(rows, "outcome", "PASS", List.of("REVIEW", "FAIL")));
        execution.setVariable("qaReasons", DecisionRows.reasons(rows));
        execution.removeVariable("qaFindings");
    }
}
