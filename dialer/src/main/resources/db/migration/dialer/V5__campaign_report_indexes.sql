-- The campaign report (cc.core.adapter.jdbc.JdbcReportKindSource) reads every campaign's attempts placed in a range,
-- and the dial audit's decisions not to dial taken in it; the existing indexes lead with the campaign, so a report
-- of all campaigns needs these to be a range scan rather than a read of the whole table.
create index dialer_attempts_placed_at on dialer_attempts (placed_at);
create index dialer_audit_event_at on dialer_audit (event, at);
