-- API keys of the back-office API (/backoffice/v1): created by admins, shown once, kept only as a hash.
-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.
create table api_keys (
    -- public: names the key in the console and in logs (the secret part never is)
    id          varchar(32)  primary key,
    name        varchar(100) not null,
    -- lower-case hex SHA-256 of the whole key; the key itself is never stored
    secret_hash varchar(64)  not null unique,
    -- space-separated scopes: customers:read customers:write interactions:read callbacks:create campaigns:manage
    scopes      varchar(200) not null,
    -- requests per minute this key may make
    per_minute  integer      not null check (per_minute > 0),
    created_by  varchar(128) not null,
    created_at  timestamp with time zone not null,
    -- null while the key works; a revoked key stays listed
    revoked_at  timestamp with time zone,
    revoked_by  varchar(128)
);
