/**
 * Read-only views for auditors and finance: the audit trail and search of procurements from the engine's full
 * history and the domain tables, audit exports, finance reconciliation, pilot metrics and proactive disclosure.
 * Access is checked by AuditAccess. Uses the engine's history API (Camunda), common, payment, proposal and
 * identity; changes nothing.
 */
package ca.gc.microacquisition.audit;
