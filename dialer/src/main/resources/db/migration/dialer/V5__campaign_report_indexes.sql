-- The campaign report (cc.core.adapter.jdbc.JdbcReportKindSource) adds up every campaign's attempts placed in a
-- range, and the dial audit's decisions not to dial taken in it. The existing indexes lead with the campaign, so a
-- report of all campaigns would read whole tables; these lead with the time and hold every column the report reads,
-- so a month of hundreds of thousands of attempts is read from the index alone (an index-only scan).
create index dialer_attempts_placed_report on dialer_attempts (placed_at, campaign_id, outcome, interaction_id,
    answered_at, ended_at, talk_seconds, amd_false_positive, converted);
create index dialer_audit_event_at on dialer_audit (event, at, campaign_id, detail);
