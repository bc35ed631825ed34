-- A refund keeps its own facts next to the charge it cancels, for finance's reconciliation and the audit trail.
alter table payment add column refund_reference varchar(200);
alter table payment add column refund_reason varchar(500);
alter table payment add column refunded_by varchar(100);
alter table payment add column refunded_at timestamp with time zone;
