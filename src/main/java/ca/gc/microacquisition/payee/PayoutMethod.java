package ca.gc.microacquisition.payee;

/** How a supplier is paid. */
public enum PayoutMethod {
    /** A destination charge on the department's card into the supplier's connected account (Stripe Connect). */
    CONNECTED_ACCOUNT,
    /** Finance pays the supplier's PayPal address and records the payout (no PayPal client is used). */
    PAYPAL
}
