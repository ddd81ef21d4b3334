package cc.core.adapter.jdbc;

import cc.core.app.interaction.InteractionStore;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interaction records in tables {@code interactions}, {@code interaction_ivr_steps} and {@code interaction_segments}.
 *
 * <p>Threading: as {@link Database}: blocking JDBC on the {@value Database#WORKER_POOL} pool, futures completing on
 * the caller's context; saves of one interaction applied in the order made, reads in the order made by one caller.
 * Instants are kept to the microsecond (what both PostgreSQL and H2 store); finer digits are dropped.
 *
 * <p>Each save writes, in its own transaction, the {@code interaction.*} events of the outbox that its change tells
 * (started, answered, transferred, ended, disposed), compared with the row as stored.
 */
public final class JdbcInteractionStore implements InteractionStore {

    static final String COLUMNS = "id, channel, direction, server, call_id, caller_number, caller_name,"
            + " dialed_number, offered_at, answered_at, ended_at, queue, agent_id, disposition, notes, end_cause,"
            + " customer_id, campaign_id, satisfaction, agent_answered_at, handled_by, abandoned_where, segments_kept";
    private static final String UPDATE = "update interactions set channel = ?, direction = ?, server = ?,"
            + " call_id = ?, caller_number = ?, caller_name = ?, dialed_number = ?, offered_at = ?, answered_at = ?,"
            + " ended_at = ?, queue = ?, agent_id = ?, disposition = ?, notes = ?, end_cause = ?, customer_id = ?,"
            + " campaign_id = ?, satisfaction = ?, agent_answered_at = ?, handled_by = ?, abandoned_where = ?,"
            + " segments_kept = ?, talk_micros = ? where id = ?";
    private static final String INSERT = "insert into interactions (channel, direction, server, call_id,"
            + " caller_number, caller_name, dialed_number, offered_at, answered_at, ended_at, queue, agent_id,"
            + " disposition, notes, end_cause, customer_id, campaign_id, satisfaction, agent_answered_at, handled_by,"
            + " abandoned_where, segments_kept, talk_micros, id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UNIQUE_VIOLATION = "23505";
    /** Interactions whose steps and segments are read with one statement. */
    private static final int CHILD_SLICE = 500;

    private final Database db;
    private final InstantSource clock;
    /** The last save of each interaction still running: the next save of it waits for that one. */
    private final Map<String, Future<Void>> inFlight = new ConcurrentHashMap<>();

    public JdbcInteractionStore(Database db) {
        this(db, InstantSource.system());
    }

    /** @param clock the time of a disposition's event (the record carries none) */
    public JdbcInteractionStore(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Saves of one interaction run one after another, in the order made; saves of different interactions run in
     * parallel on the pool's connections (the recorder saves hundreds of records a second from one context).
     */
    @Override
    public Future<Void> save(Interaction interaction) {
        Promise<Void> done = Promise.promise();
        Future<Void> previous = inFlight.put(interaction.id(), done.future());
        Future<Void> turn = previous == null ? Future.succeededFuture() : previous.transform(ar -> Future.succeededFuture());
        turn.compose(v -> write(interaction)).onComplete(ar -> {
            inFlight.remove(interaction.id(), done.future());
            done.handle(ar);
        });
        return done.future();
    }

    private Future<Void> write(Interaction interaction) {
        return db.withConnectionInParallel(c -> {
            try {
                Database.transaction(c, conn -> upsert(conn, interaction, clock.instant()));
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // another caller inserted the same new id between our update and insert: ours is now an update
                Database.transaction(c, conn -> upsert(conn, interaction, clock.instant()));
            }
            return null;
        });
    }

    /**
     * Writes the record and, first, the events its change tells other systems (see {@link InteractionEvents}),
     * derived from the stored row locked for the transaction: a save of the state already stored writes none, and a
     * save rolled back by a later failure takes its events with it. The sales opportunities its call falls in get its
     * change of contact and talk in the same transaction ({@link JdbcSalesEffort}).
     */
    private static Void upsert(Connection c, Interaction i, Instant now) throws SQLException {
        Optional<Interaction> stored = storedLocked(c, i.id());
        JdbcOutbox.append(c, InteractionEvents.between(stored, i, now));
        JdbcSalesEffort.callSaved(c, stored, i);
        int updated;
        try (PreparedStatement up = c.prepareStatement(UPDATE)) {
            bind(up, i);
            updated = up.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ins = c.prepareStatement(INSERT)) {
                bind(ins, i);
                ins.executeUpdate();
            }
        }
        if (updated > 0) {
            deleteChildren(c, "interaction_ivr_steps", i.id());
            deleteChildren(c, "interaction_segments", i.id());
        }
        if (!i.ivrPath().isEmpty()) {
            try (PreparedStatement ins = c.prepareStatement(
                    "insert into interaction_ivr_steps (interaction_id, seq, node, input, at) values (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (IvrStep step : i.ivrPath()) {
                    ins.setString(1, i.id());
                    ins.setInt(2, seq++);
                    ins.setString(3, step.node());
                    ins.setString(4, step.input());
                    ins.setObject(5, timestamp(step.at()));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }
        if (!i.segments().isEmpty()) {
            try (PreparedStatement ins = c.prepareStatement("insert into interaction_segments (interaction_id, seq,"
                    + " kind, started_at, ended_at, agent_id, queue, flow, outcome, detail)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (Segment segment : i.segments()) {
                    ins.setString(1, i.id());
                    ins.setInt(2, seq++);
                    ins.setString(3, segment.kind().wireName());
                    ins.setObject(4, timestamp(segment.startedAt()));
                    setTimestamp(ins, 5, segment.endedAt());
                    ins.setString(6, segment.agentId());
                    ins.setString(7, segment.queue());
                    ins.setString(8, segment.flow());
                    ins.setString(9, segment.outcome());
                    ins.setString(10, clip(segment.detail(), 400));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }
        return null;
    }

    /**
     * The record as stored, its row locked until the transaction ends, with its segments but not its IVR path (which
     * no event reads): two statements, as every save of a call in progress pays them. Empty when there is none yet.
     */
    private static Optional<Interaction> storedLocked(Connection c, String id) throws SQLException {
        Interaction row;
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from interactions where id = ?"
                + " for update")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                row = read(rs);
            }
        }
        List<Segment> segments = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select kind, started_at, ended_at, agent_id, queue, flow,"
                + " outcome, detail from interaction_segments where interaction_id = ? order by seq")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    segments.add(segment(rs));
                }
            }
        }
        return Optional.of(new Interaction(row.id(), row.channel(), row.direction(), row.server(), row.callId(),
                row.callerNumber(), row.callerName(), row.dialedNumber(), row.offeredAt(), row.answeredAt(),
                row.endedAt(), List.of(), segments, row.queue(), row.agentId(), row.disposition(), row.notes(),
                row.endCause(), row.customerId(), row.campaignId(), row.satisfaction(), row.segmentsKept()));
    }

    private static void deleteChildren(Connection c, String table, String id) throws SQLException {
        // the table name is one of two constants, never input
        try (PreparedStatement del = c.prepareStatement("delete from " + table + " where interaction_id = ?")) {
            del.setString(1, id);
            del.executeUpdate();
        }
    }

    /** Binds every column of UPDATE and INSERT, which list them in the same order with the id last. */
    private static void bind(PreparedStatement st, Interaction i) throws SQLException {
        int n = 1;
        st.setString(n++, i.channel().name().toLowerCase(Locale.ROOT));
        st.setString(n++, i.direction().name().toLowerCase(Locale.ROOT));
        st.setString(n++, i.server());
        st.setString(n++, i.callId());
        st.setString(n++, clip(i.callerNumber(), 64));
        st.setString(n++, clip(i.callerName(), 200));
        st.setString(n++, clip(i.dialedNumber(), 64));
        st.setObject(n++, timestamp(i.offeredAt()));
        setTimestamp(st, n++, i.answeredAt());
        setTimestamp(st, n++, i.endedAt());
        setString(st, n++, i.queue());
        setString(st, n++, i.agentId());
        setString(st, n++, i.disposition());
        st.setString(n++, i.notes());
        st.setString(n++, clip(i.endCause(), 200));
        if (i.customerId().isPresent()) {
            st.setLong(n++, i.customerId().get());
        } else {
            st.setNull(n++, Types.BIGINT);
        }
        setString(st, n++, i.campaignId());
        if (i.satisfaction().isPresent()) {
            st.setInt(n++, i.satisfaction().get());
        } else {
            st.setNull(n++, Types.SMALLINT);
        }
        if (i.segmentsKept()) {
            setTimestamp(st, n++, i.agentAnsweredAt());
            st.setString(n++, clip(String.join(",", i.handledBy()), 1000));
            setString(st, n++, i.abandonedWhere());
        } else {
            setTimestamp(st, n++, Optional.empty());
            st.setNull(n++, Types.VARCHAR);
            st.setNull(n++, Types.VARCHAR);
        }
        st.setBoolean(n++, i.segmentsKept());
        st.setLong(n++, JdbcSalesEffort.micros(JdbcSalesEffort.talk(i)));
        st.setString(n, i.id());
    }

    /** Caller IDs and causes come from the telephony; a longer one is cut rather than refused. */
    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public Future<Optional<Interaction>> find(String id) {
        return db.withConnection(c -> first(query(c, "select " + COLUMNS + " from interactions where id = ?",
                "", st -> st.setString(1, id))));
    }

    @Override
    public Future<Optional<Interaction>> findByCall(String server, String callId) {
        return db.withConnection(c -> first(query(c, "select " + COLUMNS + " from interactions"
                        + " where server = ? and call_id = ? order by offered_at desc, id desc limit 1",
                "i.offered_at desc, i.id desc,", st -> {
                    st.setString(1, server);
                    st.setString(2, callId);
                })));
    }

    @Override
    public Future<List<Interaction>> offeredBetween(Instant from, Instant to, int limit) {
        if (limit < 0) {
            return Future.failedFuture(new IllegalArgumentException("limit must not be negative, was " + limit));
        }
        return db.withConnection(c -> query(c, "select " + COLUMNS + " from interactions"
                        + " where offered_at >= ? and offered_at < ? order by offered_at, id limit ?",
                "i.offered_at, i.id,", st -> {
                    st.setObject(1, timestamp(from));
                    st.setObject(2, timestamp(to));
                    st.setInt(3, limit);
                }));
    }

    @Override
    public Future<List<Interaction>> forCustomer(long customerId, int limit) {
        if (limit < 0) {
            return Future.failedFuture(new IllegalArgumentException("limit must not be negative, was " + limit));
        }
        return db.withConnection(c -> query(c, "select " + COLUMNS + " from interactions"
                        + " where customer_id = ? order by offered_at desc, id desc limit ?",
                "i.offered_at desc, i.id desc,", st -> {
                    st.setLong(1, customerId);
                    st.setInt(2, limit);
                }));
    }

    @Override
    public Future<List<Interaction>> open() {
        return db.withConnection(c -> query(c, "select " + COLUMNS + " from interactions where ended_at is null",
                "i.offered_at, i.id,", st -> { }));
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    /**
     * Runs {@code select} (which picks and limits interactions; {@code order} is its ordering in terms of alias
     * {@code i}, ending with a comma), then reads the IVR steps and segments of the rows picked.
     */
    private static List<Interaction> query(Connection c, String select, String order, Binder binder)
            throws SQLException {
        Map<String, Interaction> rows = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("select i.* from (" + select + ") i order by " + order
                + " i.id")) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Interaction i = read(rs);
                    rows.put(i.id(), i);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<IvrStep>> steps = new HashMap<>();
        Map<String, List<Segment>> segments = new HashMap<>();
        List<String> all = new ArrayList<>(rows.keySet());
        // in slices, so a long list (the open interactions after a restart) stays within the drivers' parameter limits
        for (int from = 0; from < all.size(); from += CHILD_SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + CHILD_SLICE));
            String ids = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement st = c.prepareStatement("select interaction_id, node, input, at"
                    + " from interaction_ivr_steps where interaction_id in (" + ids + ")"
                    + " order by interaction_id, seq")) {
                bindIds(st, slice);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new IvrStep(rs.getString(2), rs.getString(3), instant(rs, "at")));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("select interaction_id, kind, started_at, ended_at,"
                    + " agent_id, queue, flow, outcome, detail from interaction_segments"
                    + " where interaction_id in (" + ids + ") order by interaction_id, seq")) {
                bindIds(st, slice);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        segments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(segment(rs));
                    }
                }
            }
        }
        List<Interaction> out = new ArrayList<>(rows.size());
        for (Interaction i : rows.values()) {
            out.add(new Interaction(i.id(), i.channel(), i.direction(), i.server(), i.callId(), i.callerNumber(),
                    i.callerName(), i.dialedNumber(), i.offeredAt(), i.answeredAt(), i.endedAt(),
                    steps.getOrDefault(i.id(), List.of()), segments.getOrDefault(i.id(), List.of()), i.queue(),
                    i.agentId(), i.disposition(), i.notes(), i.endCause(), i.customerId(), i.campaignId(),
                    i.satisfaction(), i.segmentsKept()));
        }
        return out;
    }

    private static void bindIds(PreparedStatement st, java.util.Collection<String> ids) throws SQLException {
        int n = 1;
        for (String id : ids) {
            st.setString(n++, id);
        }
    }

    static Interaction read(ResultSet rs) throws SQLException {
        long customer = rs.getLong("customer_id");
        Optional<Long> customerId = rs.wasNull() ? Optional.empty() : Optional.of(customer);
        int score = rs.getInt("satisfaction");
        Optional<Integer> satisfaction = rs.wasNull() ? Optional.empty() : Optional.of(score);
        return new Interaction(rs.getString("id"),
                InteractionChannel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                Direction.valueOf(rs.getString("direction").toUpperCase(Locale.ROOT)),
                rs.getString("server"), rs.getString("call_id"), rs.getString("caller_number"),
                rs.getString("caller_name"), rs.getString("dialed_number"), instant(rs, "offered_at"),
                Optional.ofNullable(rs.getObject("answered_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                List.of(), List.of(), Optional.ofNullable(rs.getString("queue")),
                Optional.ofNullable(rs.getString("agent_id")), Optional.ofNullable(rs.getString("disposition")),
                rs.getString("notes"), rs.getString("end_cause"), customerId,
                Optional.ofNullable(rs.getString("campaign_id")), satisfaction, rs.getBoolean("segments_kept"));
    }

    /** One segment of a row selected with kind, started_at, ended_at, agent_id, queue, flow, outcome, detail. */
    private static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(SegmentKind.fromWireName(rs.getString("kind")), instant(rs, "started_at"),
                Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                rs.getString("agent_id"), rs.getString("queue"), rs.getString("flow"), rs.getString("outcome"),
                rs.getString("detail"));
    }

    private static Optional<Interaction> first(List<Interaction> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static void setTimestamp(PreparedStatement st, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            st.setObject(index, timestamp(value.get()));
        } else {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static void setString(PreparedStatement st, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            st.setString(index, value.get());
        } else {
            st.setNull(index, Types.VARCHAR);
        }
    }
}
