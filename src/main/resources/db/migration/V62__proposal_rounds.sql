-- A repost after "no proposals" or "none passing" opens a new round of proposals: the opportunity counts its rounds,
-- each proposal belongs to one, and a supplier may send one proposal per round (earlier rounds are archived).
alter table opportunity add column proposal_round integer default 1 not null;
alter table proposal add column proposal_round integer default 1 not null;
alter table proposal drop constraint uq_proposal_supplier;
alter table proposal add constraint uq_proposal_supplier_round unique (opportunity_id, proposal_round, supplier_id);
