package cc.core.adapter.jdbc;

import cc.core.app.report.ReportTotalsStore;
import cc.core.domain.report.AgentFigures;
import cc.core.domain.report.Bucket;
import cc.core.domain.report.DayTotals;
import cc.core.domain.report.IvrFigures;
import cc.core.domain.report.OpenFirstContact;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.ReportRow;
import cc.core.domain.report.StoredDay;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Report totals in PostgreSQL (or H2), core migration V8: a day is replaced in one transaction (its 15-minute rows,
 * its day rows, its open first contacts and its {@code report_days} row), so a reader sees a day whole or not at all.
 * Bound parameters only.
 *
 * <p>Threading: as {@link Database}; reads run on their own pooled connection, beside the console's other work.
 */
public final class JdbcReportTotals implements ReportTotalsStore {
    private static final int FETCH = 2_000;
    private static final int KEYS_PER_QUERY = 500;
    private static final String QUARTER = "quarter";
    private static final String DAY = "day";
    /** The ACD's states, each stored in a column of its own ({@link #STATE_COLUMNS}, same order). */
    private static final List<String> STATES = List.of("logged-out", "available", "reserved", "ringing", "on-call",
            "wrap-up", "paused");
    private static final List<String> STATE_COLUMNS = List.of("logged_out_ns", "available_ns", "reserved_ns",
            "ringing_ns", "on_call_ns", "wrap_up_state_ns", "paused_ns");

    private final Database db;

    public JdbcReportTotals(Database db) {
        this.db = db;
    }

    @Override
    public Future<List<StoredDay>> days(LocalDate first, LocalDate last) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement("select report_day, zone, computed_at, fcr_settled"
                    + " from report_days where report_day >= ? and report_day <= ? order by report_day")) {
                st.setObject(1, first);
                st.setObject(2, last);
                List<StoredDay> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredDay(rs.getObject(1, LocalDate.class), ZoneId.of(rs.getString(2)),
                                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBoolean(4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<Optional<Instant>> firstOffer() {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement("select min(offered_at) from interactions");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
            }
        });
    }

    @Override
    public Future<Void> save(DayTotals day, ZoneId zone) {
        return db.inTransaction(c -> {
            for (String table : List.of("report_queue_totals", "report_agent_totals", "report_ivr_totals")) {
                // by grain, so each delete is a range of the primary key
                for (String grain : List.of(QUARTER, DAY)) {
                    try (PreparedStatement st = c.prepareStatement("delete from " + table
                            + " where grain = ? and slot_start >= ? and slot_start < ?")) {
                        st.setString(1, grain);
                        st.setObject(2, ts(day.start()));
                        st.setObject(3, ts(day.end()));
                        st.executeUpdate();
                    }
                }
            }
            for (String table : List.of("report_open_first_contacts", "report_days")) {
                try (PreparedStatement st = c.prepareStatement("delete from " + table + " where report_day = ?")) {
                    st.setObject(1, day.day());
                    st.executeUpdate();
                }
            }
            insertQueues(c, QUARTER, day.queues());
            insertQueues(c, DAY, day.queuesOfDay());
            insertAgents(c, QUARTER, day.agents());
            insertAgents(c, DAY, day.agentsOfDay());
            insertIvr(c, QUARTER, day.ivr());
            insertIvr(c, DAY, day.ivrOfDay());
            try (PreparedStatement st = c.prepareStatement("insert into report_open_first_contacts (report_day, contact_key,"
                    + " offered_at, queue) values (?, ?, ?, ?)")) {
                for (OpenFirstContact o : day.openFirstContacts()) {
                    st.setObject(1, day.day());
                    st.setString(2, o.contactKey());
                    st.setObject(3, ts(o.offeredAt()));
                    st.setString(4, o.queue());
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement("insert into report_days (report_day, zone, day_start, day_end,"
                    + " computed_at, fcr_settled) values (?, ?, ?, ?, ?, ?)")) {
                st.setObject(1, day.day());
                st.setString(2, zone.getId());
                st.setObject(3, ts(day.start()));
                st.setObject(4, ts(day.end()));
                st.setObject(5, ts(day.computedAt()));
                st.setBoolean(6, day.firstContactSettled());
                st.executeUpdate();
            }
            return null;
        });
    }

    private static void insertQueues(Connection c, String grain, List<ReportRow<QueueFigures>> rows)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into report_queue_totals (grain, slot_start, queue,"
                + " offered, answered, answered_in_threshold, abandoned, short_abandoned, overflowed, answer_wait_ns,"
                + " talk_ns, hold_ns, wrap_up_ns, transfers_out, resolvable, resolved_first_time)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ReportRow<QueueFigures> r : rows) {
                QueueFigures f = r.figures();
                int i = 1;
                st.setString(i++, grain);
                st.setObject(i++, ts(r.bucket().start()));
                st.setString(i++, r.subject());
                for (long v : new long[]{f.offered(), f.answered(), f.answeredInThreshold(), f.abandoned(),
                        f.shortAbandoned(), f.overflowed(), f.answerWait().toNanos(), f.talk().toNanos(),
                        f.hold().toNanos(), f.wrapUp().toNanos(), f.transfersOut(), f.resolvable(),
                        f.resolvedFirstTime()}) {
                    st.setLong(i++, v);
                }
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void insertAgents(Connection c, String grain, List<ReportRow<AgentFigures>> rows)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into report_agent_totals (grain, slot_start, agent_id,"
                + " calls_handled, talk_ns, hold_ns, wrap_up_ns, transfers, " + String.join(", ", STATE_COLUMNS)
                + ", other_states, pause_reasons) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ReportRow<AgentFigures> r : rows) {
                AgentFigures f = r.figures();
                int i = 1;
                st.setString(i++, grain);
                st.setObject(i++, ts(r.bucket().start()));
                st.setString(i++, r.subject());
                st.setLong(i++, f.callsHandled());
                st.setLong(i++, f.talk().toNanos());
                st.setLong(i++, f.hold().toNanos());
                st.setLong(i++, f.wrapUp().toNanos());
                st.setLong(i++, f.transfers());
                Map<String, Duration> others = new TreeMap<>(f.timeInState());
                for (String state : STATES) {
                    Duration d = others.remove(state);
                    st.setLong(i++, d == null ? 0 : d.toNanos());
                }
                st.setString(i++, encode(others));
                st.setString(i, encode(f.pauseReasons()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Names and times as {@code name=nanoseconds;...}, names URL-encoded. */
    private static String encode(Map<String, Duration> times) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(times).forEach((name, d) -> {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(d.toNanos());
        });
        return out.toString();
    }

    private static Map<String, Duration> decode(String text, Map<String, Duration> into) {
        if (!text.isEmpty()) {
            for (String part : text.split(";")) {
                int eq = part.lastIndexOf('=');
                into.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        Duration.ofNanos(Long.parseLong(part.substring(eq + 1))));
            }
        }
        return into;
    }

    private static void insertIvr(Connection c, String grain, List<IvrFigures> rows) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into report_ivr_totals (grain, slot_start, flow,"
                + " exit_node, contained, hung_up) values (?, ?, ?, ?, ?, ?)")) {
            for (IvrFigures f : rows) {
                st.setString(1, grain);
                st.setObject(2, ts(f.bucket().start()));
                st.setString(3, f.flow());
                st.setString(4, f.exitNode());
                st.setLong(5, f.contained());
                st.setLong(6, f.hungUp());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    @Override
    public Future<Long> queues(Instant from, Instant to, Grain grain, Optional<String> queue, Sink<QueueFigures> sink) {
        String sql = "select slot_start, queue, offered, answered, answered_in_threshold, abandoned, short_abandoned,"
                + " overflowed, answer_wait_ns, talk_ns, hold_ns, wrap_up_ns, transfers_out, resolvable,"
                + " resolved_first_time from report_queue_totals where grain = ? and slot_start >= ? and slot_start < ?"
                + (queue.isPresent() ? " and queue = ?" : "");
        return read(sql, grain, from, to, queue, rs -> sink.accept(instant(rs, 1), rs.getString(2),
                new QueueFigures(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), Duration.ofNanos(rs.getLong(9)), Duration.ofNanos(rs.getLong(10)),
                        Duration.ofNanos(rs.getLong(11)), Duration.ofNanos(rs.getLong(12)), rs.getLong(13),
                        rs.getLong(14), rs.getLong(15))));
    }

    @Override
    public Future<Long> agents(Instant from, Instant to, Grain grain, Optional<String> agent, Sink<AgentFigures> sink) {
        String sql = "select slot_start, agent_id, calls_handled, talk_ns, hold_ns, wrap_up_ns, transfers, "
                + String.join(", ", STATE_COLUMNS) + ", other_states, pause_reasons from report_agent_totals"
                + " where grain = ? and slot_start >= ? and slot_start < ?" + (agent.isPresent() ? " and agent_id = ?"
                : "");
        return read(sql, grain, from, to, agent, rs -> {
            Map<String, Duration> states = new HashMap<>();
            for (int k = 0; k < STATES.size(); k++) {
                long ns = rs.getLong(8 + k);
                if (ns != 0) {
                    states.put(STATES.get(k), Duration.ofNanos(ns));
                }
            }
            decode(rs.getString(8 + STATES.size()), states);
            sink.accept(instant(rs, 1), rs.getString(2), new AgentFigures(rs.getLong(3),
                    Duration.ofNanos(rs.getLong(4)), Duration.ofNanos(rs.getLong(5)), Duration.ofNanos(rs.getLong(6)),
                    rs.getLong(7), states, decode(rs.getString(9 + STATES.size()), new HashMap<>())));
        });
    }

    @Override
    public Future<Long> ivr(Instant from, Instant to, Grain grain, Consumer<IvrFigures> sink) {
        String sql = "select slot_start, flow, exit_node, contained, hung_up from report_ivr_totals"
                + " where grain = ? and slot_start >= ? and slot_start < ?";
        return read(sql, grain, from, to, Optional.empty(), rs -> {
            Instant at = instant(rs, 1);
            sink.accept(new IvrFigures(new Bucket("", at, at), rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getLong(5)));
        });
    }

    @Override
    public Future<Long> openFirstContacts(Instant from, Instant to, Set<String> contactKeys,
                                          Consumer<OpenFirstContact> sink) {
        List<String> keys = new ArrayList<>(contactKeys);
        return db.withConnectionInParallel(c -> {
            // a few hundred keys a statement, then merged in the order of offer
            List<OpenFirstContact> found = new ArrayList<>();
            for (int k = 0; k < keys.size(); k += KEYS_PER_QUERY) {
                List<String> part = keys.subList(k, Math.min(keys.size(), k + KEYS_PER_QUERY));
                try (PreparedStatement st = c.prepareStatement("select contact_key, offered_at, queue"
                        + " from report_open_first_contacts where offered_at >= ? and offered_at < ?"
                        + " and contact_key in (" + String.join(", ", java.util.Collections.nCopies(part.size(), "?"))
                        + ")")) {
                    st.setObject(1, ts(from));
                    st.setObject(2, ts(to));
                    for (int i = 0; i < part.size(); i++) {
                        st.setString(3 + i, part.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.add(new OpenFirstContact(rs.getString(1), instant(rs, 2), rs.getString(3)));
                        }
                    }
                }
            }
            found.sort(java.util.Comparator.comparing(OpenFirstContact::offeredAt));
            found.forEach(sink);
            return (long) found.size();
        });
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private Future<Long> read(String sql, Grain grain, Instant from, Instant to, Optional<String> subject,
                              RowReader reader) {
        return db.withConnectionInParallel(c -> Database.transaction(c, tx -> {
            try (PreparedStatement st = tx.prepareStatement(sql)) {
                st.setFetchSize(FETCH);
                st.setString(1, grain == Grain.DAY ? DAY : QUARTER);
                st.setObject(2, ts(from));
                st.setObject(3, ts(to));
                if (subject.isPresent()) {
                    st.setString(4, subject.get());
                }
                long n = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                        n++;
                    }
                }
                return n;
            }
        }));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return JdbcInteractionStore.timestamp(at);
    }
}
