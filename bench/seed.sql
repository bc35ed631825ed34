-- Seeds :n past procurements (default 100000) into a service database on PostgreSQL, for the scale checks
-- (bench/scale.sh). Fast path: set-based SQL with generate_series, no engine, no HTTP — 100,000 procurements take
-- well under a minute. What is written, per procurement:
--   service tables  opportunity (COMPLETED, spread over the last 3 years, 1 in 10 teams, 1 in 3 repositories shared),
--                   proposal (SELECTED), contract (CLOSED), payment (SUCCEEDED), self-identification;
--                   n/5 suppliers;
--   engine history  act_hi_procinst (MicroProcurement, COMPLETED, business key = reference), its start and end
--                   act_hi_actinst rows and the paymentStatus act_hi_varinst row.
-- References are SD-0000001…, e-mails seed-…@example.invalid: the seed never collides with real data and
-- bench/scale.sh removes it with :remove (psql -v remove=1).
--
--   psql -h localhost -U postgres -d <database> -v n=100000 -f bench/seed.sql
\set ON_ERROR_STOP on
\if :{?n}
\else
  \set n 100000
\endif
\if :{?remove}
delete from act_hi_varinst where proc_inst_id_ like 'seed-%';
delete from act_hi_actinst where proc_inst_id_ like 'seed-%';
delete from act_hi_procinst where id_ like 'seed-%';
delete from payment where idempotency_key like 'seed-%';
delete from contract where terms_version = 'seed';
delete from proposal_self_identification where proposal_id in (select id from proposal where terms_version = 'seed');
delete from proposal where terms_version = 'seed';
delete from opportunity where reference like 'SD-%';
delete from supplier where email like 'seed-%@example.invalid';
\quit
\endif

begin;
select id_ as procdef from act_re_procdef where key_ = 'MicroProcurement' order by version_ desc limit 1 \gset

insert into supplier (id, email, password_hash, display_name, language, age_of_majority, residency_status,
                      can_accept_card_or_paypal, created_at)
select md5('seed-supplier-' || s)::uuid, 'seed-' || s || '@example.invalid',
       '$2a$10$seedseedseedseedseedseOq2N6qSg6sJ5m3kHn1d2QmF7a5v8y0C', 'Seed supplier ' || s,
       case when s % 4 = 0 then 'fr' else 'en' end, true, 'CITIZEN', true, now() - interval '4 years'
from generate_series(1, greatest(:n / 5, 1)) s;

create temporary table seed on commit drop as
select i,
       md5('seed-opportunity-' || i)::uuid as opportunity_id,
       md5('seed-proposal-' || i)::uuid as proposal_id,
       md5('seed-contract-' || i)::uuid as contract_id,
       md5('seed-supplier-' || (1 + i % greatest(:n / 5, 1)))::uuid as supplier_id,
       'SD-' || lpad(i::text, 7, '0') as reference,
       'Seed team ' || (i % greatest(:n / 10, 1)) as team,
       'local://seed/r' || (i % greatest(:n / 3, 1)) as repository,
       (500 + (i * 37) % 9000)::numeric(12, 2) as price,
       now() - interval '2 days' - (i::double precision / :n) * interval '1095 days' as created_at
from generate_series(1, :n) i;

insert into opportunity (id, reference, title, summary, work_description, acceptance_criteria, skills, price, currency,
                         security_classification, remote_work, repository_url, repository_key, licence,
                         contains_personal_information, proposal_deadline, delivery_days, department, team, team_key,
                         requester, status, created_at, posted_at, closed_at, awarded_at, completed_at, version,
                         test_opportunity)
select opportunity_id, reference, 'Seeded past request ' || i, 'A past request for the scale checks.',
       'Work described here.', 'Tests pass', 'Java', price, 'CAD', 'UNCLASSIFIED', true, repository, repository,
       'MIT', false, created_at + interval '7 days', 10, 'ESDC', team, lower(team), 'requester' || (i % 50),
       'COMPLETED', created_at, created_at + interval '1 day', created_at + interval '7 days',
       created_at + interval '8 days', created_at + interval '15 days', 0, false
from seed;

insert into proposal (id, opportunity_id, supplier_id, sequence_number, label, status, terms_accepted, terms_version,
                      submitted_at)
select proposal_id, opportunity_id, supplier_id, 1, 'Proposal A', 'SELECTED', true, 'seed', created_at + interval '3 days'
from seed;

insert into proposal_self_identification (proposal_id, first_government_contract, region, small_business, freelancer,
                                          recorded_at)
select proposal_id, i % 3 = 0, 'Ontario', i % 2 = 0, i % 5 = 0, created_at + interval '3 days'
from seed where i % 2 = 0;

insert into contract (id, opportunity_id, proposal_id, supplier_id, price, currency, terms_version, licence, awarded_at,
                      due_date, status, accepted_at, accepted_by, closed_at, version)
select contract_id, opportunity_id, proposal_id, supplier_id, price, 'CAD', 'seed', 'MIT',
       created_at + interval '8 days', created_at + interval '18 days', 'CLOSED', created_at + interval '14 days',
       'requester', created_at + interval '15 days', 0
from seed;

insert into payment (id, contract_id, attempt, idempotency_key, amount, currency, payment_method, status,
                     provider_reference, created_at, updated_at, version)
select md5('seed-payment-' || i)::uuid, contract_id, 1, 'seed-' || i, price, 'CAD', 'pm_card_visa', 'SUCCEEDED',
       'seed-charge-' || i, created_at + interval '14 days', created_at + interval '14 days', 0
from seed;

insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
                             duration_, start_user_id_, start_act_id_, end_act_id_, root_proc_inst_id_, state_)
select 'seed-' || i, 'seed-' || i, reference, 'MicroProcurement', :'procdef', created_at,
       created_at + interval '15 days', 15 * 86400000, 'requester', 'StartEvent_RequestSubmitted',
       'EndEvent_Completed', 'seed-' || i, 'COMPLETED'
from seed;

insert into act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                            execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_, duration_,
                            act_inst_state_, sequence_counter_)
select 'seed-' || i || '-' || a.n, 'seed-' || i, 'MicroProcurement', :'procdef', 'seed-' || i, 'seed-' || i,
       'seed-' || i, a.act, a.act, a.kind, created_at + a.offs, created_at + a.offs, 0, 1, a.n
from seed cross join (values (1, 'StartEvent_RequestSubmitted', 'startEvent', interval '0'),
                             (2, 'EndEvent_Completed', 'noneEndEvent', interval '15 days')) a(n, act, kind, offs);

insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_,
                            act_inst_id_, name_, var_type_, create_time_, rev_, text_, state_)
select 'seed-' || i || '-pay', 'MicroProcurement', :'procdef', 'seed-' || i, 'seed-' || i, 'seed-' || i,
       'seed-' || i, 'paymentStatus', 'string', created_at + interval '14 days', 0, 'SUCCEEDED', 'CREATED'
from seed;
commit;
analyze opportunity; analyze proposal; analyze contract; analyze payment; analyze supplier;
analyze act_hi_procinst; analyze act_hi_actinst; analyze act_hi_varinst;
select count(*) as seeded_procurements from opportunity where reference like 'SD-%';
