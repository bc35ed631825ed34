package ca.gc.microacquisition.process;

import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What happens when a human step's reminder or due date comes (the non-interrupting timers on every user task, see
 * {@link StepDeadlines}): the step's open task stays where it is, and people are told by the notification channel.
 * <ul>
 *   <li>reminder: the assignee, or, while nobody has claimed the task, every member of its candidate groups;</li>
 *   <li>due date passed: every member of the step's escalation group (from the table) and the assignee.</li>
 * </ul>
 * The timer and the end event ("Assignee reminded", "Escalated") stay in the history, and each message in the
 * notification outbox, so the trail shows who was told what and when.
 */
@Component
class StepFollowUps {

    static final String REMINDER = "STEP_REMINDER";
    static final String OVERDUE = "STEP_OVERDUE";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final TaskService tasks;
    private final IdentityService identities;
    private final Notifier notifier;
    private final StepDeadlines deadlines;
    private final ZoneId zone;

    StepFollowUps(
            TaskService tasks, IdentityService identities, Notifier notifier, StepDeadlines deadlines, ZoneId zone) {
        this.tasks = tasks;
        this.identities = identities;
        this.notifier = notifier;
        this.deadlines = deadlines;
        this.zone = zone;
    }

    /** Reminds whoever holds the step's task now. */
    void remind(DelegateExecution execution) {
        for (Task task : openTasks(execution)) {
            Set<String> people = new LinkedHashSet<>();
            if (task.getAssignee() != null) {
                people.add(task.getAssignee());
            } else {
                people.addAll(candidates(task));
            }
            for (String person : people) {
                notifier.send(new Notification(
                        "user:" + person,
                        "en",
                        "Reminder: " + task.getName(),
                        "The task \"" + task.getName() + "\" waits for you in Tasklist since "
                                + when(task.getCreateTime())
                                + ". It is due on " + when(task.getDueDate()) + "; after that it is escalated."
                                + (task.getAssignee() == null
                                        ? "\nNobody has claimed it yet: claim it if you take it."
                                        : ""),
                        execution.getProcessBusinessKey(),
                        REMINDER));
            }
        }
    }

    /** Tells the escalation group (and the assignee) that the step is overdue. */
    void escalate(DelegateExecution execution) {
        String step = step(execution);
        String group = deadlines.of(step).escalateTo();
        for (Task task : openTasks(execution)) {
            Set<String> people = new LinkedHashSet<>(members(group));
            if (task.getAssignee() != null) {
                people.add(task.getAssignee());
            }
            String holder = task.getAssignee() == null
                    ? "nobody has claimed it (group " + String.join(", ", candidateGroups(task)) + ")"
                    : "it is assigned to " + task.getAssignee();
            for (String person : people) {
                notifier.send(new Notification(
                        "user:" + person,
                        "en",
                        "Overdue: " + task.getName(),
                        "The task \"" + task.getName() + "\" was due on " + when(task.getDueDate())
                                + " and is still open;"
                                + " " + holder + ". The procurement waits on it. You are told as a member of " + group
                                + (person.equals(task.getAssignee()) ? " or as its assignee" : "")
                                + ": take it over in Tasklist, or ask the assignee to finish it.",
                        execution.getProcessBusinessKey(),
                        OVERDUE));
            }
        }
    }

    /** The user task the timer that led here is attached to. */
    static String step(DelegateExecution execution) {
        FlowNode end = (FlowNode) execution.getBpmnModelElementInstance();
        for (SequenceFlow incoming : end.getIncoming()) {
            if (incoming.getSource() instanceof BoundaryEvent boundary
                    && boundary.getAttachedTo() instanceof UserTask task) {
                return task.getId();
            }
        }
        throw new IllegalStateException(end.getId() + " must follow a timer on a user task");
    }

    /** The open task(s) of the step beside this timer's path (one, or one per question for AnswerQuestions). */
    private List<Task> openTasks(DelegateExecution execution) {
        List<Task> open = tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(step(execution))
                .list();
        if (open.size() <= 1) {
            return open;
        }
        // several at once (one per question): keep the one in the same scope instance as this timer's path
        String scope = execution.getParentActivityInstanceId();
        List<Task> beside = open.stream()
                .filter(task -> task instanceof TaskEntity entity
                        && entity.getExecution() != null
                        && scope != null
                        && scope.equals(entity.getExecution().getParentActivityInstanceId()))
                .toList();
        return beside.isEmpty() ? open : beside;
    }

    private Set<String> candidates(Task task) {
        Set<String> people = new LinkedHashSet<>();
        for (String group : candidateGroups(task)) {
            people.addAll(members(group));
        }
        return people;
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .toList();
    }

    private List<String> members(String group) {
        return identities.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getId)
                .toList();
    }

    private String when(Date date) {
        return date == null ? "(no date)" : WHEN.format(date.toInstant().atZone(zone));
    }
}
