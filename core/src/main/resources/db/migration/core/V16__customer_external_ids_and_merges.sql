-- Customers as the systems around the center know them (back-office API): a source system (a CRM, an ERP) upserts a
-- customer by its own id for it, unique per source system; a duplicate merged into another keeps its row (and its
-- external id, so the source system is told where it went) and points to the customer kept.
-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.

-- the source system's name (crm, erp); null for customers made here (the console, the IVR's imports)
alter table customers add column external_source varchar(64);
-- the source system's id for the customer; null exactly when external_source is
alter table customers add column external_id varchar(128);
alter table customers add constraint customers_external_pair
    check ((external_source is null and external_id is null) or (external_source is not null and external_id is not null));
-- nulls do not collide, so customers without an external id are not limited
create unique index customers_external_uq on customers (external_source, external_id);

-- the customer this one was merged into; null while it stands on its own
alter table customers add column merged_into bigint references customers (id);
alter table customers add column merged_at timestamp with time zone;
create index customers_merged_into_idx on customers (merged_into);
