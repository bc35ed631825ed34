package ca.gc.microacquisition.contract;

import java.util.UUID;

/**
 * What QA found on a delivery: the inputs of the QaGate decision.
 *
 * @param changeRequestState OPEN, MERGED, CLOSED or NOT_FOUND
 * @param checksOutcome      PASSED, FAILED, PENDING or NONE
 * @param licenceMatches     the licence at the head of the change is the contract's licence; null when a licence file
 *                           is there but its licence could not be recognised (a QA reviewer checks it)
 * @param secretsFound       findings of the secret scanner (not counted in the severities)
 */
public record QaSummary(
        UUID deliveryId,
        String pullRequestUrl,
        String changeRequestState,
        String checksOutcome,
        boolean licenceFilePresent,
        Boolean licenceMatches,
        boolean scanningAvailable,
        int criticalFindings,
        int highFindings,
        int mediumFindings,
        int lowFindings,
        int secretsFound) {}
