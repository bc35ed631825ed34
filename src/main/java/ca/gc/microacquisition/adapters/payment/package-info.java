/**
 * Implementations of the payment.CardProcessor and payee.PayoutAccounts ports: a sandbox processor kept in the
 * database and Stripe.
 */
package ca.gc.microacquisition.adapters.payment;
