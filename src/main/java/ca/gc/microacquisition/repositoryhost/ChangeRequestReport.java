package ca.gc.microacquisition.repositoryhost;

import java.util.List;

/**
 * The state of a delivered pull/merge request as the repository host reports it.
 *
 * @param url               the change request URL
 * @param state             OPEN, MERGED, CLOSED or NOT_FOUND
 * @param headSha           commit at the head of the change, null when not found
 * @param checks            outcome of the host's checks (CI) on the head commit
 * @param licenceFilePresent whether a licence file exists at the head commit
 * @param licenceSpdxId     SPDX id recognised in that licence file, or null
 * @param scanningAvailable whether code scanning results could be read (false: not enabled, no access)
 * @param scanningNote      a sentence for the QA reviewer when scanning was not available, else null
 * @param findings          code-scanning and secret-scanning findings on the change
 */
public record ChangeRequestReport(
        String url,
        State state,
        String headSha,
        ChecksOutcome checks,
        boolean licenceFilePresent,
        String licenceSpdxId,
        boolean scanningAvailable,
        String scanningNote,
        List<Finding> findings) {

    public enum State {
        OPEN,
        MERGED,
        CLOSED,
        NOT_FOUND
    }

    public enum ChecksOutcome {
        PASSED,
        FAILED,
        PENDING,
        NONE
    }

    public ChangeRequestReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
