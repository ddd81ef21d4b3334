-- Each sink's place in the outbox (core's outbox_events): the last seq it delivered, parked or passed. The relay moves
-- it only after the sink took the batch, so a crash between delivery and this update delivers the batch again (at
-- least once). Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.
create table outbox_cursors (
    -- the sink's stable name: webhook:crm, kafka
    sink       varchar(120) primary key,
    seq        bigint       not null,
    updated_at timestamp with time zone not null
);
