package ca.gc.microacquisition.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The one separation-of-duties rule, run by the engine on every user task of every process (added by
 * {@link DutiesEnginePlugin} when a process is parsed), on assignment (claim, assign, delegate) and on completion
 * (Tasklist, {@code /engine-rest}, the webapps' engine API and the Java API alike). It reads the {@link Duties}
 * table:
 * <ul>
 *   <li>a requester task may be assigned to and completed by the requester of its procurement only (an
 *       administrator may hand it to someone else, for instance when the requester leaves);</li>
 *   <li>any other task of a procurement is never assigned to or completed by its requester, whatever groups the
 *       requester is also in;</li>
 *   <li>a signed-in user who is not an administrator may only claim a task for themselves, and only if they are
 *       one of its candidates (candidate user, or member of a candidate group); and may complete a task someone
 *       else has claimed only if they are an administrator.</li>
 * </ul>
 * Calls without a signed-in user are the service's own (delegates, tests): only the duty rule applies to them.
 * A refusal is a {@link BadUserRequestException} with a plain message (HTTP 400 on the engine REST API).
 */
public class DutyRule implements TaskListener {

    static final String NOT_A_CANDIDATE = "Only a member of %s can take this task.";
    static final String ONLY_FOR_YOURSELF =
            "You can take a task only for yourself; only an administrator can hand" + " a task to someone else.";
    static final String CLAIMED_BY_OTHER = "This task is assigned to someone else; only they can complete it.";
    static final String REQUESTER_ONLY =
            "This task belongs to the requester of this procurement; only they can" + " take it or complete it.";

    @Override
    public void notify(DelegateTask task) {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context == null ? null : context.getAuthentication();
        String performer = authentication == null ? null : authentication.getUserId();
        boolean admin = performer != null && context.getAuthorizationManager().isCamundaAdmin(authentication);
        Object requesterValue = task.getVariable("requester");
        String requester = requesterValue == null ? null : requesterValue.toString();
        Duties.Role role = requester == null ? null : Duties.roleOf(task.getTaskDefinitionKey());
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            onAssignment(task, requester, role, authentication, performer, admin);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            onComplete(task, requester, role, performer, admin);
        }
    }

    private void onAssignment(
            DelegateTask task,
            String requester,
            Duties.Role role,
            Authentication authentication,
            String performer,
            boolean admin) {
        String assignee = task.getAssignee();
        if (role == Duties.Role.REQUESTER) {
            if (requester.equals(assignee) || admin) {
                return;
            }
            throw new BadUserRequestException(REQUESTER_ONLY);
        }
        if (assignee == null) {
            return; // unclaimed: nobody acts
        }
        if (requester != null && requester.equals(assignee)) {
            throw new BadUserRequestException(refusal(role));
        }
        if (performer == null || admin) {
            return;
        }
        if (!performer.equals(assignee)) {
            throw new BadUserRequestException(ONLY_FOR_YOURSELF);
        }
        if (!isCandidate(task, performer, groupsOf(authentication, performer))) {
            throw new BadUserRequestException(String.format(NOT_A_CANDIDATE, candidateGroups(task)));
        }
    }

    private void onComplete(DelegateTask task, String requester, Duties.Role role, String performer, boolean admin) {
        String assignee = task.getAssignee();
        String actor = performer != null ? performer : assignee;
        if (role == Duties.Role.REQUESTER) {
            String owner = assignee != null ? assignee : requester;
            if (actor == null || !actor.equals(owner)) {
                throw new BadUserRequestException(REQUESTER_ONLY);
            }
            return;
        }
        if (requester != null && (requester.equals(actor) || requester.equals(assignee))) {
            throw new BadUserRequestException(refusal(role));
        }
        if (performer != null && !admin && assignee != null && !performer.equals(assignee)) {
            throw new BadUserRequestException(CLAIMED_BY_OTHER);
        }
    }

    private static String refusal(Duties.Role role) {
        return role == null || role.ownRequestRefusal() == null ? Duties.GENERIC_OWN_REQUEST : role.ownRequestRefusal();
    }

    private static List<String> groupsOf(Authentication authentication, String userId) {
        if (authentication != null && authentication.getGroupIds() != null) {
            return authentication.getGroupIds();
        }
        List<String> groups = new ArrayList<>();
        Context.getProcessEngineConfiguration()
                .getIdentityService()
                .createGroupQuery()
                .groupMember(userId)
                .list()
                .forEach(group -> groups.add(group.getId()));
        return groups;
    }

    private static boolean isCandidate(DelegateTask task, String userId, List<String> groups) {
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    private static String candidateGroups(DelegateTask task) {
        Set<String> names = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                names.add(link.getGroupId());
            }
        }
        return names.isEmpty() ? "its candidates" : String.join(" or ", names);
    }
}
