package ca.gc.microacquisition.opportunity;

/** Where an opportunity is in its life. */
public enum OpportunityStatus {
    /** Requested, not yet posted (eligibility, capacity, funds and guardrail checks under way). */
    DRAFT,
    /** Not eligible: referred to regular procurement. */
    REFERRED,
    /** Posted; proposals accepted until the deadline. */
    OPEN,
    /** Deadline passed with no proposal. */
    CLOSED,
    /** Deadline passed; proposals being evaluated. */
    EVALUATION,
    AWARDED,
    COMPLETED,
    CANCELLED
}
