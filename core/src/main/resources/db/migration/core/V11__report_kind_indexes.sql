-- Indexes for the skill, campaign and quality reports (cc.core.adapter.jdbc.JdbcReportKindSource).
-- The quality report counts post-call survey answers per queue or agent over a range of offer times: this index
-- holds every column that query reads, so PostgreSQL answers a month of millions of calls from the index alone (an
-- index-only scan) instead of visiting every call's row.
create index interactions_offered_survey_idx on interactions (offered_at, satisfaction, queue, agent_id);
-- The campaign report adds up the wrap-ups after a range's connected campaign calls: the range's wrap-up segments
-- by start, joined to the dialer's attempts, rather than every segment of the table.
create index interaction_segments_kind_start_idx on interaction_segments (kind, started_at, interaction_id, ended_at);
