/**
 * The offline card processor and connected-account onboarding (ledger and accounts in the service's own tables,
 * with its own onboarding page). Implements payment.CardProcessor and payee.PayoutAccounts; uses only those
 * packages.
 */
package ca.gc.microacquisition.adapters.payment.sandbox;
