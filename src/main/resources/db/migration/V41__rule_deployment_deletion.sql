-- Every deletion of a deployment (only administrators, or the service itself, may delete one): who (null for the
-- service itself), when, which deployment, with which
-- decisions, and whether its instances and history went with it (cascade). Written in the same transaction as the
-- deletion. Read by auditors with the rule changes (GET /staff/rule-changes/deletions).

create table rule_deployment_deletion (
    id               uuid                     not null,
    deleted_at       timestamp with time zone not null,
    deleted_by       varchar(255),
    deployment_id    varchar(64)              not null,
    deployment_name  varchar(255),
    deployed_at      timestamp with time zone,
    decisions        varchar(4000)            not null,
    resources        varchar(4000)            not null,
    cascade_delete   boolean                  not null,
    constraint pk_rule_deployment_deletion primary key (id)
);

create index ix_rule_deployment_deletion_at on rule_deployment_deletion (deleted_at);
