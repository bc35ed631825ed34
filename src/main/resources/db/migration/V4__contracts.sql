-- Contracts awarded to proposals, the deliveries (pull/merge requests) and what QA found on them.

create table contract (
    id                  uuid           not null,
    opportunity_id      uuid           not null,
    proposal_id         uuid           not null,
    supplier_id         uuid           not null,
    price               numeric(12,2)  not null,
    currency            varchar(3)     not null,
    terms_version       varchar(20)    not null,
    licence             varchar(100)   not null,
    awarded_at          timestamp with time zone not null,
    due_date            timestamp with time zone not null,
    status              varchar(20)    not null,
    accepted_at         timestamp with time zone,
    accepted_by         varchar(100),
    terminated_at       timestamp with time zone,
    termination_reason  varchar(1000),
    closed_at           timestamp with time zone,
    version             bigint         not null,
    constraint pk_contract primary key (id),
    constraint uq_contract_proposal unique (proposal_id),
    constraint fk_contract_opportunity foreign key (opportunity_id) references opportunity (id),
    constraint fk_contract_proposal foreign key (proposal_id) references proposal (id),
    constraint fk_contract_supplier foreign key (supplier_id) references supplier (id)
);

create index ix_contract_opportunity on contract (opportunity_id, awarded_at);

create table delivery (
    id                    uuid          not null,
    contract_id           uuid          not null,
    supplier_id           uuid          not null,
    pull_request_url      varchar(500)  not null,
    status                varchar(20)   not null,
    submitted_at          timestamp with time zone not null,
    inspected_at          timestamp with time zone,
    change_request_state  varchar(20),
    head_sha              varchar(64),
    checks_outcome        varchar(20),
    licence_file_present  boolean,
    licence_spdx_id       varchar(100),
    licence_matches       boolean,
    scanning_available    boolean,
    scanning_note         varchar(1000),
    critical_findings     integer       not null,
    high_findings         integer       not null,
    medium_findings       integer       not null,
    low_findings          integer       not null,
    secrets_found         integer       not null,
    feedback              varchar(4000),
    feedback_by           varchar(100),
    feedback_at           timestamp with time zone,
    constraint pk_delivery primary key (id),
    constraint fk_delivery_contract foreign key (contract_id) references contract (id)
);

create index ix_delivery_contract on delivery (contract_id, submitted_at);

create table delivery_finding (
    id           uuid          not null,
    delivery_id  uuid          not null,
    position     integer       not null,
    tool         varchar(100)  not null,
    rule_id      varchar(200),
    severity     varchar(20)   not null,
    message      varchar(2000),
    file_path    varchar(1000),
    line_number  integer       not null,
    constraint pk_delivery_finding primary key (id),
    constraint fk_delivery_finding_delivery foreign key (delivery_id) references delivery (id)
);

create index ix_delivery_finding_delivery on delivery_finding (delivery_id, position);
