/**
 * Paying a contract: the funds commitment, the card charge through the CardProcessor port (ChargeRequest,
 * ChargeResult, PaymentToken), payment attempts and outcomes. Declares CardPayees (where a card payment goes;
 * implemented by payee) and implements contract.ContractPayments (PaymentsOfContracts). Uses contract, opportunity
 * and common; never Camunda or an adapter.
 */
package ca.gc.microacquisition.payment;
