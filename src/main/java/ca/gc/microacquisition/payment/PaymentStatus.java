package ca.gc.microacquisition.payment;

/** Outcome of one payment attempt. PENDING: stored before the processor was called; its outcome is not known yet. */
public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    DECLINED,
    REFUNDED,
    MANUAL
}
