/**
 * The contract awarded to a supplier and its deliveries: award, delivery of a change request, the QA inspection
 * findings (QaSummary), acceptance and termination, and the supplier's contract API. Uses opportunity, proposal,
 * supplier, payment, procurement, repositoryhost (port) and common; never Camunda or an adapter.
 */
package ca.gc.microacquisition.contract;
