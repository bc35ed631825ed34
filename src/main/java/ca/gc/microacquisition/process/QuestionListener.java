package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import ca.gc.microacquisition.opportunity.OpportunityService;

/** Shows the requester the supplier's question (the text stays in the domain; the task only displays it). */
@Component("questionListener")
class QuestionListener implements TaskListener {

    private final OpportunityService opportunities;

    QuestionListener(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void notify(DelegateTask task) {
        // Each task keeps its own question: a later question's message may set questionId again on the shared scope.
        var question = opportunities.getQuestion(Vars.uuid(task, "questionId"));
        task.setVariableLocal("questionId", question.getId().toString());
        task.setVariableLocal("questionText", question.getQuestion());
    }
}
