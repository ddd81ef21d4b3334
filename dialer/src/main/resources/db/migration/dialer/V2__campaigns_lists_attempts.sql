-- Campaigns, their call lists, where each contact stands, and one row per dial attempt: what the dialer needs to
-- resume after a restart and what the day reports are computed from.

-- The definition is kept as the fields the campaign manager gave; list ids, days off, holidays and retry delays in
-- plain text columns (comma-separated, delays as outcome=ISO-8601 duration) so both databases read them alike.
create table dialer_campaigns (
    id                     varchar(64)   primary key,
    name                   varchar(200)  not null,
    list_ids               varchar(2000) not null,
    mode                   varchar(16)   not null,
    first_day              date          not null,
    last_day               date          not null,
    opens                  time          not null,
    closes                 time          not null,
    days_off               varchar(100)  not null,
    holidays               varchar(4000) not null,
    retry_delays           varchar(400)  not null,
    max_attempts           integer       not null,
    currency               varchar(3)    not null,
    cost_per_dial          numeric(19, 6) not null,
    cost_per_minute        numeric(19, 6) not null,
    revenue_per_conversion numeric(19, 6) not null,
    regulator              varchar(16)   not null,
    max_lines              integer       not null,
    queue                  varchar(128)  not null,
    machine_action         varchar(16)   not null,
    status                 varchar(16)   not null,
    changed_at             timestamp with time zone not null,
    changed_by             varchar(128)  not null
);

create table dialer_lists (
    id         varchar(64)  primary key,
    name       varchar(200) not null,
    source     varchar(16)  not null,
    contacts   integer      not null,
    created_at timestamp with time zone not null,
    created_by varchar(128) not null
);

create table dialer_list_contacts (
    list_id     varchar(64)  not null references dialer_lists (id) on delete cascade,
    contact_id  varchar(64)  not null,
    phone       varchar(32)  not null,
    name        varchar(200) not null,
    time_zone   varchar(64)  not null,
    score       double precision not null,
    customer_id bigint,
    primary key (list_id, contact_id)
);

-- One row per contact a campaign has dialled: attempts so far, when it may be tried again, whether it is done.
create table dialer_contact_progress (
    campaign_id  varchar(64) not null,
    contact_id   varchar(64) not null,
    attempts     integer     not null,
    last_outcome varchar(16),
    retry_at     timestamp with time zone,
    callback_at  timestamp with time zone,
    finished     boolean     not null,
    primary key (campaign_id, contact_id)
);

-- One row per dial attempt, written when it is placed and updated as it goes (answered, connected, ended).
create table dialer_attempts (
    campaign_id         varchar(64)  not null,
    attempt_id          bigint       not null,
    contact_id          varchar(64)  not null,
    number              varchar(32)  not null,
    placed_at           timestamp with time zone not null,
    answered_at         timestamp with time zone,
    connected_at        timestamp with time zone,
    ended_at            timestamp with time zone,
    outcome             varchar(16),
    agent_id            varchar(128),
    interaction_id      varchar(64),
    talk_seconds        double precision not null default 0,
    amd_false_positive  boolean      not null default false,
    converted           boolean      not null default false,
    primary key (campaign_id, attempt_id)
);
create index dialer_attempts_placed on dialer_attempts (campaign_id, placed_at);
create index dialer_attempts_interaction on dialer_attempts (interaction_id);

-- Agent time given to a campaign, per day (in the dialer's zone), added to as the campaign runs.
create table dialer_agent_time (
    campaign_id varchar(64) not null,
    work_day    date        not null,
    seconds     double precision not null,
    primary key (campaign_id, work_day)
);

-- Numbers that must never be called (the national registry imported, and customers who opted out), E.164. The
-- dialer reads it every few seconds and checks it again right before each dial.
create table dialer_do_not_call (
    number   varchar(32)  primary key,
    reason   varchar(200) not null default '',
    added_at timestamp with time zone not null default current_timestamp
);
