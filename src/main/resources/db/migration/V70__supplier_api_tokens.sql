-- Supplier API tokens: issued once after the password is checked, then sent as "Authorization: Bearer ...".
-- Only the SHA-256 of a token is stored. password_stamp is the SHA-256 of the supplier's password hash when the
-- token was issued: a token stops working as soon as the password changes (reset or change), wherever that happens.
-- Portable SQL for H2 2.x and PostgreSQL 15.

create table supplier_api_token (
    token_hash     varchar(64)              not null,
    supplier_id    uuid                     not null,
    password_stamp varchar(64)              not null,
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    constraint pk_supplier_api_token primary key (token_hash),
    constraint fk_supplier_api_token_supplier foreign key (supplier_id) references supplier (id)
);

create index ix_supplier_api_token_supplier on supplier_api_token (supplier_id, expires_at);
