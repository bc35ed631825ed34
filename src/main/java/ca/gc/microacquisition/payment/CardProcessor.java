package ca.gc.microacquisition.payment;

/**
 * Port to the card processor that pays the supplier.
 * Implementations live under {@code ca.gc.microacquisition.adapters.payment}.
 *
 * <p>Every call carries an idempotency key: the processor must answer a repeated key with the result of the
 * first call and never charge twice. A decline is a returned result; a technical failure (timeout, 5xx,
 * unreachable) is a thrown {@link CardProcessorUnavailableException}.
 */
public interface CardProcessor {

    /** Short name, e.g. {@code sandbox} or {@code stripe}. */
    String provider();

    ChargeResult charge(ChargeRequest request);

    /** Refunds (or voids) a successful charge; idempotent on the key. */
    ChargeResult refund(String providerReference, String idempotencyKey);
}
