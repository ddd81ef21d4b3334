-- Historical reports (cc.core.adapter.jdbc.JdbcReportSource) read a range of interactions in the order
-- (offered_at, id), and their segments and IVR steps in the same order through the join on the interaction, each as
-- one cursor merged in Java. With this index the ordered read of a month is one index range scan that streams rows
-- as the cursor asks for them; with the offered_at index alone PostgreSQL must sort the whole range (a month of
-- millions of calls) before the first row comes back. Agent state spells need nothing new: acd V2's indexes on
-- started_at and ended_at serve the report's two range conditions.
create index interactions_offered_id_idx on interactions (offered_at, id);
