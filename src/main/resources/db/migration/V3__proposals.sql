-- Proposals, their statements per criterion, voluntary self-identification (kept apart), evaluation results,
-- and the recorded random draws.

create table proposal (
    id               uuid         not null,
    opportunity_id   uuid         not null,
    supplier_id      uuid         not null,
    sequence_number  integer      not null,
    label            varchar(30)  not null,
    status           varchar(20)  not null,
    terms_accepted   boolean      not null,
    terms_version    varchar(20)  not null,
    submitted_at     timestamp with time zone not null,
    draw_rank        integer,
    skip_reason      varchar(1000),
    constraint pk_proposal primary key (id),
    constraint uq_proposal_supplier unique (opportunity_id, supplier_id),
    constraint uq_proposal_sequence unique (opportunity_id, sequence_number),
    constraint fk_proposal_opportunity foreign key (opportunity_id) references opportunity (id),
    constraint fk_proposal_supplier foreign key (supplier_id) references supplier (id)
);

create index ix_proposal_supplier on proposal (supplier_id, submitted_at);

create table proposal_statement (
    id              uuid          not null,
    proposal_id     uuid          not null,
    criterion_id    varchar(10)   not null,
    position        integer       not null,
    statement_text  varchar(4000) not null,
    constraint pk_proposal_statement primary key (id),
    constraint uq_proposal_statement unique (proposal_id, criterion_id),
    constraint fk_proposal_statement_proposal foreign key (proposal_id) references proposal (id)
);

create table proposal_self_identification (
    proposal_id                uuid          not null,
    first_government_contract  boolean,
    region                     varchar(100),
    small_business             boolean,
    freelancer                 boolean,
    under_represented_groups   varchar(1000),
    recorded_at                timestamp with time zone not null,
    constraint pk_proposal_self_identification primary key (proposal_id),
    constraint fk_proposal_self_identification_proposal foreign key (proposal_id) references proposal (id)
);

create table proposal_evaluation (
    id            uuid          not null,
    proposal_id   uuid          not null,
    criterion_id  varchar(10)   not null,
    passed        boolean       not null,
    rationale     varchar(4000) not null,
    evaluator     varchar(100)  not null,
    evaluated_at  timestamp with time zone not null,
    constraint pk_proposal_evaluation primary key (id),
    constraint uq_proposal_evaluation unique (proposal_id, criterion_id),
    constraint fk_proposal_evaluation_proposal foreign key (proposal_id) references proposal (id)
);

create table proposal_draw (
    id                    uuid          not null,
    opportunity_id        uuid          not null,
    seed                  bigint        not null,
    algorithm             varchar(200)  not null,
    input_proposal_ids    varchar(4000) not null,
    ordered_proposal_ids  varchar(4000) not null,
    drawn_at              timestamp with time zone not null,
    constraint pk_proposal_draw primary key (id),
    constraint fk_proposal_draw_opportunity foreign key (opportunity_id) references opportunity (id)
);

create index ix_proposal_draw_opportunity on proposal_draw (opportunity_id, drawn_at);
