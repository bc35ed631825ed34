/**
 * The seam between the domain and the running procurement: ProcurementEvents (what the domain tells the process,
 * implemented in process) and OpportunityLifecycle (the public moments of an opportunity and their announcement in
 * the open repository). Uses opportunity, contract, notification and repositoryhost (ports).
 */
package ca.gc.microacquisition.procurement;
