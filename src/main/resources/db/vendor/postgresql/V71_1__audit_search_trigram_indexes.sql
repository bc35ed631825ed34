-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}): the audit search matches a reference, a
-- requester or a supplier's name or e-mail anywhere in the value (lower(x) like '%term%'), which no B-tree index
-- can serve; trigram indexes can. pg_trgm is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;

create index ix_opportunity_reference_trgm on opportunity using gin (lower(reference) gin_trgm_ops);
create index ix_opportunity_requester_trgm on opportunity using gin (lower(requester) gin_trgm_ops);
create index ix_supplier_display_name_trgm on supplier using gin (lower(display_name) gin_trgm_ops);
create index ix_supplier_email_trgm on supplier using gin (lower(email) gin_trgm_ops);
