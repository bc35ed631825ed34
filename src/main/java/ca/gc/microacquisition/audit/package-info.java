/**
 * Read-only views for auditors and finance: the audit trail and search of procurements from the engine's full
 * history and the domain tables, audit exports, finance reconciliation, pilot metrics and proactive disclosure, and
 * the staff outbox page (through notification.NotificationLog). These are the staff pages under /staff (besides
 * rules' rule changes). Access is checked by AuditAccess. Uses the engine's history API (Camunda), common,
 * payment, proposal, notification and identity; changes nothing but finance's refunds.
 */
package ca.gc.microacquisition.audit;
