-- Pilot metrics kept as running totals (audit.PilotTotals): the cost of the metrics follows the number of days and
-- histogram buckets in the period asked for, not the number of past procurements. Every figure is the sum of each
-- procurement's contribution, recomputed from the service tables and the decision history whenever the
-- procurement changes (audit.PilotMetricsTracker), and rebuilt from scratch by PilotTotals.rebuild (first start,
-- POST /staff/metrics/rebuild after a bulk import).

-- One row per opportunity touched since the last rebuild: its contribution (counted = false: none, e.g. a test
-- opportunity). The row is also the lock that orders concurrent updates of one procurement's contribution.
create table pilot_procurement (
    opportunity_id        uuid          not null,
    counted               boolean       not null,
    request_day           date,
    posted                integer       not null default 0,
    eligibility_checked   integer       not null default 0,
    eligible              integer       not null default 0,
    splitting_checked     integer       not null default 0,
    splitting_flagged     integer       not null default 0,
    proposals             integer       not null default 0,
    first_time_suppliers  integer       not null default 0,
    contracts             integer       not null default 0,
    awarded_value         numeric(14,2) not null default 0,
    paid_value            numeric(14,2) not null default 0,
    seconds_to_posting    bigint,
    seconds_to_award      bigint,
    seconds_to_acceptance bigint,
    seconds_to_payment    bigint,
    si_respondents        integer       not null default 0,
    si_first_yes          integer       not null default 0,
    si_first_no           integer       not null default 0,
    si_first_unanswered   integer       not null default 0,
    si_small_yes          integer       not null default 0,
    si_small_no           integer       not null default 0,
    si_small_unanswered   integer       not null default 0,
    si_freelancer_yes     integer       not null default 0,
    si_freelancer_no      integer       not null default 0,
    si_freelancer_unanswered integer    not null default 0,
    constraint pk_pilot_procurement primary key (opportunity_id)
);
create index ix_pilot_procurement_day on pilot_procurement (request_day);

-- Self-identification answers with a free value (region, under-represented group), counted per procurement.
create table pilot_procurement_value (
    opportunity_id  uuid          not null,
    kind            varchar(10)   not null,
    val             varchar(1000) not null,
    n               integer       not null,
    constraint pk_pilot_procurement_value primary key (opportunity_id, kind, val)
);

-- The suppliers who proposed on a counted procurement, by request day: unique suppliers of a period.
create table pilot_procurement_supplier (
    opportunity_id  uuid    not null,
    supplier_id     uuid    not null,
    request_day     date    not null,
    constraint pk_pilot_procurement_supplier primary key (opportunity_id, supplier_id)
);
create index ix_pilot_procurement_supplier_day on pilot_procurement_supplier (request_day, supplier_id);

-- The additive figures per request day (days in the service's time zone).
create table pilot_metrics_day (
    request_day           date          not null,
    requests              bigint        not null default 0,
    posted                bigint        not null default 0,
    eligibility_checked   bigint        not null default 0,
    eligible              bigint        not null default 0,
    splitting_checked     bigint        not null default 0,
    splitting_flagged     bigint        not null default 0,
    proposals             bigint        not null default 0,
    first_time_suppliers  bigint        not null default 0,
    contracts             bigint        not null default 0,
    awarded_value         numeric(16,2) not null default 0,
    paid_value            numeric(16,2) not null default 0,
    reached_posting       bigint        not null default 0,
    reached_award         bigint        not null default 0,
    reached_acceptance    bigint        not null default 0,
    reached_payment       bigint        not null default 0,
    si_respondents        bigint        not null default 0,
    si_first_yes          bigint        not null default 0,
    si_first_no           bigint        not null default 0,
    si_first_unanswered   bigint        not null default 0,
    si_small_yes          bigint        not null default 0,
    si_small_no           bigint        not null default 0,
    si_small_unanswered   bigint        not null default 0,
    si_freelancer_yes     bigint        not null default 0,
    si_freelancer_no      bigint        not null default 0,
    si_freelancer_unanswered bigint     not null default 0,
    constraint pk_pilot_metrics_day primary key (request_day)
);

create table pilot_metrics_day_value (
    request_day  date          not null,
    kind         varchar(10)   not null,
    val          varchar(1000) not null,
    n            bigint        not null,
    constraint pk_pilot_metrics_day_value primary key (request_day, kind, val)
);

-- Durations (request to milestone, whole seconds) as log-scale histograms per day (D), month (M) and year (Y) of
-- request: bucket 0 holds 0 s, bucket b >= 1 holds [1.01^(b-1), 1.01^b) s.
create table pilot_metrics_histogram (
    period        char(1)   not null,
    period_start  date      not null,
    milestone     smallint  not null,
    bucket        integer   not null,
    n             bigint    not null,
    constraint pk_pilot_metrics_histogram primary key (period, period_start, milestone, bucket)
);

-- When the totals were last rebuilt, and for which time zone (another zone moves requests to other days).
create table pilot_metrics_state (
    id          integer     not null,
    zone        varchar(64),
    rebuilt_at  timestamp with time zone,
    constraint pk_pilot_metrics_state primary key (id)
);
insert into pilot_metrics_state (id) values (1);
