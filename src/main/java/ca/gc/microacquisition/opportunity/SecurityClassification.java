package ca.gc.microacquisition.opportunity;

/** Security classification of the work. Only UNCLASSIFIED work is eligible (decided by the Eligibility rules). */
public enum SecurityClassification {
    UNCLASSIFIED,
    PROTECTED_A,
    PROTECTED_B,
    SECRET
}
