package ca.gc.microacquisition.identity;

import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;

import java.util.List;

/**
 * The demo groups and users, created only with the {@code demo} profile (the embedded default). Each demo user's
 * password is their user id. Production creates real groups and users in Camunda Admin instead (see docs/access.md).
 */
public final class DemoIdentities {

    /** A group with its display name and Camunda group type. */
    public record DemoGroup(String id, String name, String type) {}

    /** A demo user and the group they belong to. */
    public record DemoUser(String id, String firstName, String lastName, String groupId) {

        public String email() {
            return id + "@example.gc.ca";
        }

        public String password() {
            return id;
        }
    }

    public static final List<DemoGroup> GROUPS = List.of(
            new DemoGroup(AccessGroups.REQUESTERS, "Requesters", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AccessGroups.MANAGERS, "Managers", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AccessGroups.PROCUREMENT_OFFICERS, "Procurement officers", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AccessGroups.EVALUATORS, "Evaluators", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AccessGroups.QA_REVIEWERS, "QA reviewers", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AccessGroups.FINANCE, "Finance", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AccessGroups.CFOB_RULES, "CFOB rules", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AccessGroups.AUDITORS, "Auditors", GROUP_TYPE_WORKFLOW),
            new DemoGroup(AccessGroups.CAMUNDA_ADMIN, "Camunda administrators", GROUP_TYPE_SYSTEM),
            new DemoGroup("team-benefits", "Benefits delivery team", Teams.GROUP_TYPE),
            new DemoGroup("team-digital", "Digital services team", Teams.GROUP_TYPE));

    /** The requesting teams of the demo requesters (user id, team group id): the requester picks one of theirs. */
    public static final List<List<String>> TEAM_MEMBERSHIPS = List.of(
            List.of("requester", "team-benefits"),
            List.of("requester", "team-digital"),
            List.of("requester2", "team-benefits"));

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("requester", "Rita", "Requester", AccessGroups.REQUESTERS),
            new DemoUser("requester2", "Reza", "Requester", AccessGroups.REQUESTERS),
            new DemoUser("manager", "Maya", "Manager", AccessGroups.MANAGERS),
            new DemoUser("officer", "Omar", "Officer", AccessGroups.PROCUREMENT_OFFICERS),
            new DemoUser("evaluator", "Eve", "Evaluator", AccessGroups.EVALUATORS),
            new DemoUser("qa", "Quinn", "Reviewer", AccessGroups.QA_REVIEWERS),
            new DemoUser("finance", "Fatima", "Finance", AccessGroups.FINANCE),
            new DemoUser("cfob", "Claude", "Rules", AccessGroups.CFOB_RULES),
            new DemoUser("auditor", "Ada", "Auditor", AccessGroups.AUDITORS),
            new DemoUser("admin", "Alex", "Administrator", AccessGroups.CAMUNDA_ADMIN));

    private DemoIdentities() {}
}
