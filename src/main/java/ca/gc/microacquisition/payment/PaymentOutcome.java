package ca.gc.microacquisition.payment;

import java.util.UUID;

/** What a payment attempt came to: status SUCCEEDED, DECLINED, MANUAL... and a sentence for finance. */
public record PaymentOutcome(UUID paymentId, String status, String message) {}
