-- The manager's funds commitment (FAA s.32) for a request: financial coding and the card that will pay.
-- Kept here rather than in the process, so the card is not shown to every person who opens a task form.

create table funds_commitment (
    opportunity_id      uuid           not null,
    financial_coding    varchar(100)   not null,
    payment_method      varchar(200)   not null,
    committed_by        varchar(100)   not null,
    committed_at        timestamp with time zone not null,
    card_changed_by     varchar(100),
    card_changed_at     timestamp with time zone,
    version             bigint         not null,
    constraint pk_funds_commitment primary key (opportunity_id),
    constraint fk_funds_commitment_opportunity foreign key (opportunity_id) references opportunity (id)
);
