package ca.gc.microacquisition.payment;

import java.math.BigDecimal;

/**
 * One card payment to a supplier.
 *
 * @param idempotencyKey unique per contract and attempt; stored before the first call
 * @param amount         amount in {@code currency}, two decimals
 * @param currency       ISO 4217, always CAD here
 * @param paymentMethod  the card processor's token for the card ({@link PaymentToken}); never a card number
 * @param description    shown on the statement, e.g. the contract reference
 * @param payeeReference the supplier's reference at the processor (account id), may be null
 */
public record ChargeRequest(
        String idempotencyKey,
        BigDecimal amount,
        String currency,
        String paymentMethod,
        String description,
        String payeeReference) {}
