-- Every new version of a decision table (Eligibility, ContractSplitting, SplittingPolicy, QaGate, ...): who deployed
-- it, when, and what changed compared with the previous version. Written inside the engine's deployment, so a
-- deployment and its record commit or fail together. Read by auditors (GET /staff/rule-changes).

create table rule_change (
    id                      uuid                     not null,
    changed_at              timestamp with time zone not null,
    changed_by              varchar(255),
    decision_key            varchar(255)             not null,
    decision_name           varchar(255),
    version                 integer                  not null,
    previous_version        integer,
    decision_definition_id  varchar(64)              not null,
    deployment_id           varchar(64)              not null,
    deployment_name         varchar(255),
    resource_name           varchar(255)             not null,
    summary                 varchar(1000)            not null,
    changes                 varchar(1000000)         not null,
    constraint pk_rule_change primary key (id)
);

create index ix_rule_change_key_version on rule_change (decision_key, version);
create index ix_rule_change_changed_at on rule_change (changed_at);
