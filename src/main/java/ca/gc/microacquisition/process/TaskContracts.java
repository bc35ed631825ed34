package ca.gc.microacquisition.process;

import ca.gc.microacquisition.identity.AccessGroups;
import ca.gc.microacquisition.opportunity.QuestionService;
import ca.gc.microacquisition.payment.FundsCommitments;
import ca.gc.microacquisition.proposal.EvaluationEntry;
import ca.gc.microacquisition.proposal.EvaluationService;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The contract of every form of the procurement, one per user task (keyed by the task's BPMN id) and one for the
 * start event: which variables a client may submit (the form's field keys, see {@link TaskContract}) and what the
 * server checks and records when the task completes (Camunda Forms validate in the browser only).
 * A refusal lists each problem, and the task stays open with nothing changed. Process-owned variables (requester,
 * reference, ids, amounts fixed at award) are on no form, so no client can write them.
 * Asking for an unknown task is a programming error and fails loudly.
 */
@Component
public class TaskContracts {

    /** The start event of {@link AccessGroups#PROCESS_KEY} and its form. */
    public static final String START_EVENT = "StartEvent_RequestSubmitted";

    public static final String START_FORM = "request-work";
    /** The start form's fields; {@link RequestIntakeListener} checks and registers them. */
    public static final Set<String> START_FIELDS = Set.of(
            "title",
            "titleFr",
            "summary",
            "summaryFr",
            "workDescription",
            "acceptanceCriteria",
            "acceptanceCriteriaFr",
            "evaluationCriteria",
            "evaluationCriteriaFr",
            "skills",
            "estimatedValue",
            "deliveryDays",
            "proposalDeadline",
            "securityClassification",
            "remoteWork",
            "containsPersonalInformation",
            "repositoryUrl",
            "license",
            "testOpportunity",
            "department",
            "team");

    private final Map<String, TaskContract> contracts = new LinkedHashMap<>();
    private final EvaluationService proposals;
    private final ObjectMapper json;

    TaskContracts(
            EvaluationService proposals,
            QuestionService questions,
            FundsCommitments funds,
            ObjectMapper json,
            Clock clock) {
        this.proposals = proposals;
        this.json = json;

        contract(
                "ReviewIneligibility",
                "review-ineligibility",
                Set.of("ineligibilityAcknowledged"),
                (task, problems, actor) -> problems.mustBeTrue(
                        task, "ineligibilityAcknowledged", "Confirm that you have read the reasons."));

        // the same withdrawal, offered until the supplier is selected and then until the contract is awarded
        for (String withdrawal : List.of("WithdrawRequest", "WithdrawBeforeAward")) {
            contract(
                    withdrawal,
                    "withdraw-request",
                    Set.of("withdrawConfirmed", "withdrawReason"),
                    (task, problems, actor) -> {
                        problems.mustBeTrue(
                                task, "withdrawConfirmed", "Confirm that you want to withdraw this request.");
                        problems.text(
                                task,
                                "withdrawReason",
                                10,
                                "Give the reason for withdrawing (at least 10 characters).");
                    });
        }

        contract(
                "AttestCapacity",
                "attest-capacity",
                Set.of("capacityAttestation", "capacityRationale"),
                (task, problems, actor) -> {
                    problems.oneOf(
                            task,
                            "capacityAttestation",
                            Set.of("CAPACITY_UNAVAILABLE", "CAPACITY_EXISTS"),
                            "Choose whether the capacity exists in-house.");
                    problems.text(
                            task,
                            "capacityRationale",
                            20,
                            "Explain how you checked in-house capacity (at least 20 characters).");
                });

        contract(
                "CommitFunds",
                "commit-funds",
                Set.of("fundsDecision", "financialCoding", "paymentMethod", "section32Certified"),
                (task, problems, actor) -> {
                    problems.oneOf(
                            task,
                            "fundsDecision",
                            Set.of("COMMITTED", "NOT_AVAILABLE"),
                            "Choose whether the funds are committed.");
                    if ("COMMITTED".equals(task.getVariable("fundsDecision"))) {
                        problems.mustBeTrue(
                                task, "section32Certified", "Certify the funds commitment (FAA section 32).");
                        problems.text(
                                task,
                                "financialCoding",
                                3,
                                "Give the financial coding the funds are committed against.");
                        problems.text(
                                task,
                                "paymentMethod",
                                4,
                                "Give the card processor's token for the acquisition card that will pay the supplier (pm_…, card_… or src_…; never the card number).");
                        problems.throwIfAny();
                        Submissions.refuseInvalid(() -> funds.commit(
                                Vars.uuid(task, Vars.OPPORTUNITY_ID),
                                Vars.string(task, "financialCoding"),
                                Vars.string(task, "paymentMethod"),
                                actor));
                    }
                    task.getExecution().removeVariable("paymentMethod");
                });

        for (String referral : List.of("ReviewSplittingReferral", "ReviewSupplierSplittingReferral")) {
            contract(
                    referral,
                    "review-splitting-referral",
                    Set.of("splittingDecision", "splittingRationale"),
                    (task, problems, actor) -> {
                        problems.oneOf(
                                task, "splittingDecision", Set.of("APPROVE", "REJECT"), "Choose approve or reject.");
                        problems.text(
                                task,
                                "splittingRationale",
                                10,
                                "Give the rationale for your decision (at least 10 characters).");
                    });
        }

        contract(
                "DecideOnNoProposals",
                "decide-on-no-proposals",
                Set.of("noProposalsDecision", "newProposalDeadline", "decisionNote"),
                (task, problems, actor) -> {
                    problems.oneOf(task, "noProposalsDecision", Set.of("REPOST", "CANCEL"), "Choose repost or cancel.");
                    if ("REPOST".equals(task.getVariable("noProposalsDecision"))) {
                        problems.future(
                                task, "newProposalDeadline", clock, "Give a new proposal deadline in the future.");
                    }
                });

        contract(
                "EvaluateProposals",
                "evaluate-proposals",
                Set.of(EvaluationSheetListener.SHEET, "conflictOfInterestDeclared"),
                (task, problems, actor) -> {
                    problems.mustBeTrue(
                            task,
                            "conflictOfInterestDeclared",
                            "Declare that you have no conflict of interest with any proponent.");
                    problems.throwIfAny();
                    recordEvaluation(task, actor);
                });

        contract(
                "AnswerQuestions",
                "answer-question",
                Set.of("questionResponse", "answer", "closeReason"),
                (task, problems, actor) -> {
                    // no choice sent: an answer (clients written before a question could be closed)
                    Object response = task.getVariable("questionResponse") == null
                            ? "ANSWER"
                            : task.getVariable("questionResponse");
                    if (task.getVariable("questionResponse") != null) {
                        problems.oneOf(
                                task,
                                "questionResponse",
                                Set.of("ANSWER", "CLOSE"),
                                "Choose whether to answer the question publicly or to close it without an answer.");
                    }
                    if ("CLOSE".equals(response)) {
                        problems.text(
                                task,
                                "closeReason",
                                10,
                                "Give the reason for closing the question (at least 10 characters); the supplier who"
                                        + " asked receives it.");
                    } else {
                        problems.text(task, "answer", 10, "Write the public answer (at least 10 characters).");
                    }
                    problems.throwIfAny();
                    if ("CLOSE".equals(response)) {
                        Submissions.refuseInvalid(() -> questions.closeQuestion(
                                Vars.uuid(task, "questionId"),
                                Vars.string(task, "closeReason").strip(),
                                actor));
                    } else {
                        Submissions.refuseInvalid(() -> questions.answerQuestion(
                                Vars.uuid(task, "questionId"),
                                Vars.string(task, "answer").strip(),
                                actor));
                    }
                    // the history keeps what was submitted; the process does not need it any further
                    task.getExecution().removeVariable("answer");
                    task.getExecution().removeVariable("closeReason");
                    task.getExecution().removeVariable("questionResponse");
                });

        contract(
                "HandleLateDelivery",
                "handle-late-delivery",
                Set.of("lateDeliveryDecision", "newDueDate", "lateDeliveryNote"),
                (task, problems, actor) -> {
                    problems.oneOf(
                            task, "lateDeliveryDecision", Set.of("EXTEND", "TERMINATE"), "Choose extend or terminate.");
                    if ("EXTEND".equals(task.getVariable("lateDeliveryDecision"))) {
                        problems.future(task, "newDueDate", clock, "Give a new due date in the future.");
                    } else {
                        problems.text(
                                task,
                                "lateDeliveryNote",
                                10,
                                "Explain the termination for the supplier (at least 10 characters).");
                    }
                });

        contract(
                "ReviewQaFindings",
                "review-qa-findings",
                Set.of("qaDecision", "qaReviewNote"),
                (task, problems, actor) -> {
                    problems.oneOf(
                            task,
                            "qaDecision",
                            Set.of("APPROVE", "REQUEST_CHANGES"),
                            "Choose approve or request changes.");
                    problems.text(
                            task,
                            "qaReviewNote",
                            10,
                            "Write your review for the record and the supplier (at least 10 characters).");
                });

        contract(
                "AcceptWork",
                "accept-work",
                Set.of("acceptanceDecision", "section34Certified", "acceptanceNote"),
                (task, problems, actor) -> {
                    problems.oneOf(
                            task,
                            "acceptanceDecision",
                            Set.of("ACCEPT", "REQUEST_CHANGES"),
                            "Choose accept or request changes.");
                    if ("ACCEPT".equals(task.getVariable("acceptanceDecision"))) {
                        problems.mustBeTrue(
                                task,
                                "section34Certified",
                                "Certify that the work was received as agreed (FAA section 34).");
                        task.setVariable("acceptedBy", actor);
                    } else {
                        problems.text(
                                task,
                                "acceptanceNote",
                                10,
                                "Tell the supplier what must change (at least 10 characters).");
                    }
                });

        contract(
                "ResolvePayment",
                "resolve-payment",
                Set.of("paymentResolution", "paymentMethod", "manualPaymentReference", "paymentNote"),
                (task, problems, actor) -> {
                    problems.oneOf(
                            task,
                            "paymentResolution",
                            Set.of("RETRY", "RECORD_MANUAL"),
                            "Choose how the payment is resolved.");
                    if ("RETRY".equals(task.getVariable("paymentResolution"))) {
                        problems.text(
                                task,
                                "paymentMethod",
                                4,
                                "Give the card processor's token for the card to charge (pm_…, card_… or src_…; never the card number).");
                        problems.throwIfAny();
                        Submissions.refuseInvalid(() -> funds.changeCard(
                                Vars.uuid(task, Vars.OPPORTUNITY_ID), Vars.string(task, "paymentMethod"), actor));
                        task.getExecution().removeVariable("paymentMethod");
                    } else {
                        problems.text(
                                task,
                                "manualPaymentReference",
                                3,
                                "Give the reference of the payment made another way.");
                    }
                    task.setVariable("resolvedBy", actor);
                });
    }

    private void contract(String taskKey, String formId, Set<String> fields, TaskContract.Completion completion) {
        if (contracts.putIfAbsent(taskKey, new TaskContract(taskKey, formId, fields, completion)) != null) {
            throw new IllegalStateException("Two contracts for task " + taskKey);
        }
    }

    /** The contract of a user task; an unknown task key fails loudly (a task without a contract takes no input). */
    public TaskContract forTask(String taskKey) {
        TaskContract contract = contracts.get(taskKey);
        if (contract == null) {
            throw new IllegalStateException("No form contract for task '" + taskKey
                    + "': declare one in TaskContracts before the task can be completed");
        }
        return contract;
    }

    /** Every contract, by task key. */
    public Map<String, TaskContract> all() {
        return Map.copyOf(contracts);
    }

    /** The fields a client may submit to start the process, or a loud failure for any other process. */
    public Set<String> startFields(String processKey) {
        if (!AccessGroups.PROCESS_KEY.equals(processKey)) {
            throw new IllegalStateException("No start form contract for process '" + processKey + "'");
        }
        return START_FIELDS;
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
            entries.add(new EvaluationEntry(
                    id, str(row.get("criterionId")), str(row.get("result")), str(row.get("rationale"))));
        }
        var result = Submissions.refuseInvalid(
                () -> proposals.recordEvaluation(Vars.uuid(task, Vars.OPPORTUNITY_ID), entries, evaluator));
        task.getExecution().setVariable("passingCount", result.passingCount());
        task.getExecution().removeVariable(EvaluationSheetListener.SHEET);
    }

    private List<Map<String, Object>> sheet(Object value) {
        try {
            if (value instanceof SpinJsonNode node) {
                return json.readValue(node.toString(), new TypeReference<>() {});
            }
            if (value instanceof String text) {
                return json.readValue(text, new TypeReference<>() {});
            }
            if (value instanceof Collection<?>) {
                return json.convertValue(value, new TypeReference<>() {});
            }
        } catch (Exception e) {
            throw new BadUserRequestException(
                    "The evaluation sheet could not be read: give a result and a rationale" + " for every criterion.");
        }
        throw new BadUserRequestException(
                "The evaluation sheet is missing: give a result and a rationale for every criterion.");
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
