package ca.gc.microacquisition.opportunity;

import static ca.gc.microacquisition.common.Times.utcNow;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.common.Problems;
import ca.gc.microacquisition.procurement.ProcurementEvents;
import ca.gc.microacquisition.supplier.SupplierNotices;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suppliers' questions about an open opportunity: asked until the proposal deadline (the running procurement is
 * told, and the requester gets a task), private until answered publicly, or closed without an answer with the
 * reason sent to the asker.
 */
@Service
@Transactional
public class QuestionService {

    private final QuestionRepository questions;
    private final OpportunityService opportunities;
    private final SupplierNotices notices;
    private final ProcurementEvents procurementEvents;
    private final Clock clock;

    QuestionService(
            QuestionRepository questions,
            OpportunityService opportunities,
            SupplierNotices notices,
            ProcurementEvents procurementEvents,
            Clock clock) {
        this.questions = questions;
        this.opportunities = opportunities;
        this.notices = notices;
        this.procurementEvents = procurementEvents;
        this.clock = clock;
    }

    /** Answered questions, shown to everyone. */
    @Transactional(readOnly = true)
    public List<Question> publicQuestions(UUID opportunityId) {
        return questions.findByOpportunityIdAndAnswerIsNotNullOrderByAskedAt(opportunityId);
    }

    @Transactional(readOnly = true)
    public List<Question> questions(UUID opportunityId) {
        return questions.findByOpportunityIdOrderByAskedAt(opportunityId);
    }

    /** A registered supplier asks a question while the opportunity is open; it stays private until answered. */
    public Question askQuestion(String ref, UUID supplierId, String question) {
        Problems p = new Problems("The question");
        String text = p.text("question", question, 10, 2000);
        p.throwIfAny();
        Opportunity o = opportunities.getPublic(ref);
        OffsetDateTime now = now();
        if (o.getStatus() != OpportunityStatus.OPEN || !now.isBefore(o.getProposalDeadline())) {
            throw new ConflictException("Opportunity " + o.getReference()
                    + " is not open for questions any more (questions are accepted until the proposal deadline).");
        }
        Question saved = questions.save(new Question(o, text, supplierId, now));
        procurementEvents.questionAsked(o.getReference(), saved.getId(), "supplier:" + supplierId);
        return saved;
    }

    @Transactional(readOnly = true)
    public Question getQuestion(UUID questionId) {
        return questions
                .findById(questionId)
                .orElseThrow(() -> new NotFoundException("There is no question with id " + questionId + "."));
    }

    /** Publishes an answer to a question; the asker is told. */
    public Question answerQuestion(UUID questionId, String answer, String actor) {
        Problems p = new Problems("The answer");
        String text = p.text("answer", answer, 1, 4000);
        p.throwIfAny();
        Question q = questions
                .findById(questionId)
                .orElseThrow(() -> new NotFoundException("There is no question with id " + questionId + "."));
        if (q.isClosed()) {
            throw new ConflictException("This question was closed without an answer on " + q.getClosedAt() + ".");
        }
        q.answer(text, actor, now());
        Opportunity o = q.getOpportunity();
        if (q.getAskedBy() != null) {
            notices.sendNotice(
                    q.getAskedBy(),
                    o.getReference(),
                    "QUESTION_ANSWERED",
                    "questionAnswered",
                    o.getReference(),
                    o.getTitle(),
                    q.getQuestion(),
                    text);
        }
        return q;
    }

    /**
     * Closes a question without a public answer (for example one still open when the proposal deadline passed, or
     * one not about the work). It stays private; the supplier who asked is told, with the reason.
     */
    public Question closeQuestion(UUID questionId, String reason, String actor) {
        Problems p = new Problems("The closing");
        String why = p.text("closeReason", reason, 10, 1000);
        p.throwIfAny();
        Question q = questions
                .findById(questionId)
                .orElseThrow(() -> new NotFoundException("There is no question with id " + questionId + "."));
        if (q.isAnswered()) {
            throw new ConflictException("This question was already answered publicly; it cannot be closed.");
        }
        if (q.isClosed()) {
            return q;
        }
        q.close(why, actor, now());
        Opportunity o = q.getOpportunity();
        notices.sendNotice(
                q.getAskedBy(),
                o.getReference(),
                "QUESTION_CLOSED",
                "questionClosed",
                o.getReference(),
                o.getTitle(),
                q.getQuestion(),
                why);
        return q;
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
