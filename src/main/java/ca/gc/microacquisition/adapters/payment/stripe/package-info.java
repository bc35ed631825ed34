/**
 * Stripe Connect as payment.CardProcessor and payee.PayoutAccounts (switched on by configuration). Uses payment,
 * payee and adapters.Secrets.
 */
package ca.gc.microacquisition.adapters.payment.stripe;
