package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.identity.AccessGroups;
import java.util.Collection;
import java.util.List;

/**
 * Who may read the audit trail, the exports, the pilot metrics and the open-data file: members of {@code auditors}
 * and Camunda administrators ({@code camunda-admin}). Nobody else, whatever other rights they have.
 */
public final class AuditAccess {

    public static final List<String> GROUPS = List.of(AccessGroups.AUDITORS, AccessGroups.CAMUNDA_ADMIN);

    public static final String REFUSAL = "Only auditors and administrators may see the audit trail and pilot reports.";

    private AuditAccess() {}

    public static boolean allowed(Collection<String> groupIds) {
        return groupIds != null && groupIds.stream().anyMatch(GROUPS::contains);
    }
}
