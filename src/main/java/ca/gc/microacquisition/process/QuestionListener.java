package ca.gc.microacquisition.process;

import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.QuestionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the requester the supplier's question (the text stays in the domain; the task only displays it). */
@Component("questionListener")
class QuestionListener implements TaskListener {

    private final OpportunityService opportunities;
    private final QuestionService questions;

    QuestionListener(OpportunityService opportunities, QuestionService questions) {
        this.opportunities = opportunities;
        this.questions = questions;
    }

    @Override
    public void notify(DelegateTask task) {
        // Each task keeps its own question: a later question's message may set questionId again on the shared scope.
        var question = questions.getQuestion(Vars.uuid(task, "questionId"));
        task.setVariableLocal("questionId", question.getId().toString());
        task.setVariableLocal("questionText", question.getQuestion());
    }
}
