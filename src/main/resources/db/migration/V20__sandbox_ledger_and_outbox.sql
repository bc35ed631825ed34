-- Offline adapters: the sandbox card processor's ledger and the notification outbox.
-- Portable SQL for H2 2.x and PostgreSQL 15.

-- One row per charge or refund the sandbox card processor answered; never updated.
create table sandbox_card_charge (
    id                    uuid                     not null,
    idempotency_key       varchar(255)             not null,
    kind                  varchar(16)              not null,
    charge_id             uuid,
    amount                numeric(12, 2),
    currency              varchar(16),
    payment_method_masked varchar(64),
    status                varchar(16)              not null,
    decline_code          varchar(64),
    description           varchar(500),
    payee_reference       varchar(255),
    created_at            timestamp with time zone not null,
    constraint pk_sandbox_card_charge primary key (id),
    constraint uk_sandbox_card_charge_idempotency_key unique (idempotency_key),
    constraint ck_sandbox_card_charge_kind check (kind in ('CHARGE', 'REFUND')),
    constraint ck_sandbox_card_charge_status check (status in ('SUCCEEDED', 'DECLINED', 'REFUNDED')),
    constraint fk_sandbox_card_charge_charge foreign key (charge_id) references sandbox_card_charge (id)
);

create index ix_sandbox_card_charge_charge_id on sandbox_card_charge (charge_id);
create index ix_sandbox_card_charge_created_at on sandbox_card_charge (created_at);

-- Messages to people, stored in the transaction of the change they report; a sender sets sent_at.
create table notification_outbox (
    id         uuid                     not null,
    recipient  varchar(320)             not null,
    language   varchar(8)               not null,
    subject    varchar(1000)            not null,
    body       varchar(100000)          not null,
    reference  varchar(64),
    kind       varchar(64)              not null,
    channel    varchar(32)              not null,
    created_at timestamp with time zone not null,
    sent_at    timestamp with time zone,
    constraint pk_notification_outbox primary key (id)
);

create index ix_notification_outbox_created_at on notification_outbox (created_at);
create index ix_notification_outbox_reference on notification_outbox (reference);
create index ix_notification_outbox_recipient on notification_outbox (recipient);
