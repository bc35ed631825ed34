-- Indexes for the contract-splitting guardrail's queries (same team, same repository, same supplier, in a window).

create index ix_opportunity_team_created on opportunity (department, team_key, created_at);
create index ix_opportunity_repository_created on opportunity (repository_key, created_at);
create index ix_opportunity_team_awarded on opportunity (department, team_key, awarded_at);
create index ix_opportunity_repository_url on opportunity (repository_url);
create index ix_contract_supplier_awarded on contract (supplier_id, awarded_at);
