package ca.gc.microacquisition.process;

import ca.gc.microacquisition.proposal.EvaluationService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Prepares the evaluators' sheet: one row per proposal and mandatory criterion, with the supplier's statement
 * and no supplier identity. The filled sheet goes to the domain when the task is completed, and is then removed
 * from the process (the history keeps it).
 */
@Component("evaluationSheetListener")
class EvaluationSheetListener implements TaskListener {

    static final String SHEET = "evaluationSheet";

    private final EvaluationService proposals;
    private final ObjectMapper json;

    EvaluationSheetListener(EvaluationService proposals, ObjectMapper json) {
        this.proposals = proposals;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var row : proposals.evaluationSheet(Vars.uuid(task, Vars.OPPORTUNITY_ID))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("proposalId", row.proposalId().toString());
            item.put("proposalLabel", row.proposalLabel());
            item.put("criterionId", row.criterionId());
            item.put("criterionText", row.criterionText());
            item.put("statement", row.statement());
            item.put("result", null);
            item.put("rationale", null);
            rows.add(item);
        }
        try {
            task.getExecution()
                    .setVariable(
                            SHEET,
                            SpinValues.jsonValue(json.writeValueAsString(rows)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not prepare the evaluation sheet", e);
        }
    }
}
