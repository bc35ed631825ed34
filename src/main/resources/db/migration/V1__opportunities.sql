-- Requests and posted opportunities, their evaluation criteria, suppliers' questions, and reference counters.

create table reference_counter (
    counter_year integer not null,
    last_number  integer not null,
    constraint pk_reference_counter primary key (counter_year)
);

create table opportunity (
    id                             uuid           not null,
    reference                      varchar(20)    not null,
    title                          varchar(200)   not null,
    summary                        varchar(1000)  not null,
    work_description               varchar(4000)  not null,
    acceptance_criteria            varchar(4000)  not null,
    skills                         varchar(4000),
    price                          numeric(12,2)  not null,
    currency                       varchar(3)     not null,
    security_classification        varchar(20)    not null,
    remote_work                    boolean        not null,
    repository_url                 varchar(500)   not null,
    repository_key                 varchar(500)   not null,
    licence                        varchar(100)   not null,
    contains_personal_information  boolean        not null,
    proposal_deadline              timestamp with time zone not null,
    delivery_days                  integer        not null,
    department                     varchar(100)   not null,
    team                           varchar(200)   not null,
    team_key                       varchar(200)   not null,
    requester                      varchar(100)   not null,
    status                         varchar(20)    not null,
    referral_reasons               varchar(4000),
    cancel_reason                  varchar(1000),
    cancelled_by                   varchar(100),
    created_at                     timestamp with time zone not null,
    posted_at                      timestamp with time zone,
    closed_at                      timestamp with time zone,
    awarded_at                     timestamp with time zone,
    completed_at                   timestamp with time zone,
    cancelled_at                   timestamp with time zone,
    version                        bigint         not null,
    constraint pk_opportunity primary key (id),
    constraint uq_opportunity_reference unique (reference),
    constraint ck_opportunity_price check (price > 0)
);

create index ix_opportunity_status on opportunity (status, proposal_deadline);
create index ix_opportunity_posted on opportunity (posted_at);

create table opportunity_criterion (
    opportunity_id  uuid          not null,
    position        integer       not null,
    criterion_id    varchar(10)   not null,
    criterion_text  varchar(4000) not null,
    constraint pk_opportunity_criterion primary key (opportunity_id, position),
    constraint fk_opportunity_criterion_opportunity foreign key (opportunity_id) references opportunity (id)
);

create table opportunity_question (
    id              uuid          not null,
    opportunity_id  uuid          not null,
    question        varchar(2000) not null,
    answer          varchar(4000),
    asked_at        timestamp with time zone not null,
    answered_at     timestamp with time zone,
    asked_by        uuid          not null,
    answered_by     varchar(100),
    constraint pk_opportunity_question primary key (id),
    constraint fk_opportunity_question_opportunity foreign key (opportunity_id) references opportunity (id)
);

create index ix_opportunity_question_opportunity on opportunity_question (opportunity_id, asked_at);
