-- Closed days' report totals, so a month's report reads a few thousand stored rows instead of every call: the report
-- engine's figures per 15 minutes (grain 'quarter') and per day (grain 'day', the day's slots summed), written by
-- the server's totals job (ReportTotalsJob) and read for the days listed in report_days. Every figure is a count or
-- a summed time (nanoseconds), so an hour, day, week or month is the sum of its rows.

-- one row per stored day of the report zone
create table report_days (
    report_day  date primary key,
    -- the zone the day was cut in (reports.zone); another zone's totals are computed again, not read
    zone        varchar(64) not null,
    day_start   timestamp with time zone not null,
    day_end     timestamp with time zone not null,
    computed_at timestamp with time zone not null,
    -- true once the repeat window of the day's calls had passed when computed: its first-contact resolution is final
    fcr_settled boolean not null
);

create table report_queue_totals (
    grain                 varchar(8)   not null,
    slot_start            timestamp with time zone not null,
    queue                 varchar(128) not null,
    offered               bigint not null,
    answered              bigint not null,
    answered_in_threshold bigint not null,
    abandoned             bigint not null,
    short_abandoned       bigint not null,
    overflowed            bigint not null,
    answer_wait_ns        bigint not null,
    talk_ns               bigint not null,
    hold_ns               bigint not null,
    wrap_up_ns            bigint not null,
    transfers_out         bigint not null,
    resolvable            bigint not null,
    resolved_first_time   bigint not null,
    primary key (grain, slot_start, queue)
);

-- an agent's calls and time per state in a slot: the states the ACD knows in columns, any other state and the
-- paused time per reason code as a list "name=nanoseconds;..." (names URL-encoded)
create table report_agent_totals (
    grain          varchar(8)   not null,
    slot_start     timestamp with time zone not null,
    agent_id       varchar(128) not null,
    calls_handled  bigint not null,
    talk_ns        bigint not null,
    hold_ns        bigint not null,
    wrap_up_ns     bigint not null,
    transfers      bigint not null,
    logged_out_ns  bigint not null,
    available_ns   bigint not null,
    reserved_ns    bigint not null,
    ringing_ns     bigint not null,
    on_call_ns     bigint not null,
    wrap_up_state_ns bigint not null,
    paused_ns      bigint not null,
    other_states   varchar(4000) not null,
    pause_reasons  varchar(4000) not null,
    primary key (grain, slot_start, agent_id)
);

-- calls that ended in the IVR, per flow and the node they left from
create table report_ivr_totals (
    grain      varchar(8)   not null,
    slot_start timestamp with time zone not null,
    flow       varchar(128) not null,
    exit_node  varchar(128) not null,
    contained  bigint not null,
    hung_up    bigint not null,
    primary key (grain, slot_start, flow, exit_node)
);

-- answered calls of days whose first-contact resolution was not settled, counted resolved so far: a report takes
-- them back and checks the contacts written since (customer:<id> or number:<caller number>)
create table report_open_first_contacts (
    report_day  date         not null,
    contact_key varchar(200) not null,
    offered_at  timestamp with time zone not null,
    queue       varchar(128) not null
);
create index report_open_first_contacts_key_idx on report_open_first_contacts (contact_key, offered_at);
create index report_open_first_contacts_day_idx on report_open_first_contacts (report_day);
