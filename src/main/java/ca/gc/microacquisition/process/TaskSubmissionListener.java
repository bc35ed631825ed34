package ca.gc.microacquisition.process;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.payment.FundsCommitments;
import ca.gc.microacquisition.proposal.EvaluationEntry;
import ca.gc.microacquisition.proposal.ProposalService;

/**
 * Checks on the server what every task form submits (Camunda Forms validate in the browser only; the REST API
 * accepts anything). A refusal lists each problem, and the task stays open with nothing changed.
 * The evaluators' results, the answers to questions and the funds commitment (with the card, which the process
 * does not keep) are recorded in the domain here, in the same transaction as the task completion.
 */
@Component("taskSubmissionListener")
class TaskSubmissionListener implements TaskListener {

    private final IdentityService identityService;
    private final ProposalService proposals;
    private final OpportunityService opportunities;
    private final FundsCommitments funds;
    private final ObjectMapper json;
    private final Clock clock;

    TaskSubmissionListener(IdentityService identityService, ProposalService proposals, OpportunityService opportunities,
                           FundsCommitments funds, ObjectMapper json, Clock clock) {
        this.funds = funds;
        this.identityService = identityService;
        this.proposals = proposals;
        this.opportunities = opportunities;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Problems problems = new Problems();
        String actor = Vars.actor(identityService, task.getAssignee());
        switch (task.getTaskDefinitionKey()) {
            case "ReviewIneligibility" -> problems.mustBeTrue(task, "ineligibilityAcknowledged",
                    "Confirm that you have read the reasons.");
            case "WithdrawRequest" -> {
                problems.mustBeTrue(task, "withdrawConfirmed", "Confirm that you want to withdraw this request.");
                problems.text(task, "withdrawReason", 10, "Give the reason for withdrawing (at least 10 characters).");
            }
            case "AttestCapacity" -> {
                problems.oneOf(task, "capacityAttestation", Set.of("CAPACITY_UNAVAILABLE", "CAPACITY_EXISTS"),
                        "Choose whether the capacity exists in-house.");
                problems.text(task, "capacityRationale", 20, "Explain how you checked in-house capacity (at least 20 characters).");
            }
            case "CommitFunds" -> {
                problems.oneOf(task, "fundsDecision", Set.of("COMMITTED", "NOT_AVAILABLE"), "Choose whether the funds are committed.");
                if ("COMMITTED".equals(task.getVariable("fundsDecision"))) {
                    problems.mustBeTrue(task, "section32Certified", "Certify the funds commitment (FAA section 32).");
                    problems.text(task, "financialCoding", 3, "Give the financial coding the funds are committed against.");
                    problems.text(task, "paymentMethod", 4, "Give the card processor's token for the acquisition card that will pay the supplier (pm_…, card_… or src_…; never the card number).");
                    problems.throwIfAny();
                    Submissions.refuseInvalid(() -> funds.commit(Vars.uuid(task, "opportunityId"),
                            Vars.string(task, "financialCoding"), Vars.string(task, "paymentMethod"), actor));
                }
                task.getExecution().removeVariable("paymentMethod");
            }
            case "ReviewSplittingReferral", "ReviewSupplierSplittingReferral" -> {
                problems.oneOf(task, "splittingDecision", Set.of("APPROVE", "REJECT"), "Choose approve or reject.");
                problems.text(task, "splittingRationale", 10, "Give the rationale for your decision (at least 10 characters).");
            }
            case "DecideOnNoProposals" -> {
                problems.oneOf(task, "noProposalsDecision", Set.of("REPOST", "CANCEL"), "Choose repost or cancel.");
                if ("REPOST".equals(task.getVariable("noProposalsDecision"))) {
                    problems.future(task, "newProposalDeadline", clock, "Give a new proposal deadline in the future.");
                }
            }
            case "EvaluateProposals" -> {
                problems.mustBeTrue(task, "conflictOfInterestDeclared",
                        "Declare that you have no conflict of interest with any proponent.");
                problems.throwIfAny();
                recordEvaluation(task, actor);
            }
            case "AnswerQuestions" -> {
                problems.text(task, "answer", 10, "Write the public answer (at least 10 characters).");
                problems.throwIfAny();
                Submissions.refuseInvalid(() -> opportunities.answerQuestion(Vars.uuid(task, "questionId"),
                        Vars.string(task, "answer").strip(), actor));
                task.getExecution().removeVariable("answer");
            }
            case "HandleLateDelivery" -> {
                problems.oneOf(task, "lateDeliveryDecision", Set.of("EXTEND", "TERMINATE"), "Choose extend or terminate.");
                if ("EXTEND".equals(task.getVariable("lateDeliveryDecision"))) {
                    problems.future(task, "newDueDate", clock, "Give a new due date in the future.");
                } else {
                    problems.text(task, "lateDeliveryNote", 10, "Explain the termination for the supplier (at least 10 characters).");
                }
            }
            case "ReviewQaFindings" -> {
                problems.oneOf(task, "qaDecision", Set.of("APPROVE", "REQUEST_CHANGES"), "Choose approve or request changes.");
                problems.text(task, "qaReviewNote", 10, "Write your review for the record and the supplier (at least 10 characters).");
            }
            case "AcceptWork" -> {
                problems.oneOf(task, "acceptanceDecision", Set.of("ACCEPT", "REQUEST_CHANGES"), "Choose accept or request changes.");
                if ("ACCEPT".equals(task.getVariable("acceptanceDecision"))) {
                    problems.mustBeTrue(task, "section34Certified", "Certify that the work was received as agreed (FAA section 34).");
                    task.setVariable("acceptedBy", actor);
                } else {
                    problems.text(task, "acceptanceNote", 10, "Tell the supplier what must change (at least 10 characters).");
                }
            }
            case "ResolvePayment" -> {
                problems.oneOf(task, "paymentResolution", Set.of("RETRY", "RECORD_MANUAL"), "Choose how the payment is resolved.");
                if ("RETRY".equals(task.getVariable("paymentResolution"))) {
                    problems.text(task, "paymentMethod", 4, "Give the card processor's token for the card to charge (pm_…, card_… or src_…; never the card number).");
                    problems.throwIfAny();
                    Submissions.refuseInvalid(() -> funds.changeCard(Vars.uuid(task, "opportunityId"),
                            Vars.string(task, "paymentMethod"), actor));
                    task.getExecution().removeVariable("paymentMethod");
                } else {
                    problems.text(task, "manualPaymentReference", 3, "Give the reference of the payment made another way.");
                }
                task.setVariable("resolvedBy", actor);
            }
            default -> {
                // tasks without submitted data
            }
        }
        problems.throwIfAny();
    }

    private void recordEvaluation(DelegateTask task, String evaluator) {
        List<Map<String, Object>> rows = sheet(task.getVariable(EvaluationSheetListener.SHEET));
        List<EvaluationEntry> entries = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object proposalId = row.get("proposalId");
            UUID id;
            try {
                id = proposalId == null ? null : UUID.fromString(proposalId.toString());
            } catch (IllegalArgumentException e) {
                throw new BadUserRequestException("The evaluation sheet names an unknown proposal: " + proposalId);
            }
            entries.add(new EvaluationEntry(id, str(row.get("criterionId")), str(row.get("result")), str(row.get("rationale"))));
        }
        var result = Submissions.refuseInvalid(() ->
                proposals.recordEvaluation(Vars.uuid(task, "opportunityId"), entries, evaluator));
        task.getExecution().setVariable("passingCount", result.passingCount());
        task.getExecution().removeVariable(EvaluationSheetListener.SHEET);
    }

    private List<Map<String, Object>> sheet(Object value) {
        try {
            if (value instanceof SpinJsonNode node) {
                return json.readValue(node.toString(), new TypeReference<>() { });
            }
            if (value instanceof String text) {
                return json.readValue(text, new TypeReference<>() { });
            }
            if (value instanceof Collection<?>) {
                return json.convertValue(value, new TypeReference<>() { });
            }
        } catch (Exception e) {
            throw new BadUserRequestException("The evaluation sheet could not be read: " + e.getMessage());
        }
        throw new BadUserRequestException("The evaluation sheet is missing: give a result and a rationale for every criterion.");
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    /** Collects every problem of one submission, to refuse it with all of them at once. */
    private static final class Problems {
        private final List<String> messages = new ArrayList<>();

        void mustBeTrue(DelegateTask task, String name, String message) {
            if (!Boolean.TRUE.equals(Flags.bool(task.getVariable(name)))) {
                messages.add(message);
            }
        }

        void text(DelegateTask task, String name, int minLength, String message) {
            Object value = task.getVariable(name);
            if (value == null || value.toString().strip().length() < minLength) {
                messages.add(message);
            } else if (value.toString().length() > 4000) {
                messages.add(name + ": at most 4,000 characters.");
            }
        }

        void oneOf(DelegateTask task, String name, Set<String> allowed, String message) {
            Object value = task.getVariable(name);
            if (value == null || !allowed.contains(value.toString())) {
                messages.add(message);
            }
        }

        void future(DelegateTask task, String name, Clock clock, String message) {
            Object value = task.getVariable(name);
            OffsetDateTime time = null;
            try {
                if (value instanceof Date date) {
                    time = OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
                } else if (value != null) {
                    time = DateTimes.parse(value.toString());
                }
            } catch (DateTimeParseException e) {
                messages.add(message + " (" + value + " is not a date and time)");
                return;
            }
            if (time == null || !time.isAfter(OffsetDateTime.now(clock))) {
                messages.add(message);
            }
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new BadUserRequestException("Please correct the form: " + String.join(" ", messages));
            }
        }
    }
}
