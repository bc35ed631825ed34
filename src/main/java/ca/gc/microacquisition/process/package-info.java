/**
 * Where the domain meets the engine: the delegates and listeners of MicroProcurement, the process variables
 * (Vars), form checks, the task contracts and the duty table (Duties, DutyRule) that say who may act on each task,
 * engine plugins (duties, task names, sensitive history), and OpportunityLifecycle (the public moments of an
 * opportunity — posted, awarded, cancelled, closed without a supplier — with their announcement in the open
 * repository), which only the delegates use. Implements procurement.ProcurementEvents. The only
 * feature package that uses Camunda and the domain together: uses opportunity, proposal, contract, payment, payee,
 * splitting, procurement, notification and repositoryhost (ports), identity and common.
 */
package ca.gc.microacquisition.process;
