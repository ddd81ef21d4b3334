-- Historical reports (cc.core.adapter.jdbc.JdbcReportSource) walk a range of interactions in pages ordered by
-- (offered_at, id), each page starting after the last row of the one before (keyset paging). With this index each
-- page is one range scan that stops after a page's rows, however deep into a month of millions of calls it is; with
-- the offered_at index alone every page would re-read and sort the calls sharing its first instant, and an offset
-- would re-read everything before the page. Agent state spells need nothing new: acd V2's indexes on started_at and
-- ended_at serve the report's two range conditions.
create index interactions_offered_id_idx on interactions (offered_at, id);
