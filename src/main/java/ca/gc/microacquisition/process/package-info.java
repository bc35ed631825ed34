/**
 * Where the domain meets the engine: the delegates and listeners of MicroProcurement, the process variables
 * (Vars), form checks, the task contracts and the duty table (Duties, DutyRule) that say who may act on each task,
 * and engine plugins (duties, task names, sensitive history). Implements procurement.ProcurementEvents. The only
 * feature package that uses Camunda and the domain together: uses opportunity, proposal, contract, payment, payee,
 * splitting, procurement, identity and common.
 */
package ca.gc.microacquisition.process;
