-- Payment attempts: one idempotency key per contract and attempt, stored before the card processor is called.

create table payment (
    id                  uuid           not null,
    contract_id         uuid           not null,
    attempt             integer        not null,
    idempotency_key     varchar(100)   not null,
    amount              numeric(12,2)  not null,
    currency            varchar(3)     not null,
    payment_method      varchar(200),
    status              varchar(20)    not null,
    provider_reference  varchar(200),
    decline_code        varchar(100),
    message             varchar(1000),
    recorded_by         varchar(100),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint         not null,
    constraint pk_payment primary key (id),
    constraint uq_payment_idempotency_key unique (idempotency_key),
    constraint uq_payment_attempt unique (contract_id, attempt),
    constraint fk_payment_contract foreign key (contract_id) references contract (id)
);
