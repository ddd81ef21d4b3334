-- The email addresses customers are recognised by (the email channel's sender lookup), like customer_phones.
-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.
create table customer_emails (
    customer_id bigint       not null references customers (id) on delete cascade,
    -- lower case: addresses are matched without regard to case
    address     varchar(320) not null,
    primary key (customer_id, address)
);
create unique index customer_emails_address_uq on customer_emails (address);
