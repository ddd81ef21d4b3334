-- Click-to-talk requests: a customer on the public page asked the center to call them. Kept so a restart of the
-- server neither forgets a request nor dials one twice; one row per request, updated as it moves on.
create table dialer_click_to_talk (
    request_id   varchar(64)  not null primary key,
    number       varchar(32)  not null,
    language     varchar(8)   not null,
    queue        varchar(64)  not null,
    topic        varchar(200) not null,
    customer_id  bigint,
    call_at      timestamp with time zone not null,
    requested_at timestamp with time zone not null,
    state        varchar(16)  not null,
    attempts     integer      not null,
    next_dial_at timestamp with time zone not null,
    call_open    boolean      not null,
    unique_id    varchar(64)  not null,
    detail       varchar(400) not null,
    changed_at   timestamp with time zone not null
);

create index dialer_click_to_talk_state on dialer_click_to_talk (state, changed_at);
