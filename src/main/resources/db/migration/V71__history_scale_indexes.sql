-- Indexes for reading a long history (bench/scale.sh, 100,000 past procurements). Portable SQL for H2 2.x and
-- PostgreSQL 15.

-- The audit search orders by the request date (newest first) and bounds it by a date range; the pilot metrics and
-- the open-data export bound their period by it too. No index started with created_at (the splitting indexes start
-- with the team or the repository).
create index ix_opportunity_created_at on opportunity (created_at);
