-- Web chats: one row per chat (its interaction id, chosen by the chat desk and used by the ACD's interaction record),
-- the agents who held it in turn, and its transcript line by line.
-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.

create table chats (
    interaction_id varchar(64)  primary key,
    visitor_name   varchar(200) not null,
    topic          varchar(400) not null,
    language       varchar(8)   not null,
    -- the CRM customer when the page knew the visitor, '' otherwise
    customer_id    varchar(64)  not null default '',
    -- the queue it waits or last waited in
    queue          varchar(100) not null,
    -- the agent holding it now, or who held it last; '' when nobody took it
    agent_id       varchar(100) not null default '',
    started_at     timestamp with time zone not null,
    ended_at       timestamp with time zone,
    -- EndMedia's reasons (customer-left, closed, expired) or unavailable (the ACD refused it)
    end_reason     varchar(40)
);

-- every agent who held the chat, so they may read its transcript after it moved on or ended
create table chat_holders (
    interaction_id varchar(64)  not null,
    agent_id       varchar(100) not null,
    primary key (interaction_id, agent_id)
);

-- lines in the order the chat desk accepted them (seq from 1 per chat, both sides); written after the chat's row
-- from the desk's one ordered writer, so no foreign key is needed to keep them together
create table chat_messages (
    interaction_id varchar(64)  not null,
    seq            bigint       not null,
    -- visitor, agent or system
    sender         varchar(10)  not null,
    agent_id       varchar(100) not null default '',
    body           varchar(8000) not null,
    sent_at        timestamp with time zone not null,
    primary key (interaction_id, seq)
);
