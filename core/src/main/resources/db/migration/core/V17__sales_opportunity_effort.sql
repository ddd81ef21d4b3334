-- The contacts and talk time behind each sales opportunity, kept with it (cc.core.adapter.jdbc.JdbcSalesEffort):
-- the calls with its customer offered between its creation and its close (open: from its creation on). The
-- pipeline report reads these instead of every call of every customer with an opportunity (a million calls behind
-- a hundred thousand opportunities took tens of seconds to read). A stored call adds itself to the opportunities it
-- falls in; an opportunity saved, or its customer merged, is counted again from the calls. Rows written past the
-- stores (loaders, and every row stored before this version) stay effort_counted = false until the next pipeline
-- report counts them. Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.
alter table sales_opportunities add column contacts bigint not null default 0;
-- microseconds, the precision times are stored in, so that sums stay exact
alter table sales_opportunities add column talk_micros bigint not null default 0;
alter table sales_opportunities add column effort_counted boolean not null default false;
create index sales_opportunities_uncounted_idx on sales_opportunities (effort_counted, customer_id);

-- Each call's talk time as the pipeline counts it (its ended talk segments; before segments, answer to end), in
-- microseconds, written with the call by the interaction store, so that the few calls the report still reads need
-- no segments. Null where a loader wrote the call past the store or it was stored before this version: counting an
-- opportunity's effort fills it for its customer's calls.
alter table interactions add column talk_micros bigint;
