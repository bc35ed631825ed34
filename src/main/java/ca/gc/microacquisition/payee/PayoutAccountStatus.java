package ca.gc.microacquisition.payee;

/**
 * A connected account's status as the processor reports it.
 *
 * @param accountId        {@code acct_…}
 * @param detailsSubmitted the supplier finished the onboarding
 * @param chargesEnabled   the account can be the merchant of a charge
 * @param payoutsEnabled   the account can receive transfers and pay them out to the supplier's bank
 * @param ready            a destination charge to this account can be made now (the processor decides which of
 *                         the above it needs)
 */
public record PayoutAccountStatus(
        String accountId, boolean detailsSubmitted, boolean chargesEnabled, boolean payoutsEnabled, boolean ready) {}
