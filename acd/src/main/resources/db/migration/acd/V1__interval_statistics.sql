-- Reporting-interval figures (typically 15 minutes) per queue and per agent, written when an interval closes.
CREATE TABLE acd_queue_interval (
    queue_id                  VARCHAR(64) NOT NULL,
    interval_start            TIMESTAMP WITH TIME ZONE NOT NULL,
    interval_end              TIMESTAMP WITH TIME ZONE NOT NULL,
    offered                   BIGINT NOT NULL,
    answered                  BIGINT NOT NULL,
    answered_within_threshold BIGINT NOT NULL,
    abandoned                 BIGINT NOT NULL,
    overflowed                BIGINT NOT NULL,
    total_answer_wait_ms      BIGINT NOT NULL,
    handled                   BIGINT NOT NULL,
    total_handle_time_ms      BIGINT NOT NULL,
    waiting_at_end            INTEGER NOT NULL,
    agents_staffed_at_end     INTEGER NOT NULL,
    PRIMARY KEY (queue_id, interval_start)
);

CREATE TABLE acd_agent_interval (
    agent_id          VARCHAR(64) NOT NULL,
    interval_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    interval_end      TIMESTAMP WITH TIME ZONE NOT NULL,
    calls_handled     BIGINT NOT NULL,
    available_ms      BIGINT NOT NULL,
    ringing_ms        BIGINT NOT NULL,
    on_call_ms        BIGINT NOT NULL,
    wrap_up_ms        BIGINT NOT NULL,
    paused_ms         BIGINT NOT NULL,
    state_at_end      VARCHAR(16) NOT NULL,
    PRIMARY KEY (agent_id, interval_start)
);
