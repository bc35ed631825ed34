package ca.gc.microacquisition.contract;

/** Where a contract is between award and payment. */
public enum ContractStatus {
    /** Awarded; waiting for the delivery. */
    ACTIVE,
    /** A pull/merge request was delivered; QA and acceptance under way. */
    DELIVERED,
    /** QA or the requester asked for changes; waiting for a new delivery. */
    CHANGES_REQUESTED,
    /** The requester accepted the work (FAA section 34); payment follows. */
    ACCEPTED,
    /** Ended for non-delivery. */
    TERMINATED,
    /** Paid and closed. */
    CLOSED
}
