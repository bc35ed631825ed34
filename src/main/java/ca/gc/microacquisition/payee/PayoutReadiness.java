package ca.gc.microacquisition.payee;

import java.time.OffsetDateTime;

/**
 * Whether a supplier can be paid, as shown to the supplier (portal, API). No account numbers beyond the
 * processor's account id, never card data.
 *
 * @param method           {@code CONNECTED_ACCOUNT}, {@code PAYPAL}, or null when nothing is set up
 * @param ready            a contract can be awarded to the supplier and paid
 * @param provider         the card processor holding the account ({@code stripe}, {@code sandbox})
 * @param accountId        the connected account ({@code acct_…}), if one was opened
 * @param detailsSubmitted the supplier finished the processor's onboarding
 * @param chargesEnabled   as the processor reports it
 * @param payoutsEnabled   as the processor reports it
 * @param paypalEmail      the PayPal address, when PayPal is preferred
 * @param checkedAt        when the status was last read from the processor
 */
public record PayoutReadiness(
        String method,
        boolean ready,
        String provider,
        String accountId,
        boolean detailsSubmitted,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        String paypalEmail,
        OffsetDateTime checkedAt) {

    static PayoutReadiness none() {
        return new PayoutReadiness(null, false, null, null, false, false, false, null, null);
    }

    static PayoutReadiness of(SupplierPayee p) {
        return new PayoutReadiness(
                p.getMethod().name(),
                p.canBePaid(),
                p.getProvider(),
                p.getAccountId(),
                p.isDetailsSubmitted(),
                p.isChargesEnabled(),
                p.isPayoutsEnabled(),
                p.getPaypalEmail(),
                p.getCheckedAt());
    }
}
