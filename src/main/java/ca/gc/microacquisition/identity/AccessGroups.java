package ca.gc.microacquisition.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda group ids the service relies on (BPMN candidate groups, authorizations, filters). */
public final class AccessGroups {

    public static final String REQUESTERS = "requesters";
    public static final String MANAGERS = "managers";
    public static final String PROCUREMENT_OFFICERS = "procurement-officers";
    public static final String EVALUATORS = "evaluators";
    public static final String QA_REVIEWERS = "qa-reviewers";
    public static final String FINANCE = "finance";
    public static final String CFOB_RULES = "cfob-rules";
    public static final String AUDITORS = "auditors";
    /** Camunda's own administrator group ({@link Groups#CAMUNDA_ADMIN}); the engine treats it as an admin group. */
    public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

    /** Staff who work on tasks in Tasklist. */
    public static final List<String> STAFF =
            List.of(REQUESTERS, MANAGERS, PROCUREMENT_OFFICERS, EVALUATORS, QA_REVIEWERS, FINANCE);

    /** Every group, in display order. */
    public static final List<String> ALL = List.of(
            REQUESTERS,
            MANAGERS,
            PROCUREMENT_OFFICERS,
            EVALUATORS,
            QA_REVIEWERS,
            FINANCE,
            CFOB_RULES,
            AUDITORS,
            CAMUNDA_ADMIN);

    /** The process the staff work on. */
    public static final String PROCESS_KEY = "MicroProcurement";

    private AccessGroups() {}
}
