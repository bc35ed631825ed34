package ca.gc.microacquisition.opportunity;

import java.util.UUID;

/**
 * An opportunity ended before a contract was completed: cancelled before award, or closed because no passing
 * proposal was left to offer the work to. Published in the transaction of the change, so that whoever sent a
 * proposal is told (proposal.ProponentNotices) in that same transaction.
 *
 * @param reason the reason given, or null (cancellation without one)
 */
public record OpportunityWithdrawn(UUID opportunityId, String reference, String title, Kind kind, String reason) {

    public enum Kind {
        /** Withdrawn by the department before award. */
        CANCELLED,
        /** No passing proposal is left to offer the work to. */
        CLOSED_WITHOUT_SUPPLIER
    }
}
