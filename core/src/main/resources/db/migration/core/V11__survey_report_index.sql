-- The quality report (cc.core.adapter.jdbc.JdbcReportKindSource) counts post-call survey answers per queue or agent
-- over a range of offer times. This index holds every column that query reads, so PostgreSQL answers a month of
-- millions of calls from the index alone (an index-only scan) instead of visiting every call's row.
create index interactions_offered_survey_idx on interactions (offered_at, satisfaction, queue, agent_id);
