-- Interaction records made of segments: what happened in a contact, in order (IVR, queue wait, each agent's phone
-- ringing, talk, hold, transfer, conference, the dialer's abandon message, wrap-up), with summary columns derived from
-- them. Rows written before this version keep every value and its meaning: segments_kept is false for them, they
-- have no segments, their agent_id is the last agent the call was offered to (answered or not) and their
-- answered_at the call's first answer; the new summary columns stay null for them rather than being guessed.

-- the caller ID name, as Asterisk last gave it
alter table interactions add column caller_name varchar(200) not null default '';
-- when an agent first talked to the customer (the first talk segment); null when none did
alter table interactions add column agent_answered_at timestamp with time zone;
-- the agents who talked to the customer, in order, comma-separated; null for rows before segments
alter table interactions add column handled_by varchar(1000);
-- where an ended contact no agent talked on was given up: ivr, queue, ringing, abandon-message, before-answer;
-- null when it was not abandoned (or the row predates segments)
alter table interactions add column abandoned_where varchar(32);
-- true for records made with segments; agent_id then means the agent who last talked to the customer
alter table interactions add column segments_kept boolean not null default false;

create table interaction_segments (
    interaction_id varchar(64)  not null references interactions (id) on delete cascade,
    -- the segment's place in the contact, from 0
    seq            integer      not null,
    -- ivr, queue, offer, talk, hold, transfer, conference, abandon-message, wrap-up
    kind           varchar(32)  not null,
    started_at     timestamp with time zone not null,
    -- null while the segment goes on
    ended_at       timestamp with time zone,
    -- the agent it concerns (offer, talk, hold, wrap-up), '' otherwise
    agent_id       varchar(128) not null default '',
    -- the queue it concerns (queue wait, offer, talk), '' otherwise
    queue          varchar(128) not null default '',
    -- the IVR flow (ivr segments), '' otherwise
    flow           varchar(128) not null default '',
    -- how it ended: answered, abandoned, overflow, callback, no-answer, refused, failed, caller-left, cancelled,
    -- caller-hung-up, agent-hung-up, completed, enqueued, transferred, ended; '' while it goes on
    outcome        varchar(32)  not null default '',
    -- more about the outcome: where an overflow went (queue:sales wait-limit), why a ring failed
    detail         varchar(400) not null default '',
    primary key (interaction_id, seq)
);
-- per-agent and per-queue reports read segments by kind and time
create index interaction_segments_agent_idx on interaction_segments (agent_id, kind, started_at);
create index interaction_segments_queue_idx on interaction_segments (queue, kind, started_at);
