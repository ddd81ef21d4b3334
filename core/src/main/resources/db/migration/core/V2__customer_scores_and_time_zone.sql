-- What call lists are segmented on: scores the analytics give each customer (value, loyalty, churnRisk, offer
-- propensity...) and the customer's time zone, so outbound calls keep to the customer's own calling hours.

-- IANA zone id, e.g. Asia/Tehran; null: the dialer's default zone applies
alter table customers add column time_zone varchar(64);

create table customer_scores (
    customer_id bigint       not null references customers (id) on delete cascade,
    name        varchar(64)  not null,
    score       double precision not null,
    primary key (customer_id, name)
);
create index customer_scores_name_score on customer_scores (name, score);
