package cc.bench.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generates the benchmark's year of contact-center history in PostgreSQL with {@code generate_series}, so loading
 * ten million calls is the database's work, not the network's. Every figure follows from the row number, so two
 * loads hold the same rows.
 *
 * <p>Call n (1..calls) is offered at {@code START + n * year / calls}; one in five is an outbound campaign call (of
 * ten campaigns, half priced in USD and half in IRR), nine in ten are answered (twenty queues, three hundred
 * agents, talk 1 to 5 minutes), one in eight has a survey answer (1..5). Each call has a queue segment, each
 * answered call a talk segment, each answered campaign call a wrap-up. The dialer placed {@code 0.4 * calls}
 * attempts (half connected, each to its campaign call; the rest no answer, busy, machine, abandoned, failed), and
 * wrote {@code 0.1 * calls} decisions not to dial; supervisors made {@code 0.01 * calls} QA evaluations.
 */
final class ReportKindsData {
    /** 1404-09-10 00:00 in Tehran (2025-12-01), the first day of the generated year. */
    static final String START = "2025-12-01 00:00:00+03:30";
    private static final int CHUNK = 500_000;

    private ReportKindsData() {}

    static void load(Connection c, long calls) throws SQLException {
        double step = 365.0 * 86_400 / calls;
        try (Statement st = c.createStatement()) {
            st.execute("insert into dialer_campaigns (id, name, list_ids, mode, first_day, last_day, opens, closes,"
                    + " days_off, holidays, retry_delays, max_attempts, currency, cost_per_dial, cost_per_minute,"
                    + " revenue_per_conversion, regulator, max_lines, queue, machine_action, status, changed_at,"
                    + " changed_by) select 'camp' || k, 'Campaign ' || k, 'l1', 'PREDICTIVE', date '2025-12-01',"
                    + " date '2026-12-31', time '09:00', time '20:00', '', '', '', 4,"
                    + " case when k % 2 = 0 then 'USD' else 'IRR' end,"
                    + " case when k % 2 = 0 then 0.015 else 900 end, case when k % 2 = 0 then 0.012 else 700 end,"
                    + " case when k % 2 = 0 then 40 else 2500000 end, 'US-TSR', 20, 'q' || k, 'HANGUP', 'RUNNING',"
                    + " now(), 'bench' from generate_series(0, 9) k");
            st.execute("insert into quality_forms (id, version, created_by) values (1, 1, 'bench')");
            st.execute("insert into quality_form_versions (form_id, version, name, changed_by) values (1, 1,"
                    + " 'Calls', 'bench')");
        }
        c.commit();
        for (long from = 1; from <= calls; from += CHUNK) {
            long to = Math.min(calls, from + CHUNK - 1);
            chunk(c, from, to, step);
            System.out.printf("  calls %,d..%,d loaded%n", from, to);
        }
        try (Statement st = c.createStatement()) {
            long attempts = calls * 2 / 5;
            st.execute("insert into dialer_attempts (campaign_id, attempt_id, contact_id, number, placed_at,"
                    + " answered_at, connected_at, ended_at, outcome, agent_id, interaction_id, talk_seconds,"
                    + " amd_false_positive, converted) select 'camp' || ((k / 2) % 10), k, 'c' || k, '+98912' || k, p,"
                    + " case when o in ('CONNECTED', 'MACHINE', 'ABANDONED') then p + interval '8 seconds' end,"
                    + " case when o = 'CONNECTED' then p + interval '10 seconds' end,"
                    + " p + interval '1 second' * (30 + k % 200), o,"
                    + " case when o = 'CONNECTED' then 'a' || ((5 * k / 2 / 3) % 300) end,"
                    + " case when o = 'CONNECTED' then 'i' || (5 * k / 2) end,"
                    + " case when o = 'CONNECTED' then 60 + (5 * k / 2) % 240 else 0 end,"
                    + " o = 'MACHINE' and k % 50 = 5, o = 'CONNECTED' and k % 12 = 0"
                    + " from (select k, timestamptz '" + START + "' + interval '1 second' * (k * 2.5 * " + step
                    + " - 20) as p, case when k % 2 = 0 then 'CONNECTED' when k % 10 = 1 then 'NO_ANSWER'"
                    + " when k % 10 = 3 then 'BUSY' when k % 10 = 5 then 'MACHINE' when k % 20 = 7 then 'ABANDONED'"
                    + " when k % 10 = 7 then 'NO_ANSWER' else 'FAILED' end as o"
                    + " from generate_series(1, " + attempts + ") k) a");
            c.commit();
            System.out.printf("  %,d dial attempts loaded%n", attempts);
            long skips = calls / 10;
            st.execute("insert into dialer_audit (campaign_id, contact_id, number, event, detail, at)"
                    + " select 'camp' || (m % 10), 's' || m, '+98935' || m, case when m % 50 = 0 then 'REFUSED'"
                    + " else 'SKIPPED' end, case m % 4 when 0 then 'do-not-call: registry'"
                    + " when 1 then 'outside-hours: 21:00' when 2 then 'max-attempts: 4' else 'holiday: 2026-03-21'"
                    + " end, timestamptz '" + START + "' + interval '1 second' * (m * " + (step * 10)
                    + ") from generate_series(1, " + skips + ") m");
            long evaluations = calls / 100;
            st.execute("insert into quality_evaluations (interaction_id, agent_id, queue, evaluator, form_id,"
                    + " form_version, score, failed, points, possible, created_at) select 'i' || (e * 100),"
                    + " 'a' || (e % 300), 'q' || (e % 20), 'sup', 1, 1, case when e % 25 = 0 then 0 else 40 + e % 61"
                    + " end, e % 25 = 0, 1, 1, timestamptz '" + START + "' + interval '1 second' * (e * "
                    + (step * 100) + ") from generate_series(1, " + evaluations + ") e");
            c.commit();
            System.out.printf("  %,d skips and %,d evaluations loaded%n", skips, evaluations);
        }
    }

    private static void chunk(Connection c, long from, long to, double step) throws SQLException {
        String calls = "select n, timestamptz '" + START + "' + interval '1 second' * (n * " + step + ") as t,"
                + " n % 20 <> 0 and n % 20 <> 7 as answered, n % 60 as wait, 60 + n % 240 as talk,"
                + " 'q' || ((n / 7) % 20) as queue, 'a' || ((n / 3) % 300) as agent,"
                + " case when n % 5 = 0 then 'camp' || ((n / 5) % 10) end as campaign"
                + " from generate_series(" + from + ", " + to + ") n";
        try (Statement st = c.createStatement()) {
            st.execute("insert into interactions (id, channel, direction, server, call_id, caller_number, offered_at,"
                    + " answered_at, agent_answered_at, ended_at, queue, agent_id, campaign_id, satisfaction,"
                    + " segments_kept) select 'i' || n, 'voice', case when campaign is null then 'inbound'"
                    + " else 'outbound' end, 'pbx1', 'c' || n, '0912' || (n % 1000000), t, t,"
                    + " case when answered then t + interval '1 second' * wait end,"
                    + " t + interval '1 second' * (wait + case when answered then talk else 0 end), queue,"
                    + " case when answered then agent end, campaign,"
                    + " case when answered and n % 8 = 3 then 1 + (n / 8) % 5 end, true from (" + calls + ") x");
            st.execute("insert into interaction_segments (interaction_id, seq, kind, started_at, ended_at, queue,"
                    + " outcome) select 'i' || n, 0, 'queue', t, t + interval '1 second' * wait, queue,"
                    + " case when answered then 'answered' else 'abandoned' end from (" + calls + ") x");
            st.execute("insert into interaction_segments (interaction_id, seq, kind, started_at, ended_at, agent_id,"
                    + " queue, outcome) select 'i' || n, 1, 'talk', t + interval '1 second' * wait,"
                    + " t + interval '1 second' * (wait + talk), agent, queue, 'agent-hung-up' from (" + calls
                    + ") x where answered");
            st.execute("insert into interaction_segments (interaction_id, seq, kind, started_at, ended_at, agent_id,"
                    + " outcome) select 'i' || n, 2, 'wrap-up', t + interval '1 second' * (wait + talk),"
                    + " t + interval '1 second' * (wait + talk + 15 + n % 30), agent, 'ended' from (" + calls
                    + ") x where answered and campaign is not null");
        }
        c.commit();
    }
}
