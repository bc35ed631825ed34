-- The full body of an outbox message that holds a one-time secret (reset, confirmation or unsubscribe link),
-- sealed with AES-GCM (app.notify.sealing-key) until the sender delivers it; null otherwise and once sent.
-- The body column keeps the copy staff may read, with the secrets hidden. Portable SQL for H2 2.x and PostgreSQL 15.

alter table notification_outbox add column sealed_body varchar(500000);
