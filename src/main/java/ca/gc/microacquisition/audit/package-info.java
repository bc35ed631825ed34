/**
 * Read-only views for auditors and finance: the audit trail and search of procurements from the engine's full
 * history and the domain tables, audit exports, finance reconciliation, pilot metrics and proactive disclosure, and
 * the staff outbox page (through notification.NotificationLog). These are the staff pages under /staff (besides
 * rules' rule changes). Access is checked by AuditAccess. Uses the engine's history API (Camunda), common,
 * payment, proposal, opportunity and contract (the entities the metrics follow), notification and identity; changes
 * nothing but finance's refunds and the pilot metrics' running
 * totals (PilotTotals, kept current by PilotMetricsTracker from Hibernate's and the engine's history events).
 */
package ca.gc.microacquisition.audit;
