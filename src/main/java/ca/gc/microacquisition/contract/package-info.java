/**
 * The contract awarded to a supplier and its deliveries: award, delivery of a change request, the QA inspection
 * findings (QaSummary), acceptance and termination, and the supplier's contract API. Declares ContractPayments
 * (whether a contract is paid; implemented by payment). Uses opportunity, proposal, supplier, procurement,
 * repositoryhost (port) and common; never Camunda or an adapter.
 */
package ca.gc.microacquisition.contract;
