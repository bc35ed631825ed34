package ca.gc.microacquisition.opportunity;

import java.util.UUID;

/**
 * A posted opportunity changed state (posted, closed, reposted, awarded, completed or cancelled). Published in the
 * transaction of the change; listeners that act after commit use {@code @TransactionalEventListener}.
 *
 * @param previous the status before the change (DRAFT when it was just posted)
 * @param test     whether it is a test opportunity (never shown to the public)
 */
public record OpportunityStateChanged(
        UUID opportunityId, String reference, OpportunityStatus previous, OpportunityStatus status, boolean test) {}
