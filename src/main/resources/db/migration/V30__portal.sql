-- Supplier portal: French versions of what a requester writes, test opportunities, e-mail subscriptions,
-- proposal drafts and password resets. Portable SQL for H2 2.x and PostgreSQL 15.

alter table opportunity add column title_fr varchar(200);
alter table opportunity add column summary_fr varchar(1000);
alter table opportunity add column acceptance_criteria_fr varchar(4000);
alter table opportunity add column evaluation_criteria_fr varchar(4000);
-- A test opportunity runs through the process like any other but never appears on a public page, in the API,
-- the feed or the static export.
alter table opportunity add column test_opportunity boolean default false not null;

-- E-mail subscribers to new opportunities (double opt-in).
create table subscription (
    id              uuid                     not null,
    email           varchar(254)             not null,
    language        varchar(2)               not null,
    token           varchar(64)              not null,
    status          varchar(20)              not null,
    created_at      timestamp with time zone not null,
    confirmed_at    timestamp with time zone,
    unsubscribed_at timestamp with time zone,
    constraint pk_subscription primary key (id),
    constraint uq_subscription_email unique (email),
    constraint uq_subscription_token unique (token),
    constraint ck_subscription_status check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED'))
);

-- A supplier's unfinished proposal for an opportunity (one per supplier and opportunity).
create table proposal_draft (
    id             uuid                     not null,
    opportunity_id uuid                     not null,
    supplier_id    uuid                     not null,
    content        varchar(40000)           not null,
    updated_at     timestamp with time zone not null,
    constraint pk_proposal_draft primary key (id),
    constraint uq_proposal_draft unique (opportunity_id, supplier_id),
    constraint fk_proposal_draft_opportunity foreign key (opportunity_id) references opportunity (id),
    constraint fk_proposal_draft_supplier foreign key (supplier_id) references supplier (id)
);

-- Password reset links: only a hash of the token is kept; a link works once, for one hour.
create table password_reset (
    token_hash  varchar(64)              not null,
    supplier_id uuid                     not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    constraint pk_password_reset primary key (token_hash),
    constraint fk_password_reset_supplier foreign key (supplier_id) references supplier (id)
);
