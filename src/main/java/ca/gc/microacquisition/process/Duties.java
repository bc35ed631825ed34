package ca.gc.microacquisition.process;

import ca.gc.microacquisition.identity.AccessGroups;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The duty table: for every user task of {@code MicroProcurement}, who may act on it. It is the one source the
 * engine-wide {@link DutyRule} reads (and docs/access.md shows):
 * <ul>
 *   <li>a {@link Role#REQUESTER} task belongs to the requester of that procurement alone (assignee = requester, no
 *       candidate group);</li>
 *   <li>every other task is done by a member of its candidate group, and never by the requester of that
 *       procurement, whatever other groups the requester belongs to.</li>
 * </ul>
 */
public final class Duties {

    /** Who acts on a task, with the group that offers it and the refusal shown to a requester who tries. */
    public enum Role {
        REQUESTER(AccessGroups.REQUESTERS, null),
        MANAGER(
                AccessGroups.MANAGERS,
                "You submitted this request, so another manager must attest capacity and commit the funds."),
        OFFICER(
                AccessGroups.PROCUREMENT_OFFICERS,
                "You submitted this request, so another procurement officer must review its splitting referral."),
        EVALUATOR(
                AccessGroups.EVALUATORS,
                "You submitted this request, so another evaluator must evaluate its proposals."),
        QA(
                AccessGroups.QA_REVIEWERS,
                "You submitted this request, so another QA reviewer must review the delivered work."),
        FINANCE(
                AccessGroups.FINANCE,
                "You submitted this request, so another finance officer must resolve its payment.");

        private final String group;
        private final String ownRequestRefusal;

        Role(String group, String ownRequestRefusal) {
            this.group = group;
            this.ownRequestRefusal = ownRequestRefusal;
        }

        public String group() {
            return group;
        }

        /** The refusal a requester gets on their own procurement ({@code null} for requester tasks). */
        public String ownRequestRefusal() {
            return ownRequestRefusal;
        }
    }

    /** Task definition key → role, in process order. */
    public static final Map<String, Role> TASKS;

    static {
        Map<String, Role> tasks = new LinkedHashMap<>();
        tasks.put("WithdrawRequest", Role.REQUESTER);
        tasks.put("ReviewIneligibility", Role.REQUESTER);
        tasks.put("AttestCapacity", Role.MANAGER);
        tasks.put("CommitFunds", Role.MANAGER);
        tasks.put("ReviewSplittingReferral", Role.OFFICER);
        tasks.put("AnswerQuestions", Role.REQUESTER);
        tasks.put("DecideOnNoProposals", Role.REQUESTER);
        tasks.put("EvaluateProposals", Role.EVALUATOR);
        tasks.put("ReviewSupplierSplittingReferral", Role.OFFICER);
        tasks.put("WithdrawBeforeAward", Role.REQUESTER);
        tasks.put("HandleLateDelivery", Role.REQUESTER);
        tasks.put("ReviewQaFindings", Role.QA);
        tasks.put("AcceptWork", Role.REQUESTER);
        tasks.put("ResolvePayment", Role.FINANCE);
        TASKS = java.util.Collections.unmodifiableMap(tasks);
    }

    /** The role of a task of the procurement; a task missing from the table is treated as staff work. */
    static Role roleOf(String taskDefinitionKey) {
        return TASKS.get(taskDefinitionKey);
    }

    static final String GENERIC_OWN_REQUEST = "You submitted this request, so someone else must do this task.";

    private Duties() {}
}
