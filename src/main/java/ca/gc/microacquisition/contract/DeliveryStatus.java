package ca.gc.microacquisition.contract;

/** Where a delivery is in QA and acceptance. */
public enum DeliveryStatus {
    SUBMITTED,
    INSPECTED,
    CHANGES_REQUESTED,
    ACCEPTED
}
