-- How each supplier is paid: a connected account at the card processor (Stripe Connect, or the sandbox's), or a
-- PayPal address that finance pays by hand. Never card data. Portable SQL for H2 2.x and PostgreSQL 15.
create table supplier_payee (
    supplier_id       uuid                     not null,
    method            varchar(32)              not null,
    provider          varchar(16),
    account_id        varchar(255),
    details_submitted boolean                  not null,
    charges_enabled   boolean                  not null,
    payouts_enabled   boolean                  not null,
    ready             boolean                  not null,
    paypal_email      varchar(254),
    checked_at        timestamp with time zone,
    updated_at        timestamp with time zone not null,
    constraint pk_supplier_payee primary key (supplier_id),
    constraint fk_supplier_payee_supplier foreign key (supplier_id) references supplier (id),
    constraint ck_supplier_payee_method check (method in ('CONNECTED_ACCOUNT', 'PAYPAL'))
);

create index ix_supplier_payee_account_id on supplier_payee (account_id);

-- The sandbox card processor's connected accounts (what Stripe Connect keeps for the offline default).
create table sandbox_connected_account (
    id                 varchar(64)              not null,
    holder_reference   varchar(64)              not null,
    email              varchar(254)             not null,
    onboarding_token   varchar(64),
    return_url         varchar(1000),
    details_submitted  boolean                  not null,
    payouts_enabled    boolean                  not null,
    created_at         timestamp with time zone not null,
    completed_at       timestamp with time zone,
    constraint pk_sandbox_connected_account primary key (id),
    constraint uk_sandbox_connected_account_holder unique (holder_reference),
    constraint uk_sandbox_connected_account_token unique (onboarding_token)
);
