/**
 * Paying a contract: the funds commitment, the card charge through the CardProcessor port (ChargeRequest,
 * ChargeResult, PaymentToken), payment attempts and outcomes. Uses contract, payee, opportunity and common; never
 * Camunda or an adapter.
 */
package ca.gc.microacquisition.payment;
