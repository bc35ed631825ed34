package ca.gc.microacquisition.proposal;

/** Where a proposal is in evaluation and award. */
public enum ProposalStatus {
    SUBMITTED,
    PASSED,
    FAILED,
    /** Drawn (or next in draw order) and offered the contract. */
    SELECTED,
    AWARDED,
    /** Passed but another proposal got the contract. */
    NOT_SELECTED,
    /** Passed over after being selected (e.g. terminated for non-delivery, or refused by the guardrail). */
    SKIPPED
}
