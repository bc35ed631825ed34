/**
 * How suppliers get paid: the payout account (connected account at the card processor, or a PayPal address), its
 * readiness, and the supplier's payout API. Declares the PayoutAccounts port; implements payment.CardPayees
 * (PayeeService). Uses supplier, payment and common.
 */
package ca.gc.microacquisition.payee;
