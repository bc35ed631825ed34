/**
 * The seam between the domain and the running procurement: ProcurementEvents, the port through which opportunity,
 * proposal and contract tell the process what happened (implemented in process by CamundaProcurementEvents). Uses
 * nothing else of the application.
 */
package ca.gc.microacquisition.procurement;
