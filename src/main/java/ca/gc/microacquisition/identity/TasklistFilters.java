package ca.gc.microacquisition.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters (stored task queries) the service provides.
 *
 * <p>One filter per staff group lists the tasks offered to that group, claimed or not, and is readable only by that
 * group. "My tasks" lists the tasks assigned to one person: with expressions in stored queries turned off (they
 * would let anyone who can edit a filter run code), a shared filter cannot say "assigned to the current user" (the
 * engine refuses to store a filter using {@code ${currentUser()}}), so each staff member gets their own "My tasks"
 * filter with their user id written into the query, readable only by them.
 */
public final class TasklistFilters {

    public static final String MY_TASKS = "My tasks";

    /** A variable Tasklist shows on each task card. */
    public record ShownVariable(String name, String label) {}

    /**
     * A filter for the tasks offered to one group, oldest due first (then oldest first); {@code taskKeys}, when not
     * empty, keeps the filter to the tasks that need the group now.
     */
    public record GroupFilter(
            String name,
            String groupId,
            String description,
            int priority,
            List<ShownVariable> variables,
            List<String> taskKeys) {

        public GroupFilter(
                String name, String groupId, String description, int priority, List<ShownVariable> variables) {
            this(name, groupId, description, priority, variables, List.of());
        }

        public TaskQuery query(TaskService taskService) {
            TaskQuery query =
                    taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks();
            if (!taskKeys.isEmpty()) {
                query.taskDefinitionKeyIn(taskKeys.toArray(String[]::new));
            }
            return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
        }

        public Map<String, Object> properties() {
            return TasklistFilters.properties(description, priority, variables);
        }
    }

    /**
     * The requesters' tasks that need them now: every user task offered to requesters except the two "Withdraw
     * request" tasks ({@code WithdrawRequest}, then {@code WithdrawBeforeAward} until the contract is awarded), which
     * wait on every open request in case it is no longer needed.
     */
    public static final List<String> REQUESTER_ACTIONS = List.of(
            "ReviewIneligibility", "AnswerQuestions", "DecideOnNoProposals", "HandleLateDelivery", "AcceptWork");

    private static final ShownVariable TITLE = new ShownVariable("title", "Title");
    private static final ShownVariable VALUE = new ShownVariable("estimatedValue", "Estimated value (CAD)");

    public static final List<GroupFilter> GROUP_FILTERS = List.of(
            new GroupFilter(
                    "Requesters: my requests",
                    AccessGroups.REQUESTERS,
                    "What needs you now on your requests: a referral to review, questions to answer, no proposals"
                            + " received, late delivery, acceptance of the work. (Withdrawing a request is not listed"
                            + " here: it waits on every open request, in My tasks.)",
                    10,
                    List.of(TITLE, VALUE, new ShownVariable("proposalDeadline", "Proposal deadline")),
                    REQUESTER_ACTIONS),
            new GroupFilter(
                    "Managers: capacity and funds",
                    AccessGroups.MANAGERS,
                    "Confirm that the capacity does not exist in-house and commit the funds (FAA s.32).",
                    20,
                    List.of(
                            TITLE,
                            VALUE,
                            new ShownVariable("team", "Team"),
                            new ShownVariable("requester", "Requester"))),
            new GroupFilter(
                    "Procurement officers: splitting referrals",
                    AccessGroups.PROCUREMENT_OFFICERS,
                    "Requests and awards the contract-splitting guardrail referred for review.",
                    30,
                    List.of(
                            TITLE,
                            VALUE,
                            new ShownVariable("splittingRisk", "Splitting risk"),
                            new ShownVariable("team", "Team"))),
            new GroupFilter(
                    "Evaluators: proposals to evaluate",
                    AccessGroups.EVALUATORS,
                    "Evaluate each proposal pass/fail on each mandatory criterion, with a rationale.",
                    40,
                    List.of(TITLE, VALUE, new ShownVariable("proposalDeadline", "Proposal deadline"))),
            new GroupFilter(
                    "QA: findings to review",
                    AccessGroups.QA_REVIEWERS,
                    "Delivered work whose quality and code-scanning findings need a review.",
                    50,
                    List.of(
                            TITLE,
                            VALUE,
                            new ShownVariable("qaOutcome", "QA outcome"),
                            new ShownVariable("pullRequestUrl", "Pull request"))),
            new GroupFilter(
                    "Finance: payments to resolve",
                    AccessGroups.FINANCE,
                    "Card payments that were declined or failed.",
                    60,
                    List.of(
                            TITLE,
                            VALUE,
                            new ShownVariable("paymentStatus", "Payment status"),
                            new ShownVariable("paymentMessage", "Payment message"))));

    /** The "My tasks" query for one user. */
    public static TaskQuery myTasksQuery(TaskService taskService, String userId) {
        return taskService
                .createTaskQuery()
                .taskAssignee(userId)
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc();
    }

    public static Map<String, Object> myTasksProperties() {
        return properties(
                "Tasks assigned to you: claimed tasks and decisions on your own requests.", 0, List.of(TITLE, VALUE));
    }

    static Map<String, Object> properties(String description, int priority, List<ShownVariable> variables) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        List<Map<String, String>> shown = new ArrayList<>();
        for (ShownVariable variable : variables) {
            shown.add(Map.of("name", variable.name(), "label", variable.label()));
        }
        properties.put("variables", shown);
        return properties;
    }

    private TasklistFilters() {}
}
