package ca.gc.microacquisition.payee;

/**
 * Port to the card processor's connected accounts (Stripe Connect, or the sandbox's): the account a supplier is
 * paid into, the processor-hosted onboarding where the supplier gives their identity and bank details (never to
 * this service), and the account's status read back. Implementations live under
 * {@code ca.gc.microacquisition.adapters.payment}.
 *
 * <p>A technical failure is a thrown {@link ca.gc.microacquisition.payment.CardProcessorUnavailableException}.
 */
public interface PayoutAccounts {

    /** Short name, the same as the card processor's: {@code sandbox} or {@code stripe}. */
    String provider();

    /** Opens a connected account for the supplier; returns its id ({@code acct_…}). */
    String createAccount(PayoutHolder holder);

    /**
     * A single-use link to the processor's onboarding for the account. The processor sends the supplier back to
     * {@code returnUrl} when they leave it, and to {@code refreshUrl} when the link expired or was used.
     */
    String onboardingLink(String accountId, String refreshUrl, String returnUrl);

    /** The account's current status at the processor. */
    PayoutAccountStatus status(String accountId);
}
