-- Supplier accounts with their eligibility declarations.

create table supplier (
    id                         uuid          not null,
    email                      varchar(254)  not null,
    password_hash              varchar(100)  not null,
    display_name               varchar(200)  not null,
    language                   varchar(2)    not null,
    age_of_majority            boolean       not null,
    residency_status           varchar(30)   not null,
    can_accept_card_or_paypal  boolean       not null,
    created_at                 timestamp with time zone not null,
    constraint pk_supplier primary key (id),
    constraint uq_supplier_email unique (email)
);
