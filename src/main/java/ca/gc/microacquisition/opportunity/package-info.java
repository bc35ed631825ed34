/**
 * The opportunity: a request for work (RequestDetails, criteria, security classification), its reference number,
 * its posting, due dates and state changes, suppliers' questions, its public text, the repository check, and the
 * public opportunity API. Declares ProposalsReceived (a port the proposal package implements) and publishes
 * OpportunityStateChanged and OpportunityWithdrawn. Uses supplier, procurement, repositoryhost (port) and common;
 * never Camunda or an adapter.
 */
package ca.gc.microacquisition.opportunity;
