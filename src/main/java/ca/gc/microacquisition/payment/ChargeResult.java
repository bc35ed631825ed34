package ca.gc.microacquisition.payment;

/**
 * What the processor answered.
 *
 * @param status            SUCCEEDED, DECLINED or REFUNDED
 * @param providerReference the processor's id of the charge or refund
 * @param declineCode       the processor's decline code when declined, else null
 * @param message           a sentence for finance
 * @param replayed          true when the processor answered from an earlier call with the same key
 */
public record ChargeResult(
        Status status, String providerReference, String declineCode, String message, boolean replayed) {

    public enum Status {
        SUCCEEDED,
        DECLINED,
        REFUNDED
    }
}
