package cc.core.adapter.jdbc;

import cc.core.app.interaction.InteractionStore;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.IvrStep;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Interaction records in tables {@code interactions} and {@code interaction_ivr_steps}.
 *
 * <p>Threading: as {@link Database}: blocking JDBC on the {@value Database#WORKER_POOL} pool, futures completing on
 * the caller's context, one caller's calls applied in the order made. Instants are kept to the microsecond (what
 * both PostgreSQL and H2 store); finer digits are dropped.
 */
public final class JdbcInteractionStore implements InteractionStore {

    private static final String COLUMNS = "id, channel, direction, server, call_id, caller_number, dialed_number,"
            + " offered_at, answered_at, ended_at, queue, agent_id, disposition, notes, end_cause, customer_id,"
            + " campaign_id, satisfaction";
    private static final String UPDATE = "update interactions set channel = ?, direction = ?, server = ?,"
            + " call_id = ?, caller_number = ?, dialed_number = ?, offered_at = ?, answered_at = ?, ended_at = ?,"
            + " queue = ?, agent_id = ?, disposition = ?, notes = ?, end_cause = ?, customer_id = ?, campaign_id = ?,"
            + " satisfaction = ? where id = ?";
    private static final String INSERT = "insert into interactions (channel, direction, server, call_id,"
            + " caller_number, dialed_number, offered_at, answered_at, ended_at, queue, agent_id, disposition, notes,"
            + " end_cause, customer_id, campaign_id, satisfaction, id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;

    public JdbcInteractionStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<Void> save(Interaction interaction) {
        return db.withConnection(c -> {
            try {
                Database.transaction(c, conn -> upsert(conn, interaction));
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // another caller inserted the same new id between our update and insert: ours is now an update
                Database.transaction(c, conn -> upsert(conn, interaction));
            }
            return null;
        });
    }

    private static Void upsert(Connection c, Interaction i) throws SQLException {
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
        try (PreparedStatement del = c.prepareStatement("delete from interaction_ivr_steps where interaction_id = ?")) {
            del.setString(1, i.id());
            del.executeUpdate();
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
        return null;
    }

    /** Binds every column of UPDATE and INSERT, which list them in the same order with the id last. */
    private static void bind(PreparedStatement st, Interaction i) throws SQLException {
        st.setString(1, i.channel().name().toLowerCase(Locale.ROOT));
        st.setString(2, i.direction().name().toLowerCase(Locale.ROOT));
        st.setString(3, i.server());
        st.setString(4, i.callId());
        st.setString(5, i.callerNumber());
        st.setString(6, i.dialedNumber());
        st.setObject(7, timestamp(i.offeredAt()));
        setTimestamp(st, 8, i.answeredAt());
        setTimestamp(st, 9, i.endedAt());
        setString(st, 10, i.queue());
        setString(st, 11, i.agentId());
        setString(st, 12, i.disposition());
        st.setString(13, i.notes());
        st.setString(14, i.endCause());
        if (i.customerId().isPresent()) {
            st.setLong(15, i.customerId().get());
        } else {
            st.setNull(15, Types.BIGINT);
        }
        setString(st, 16, i.campaignId());
        if (i.satisfaction().isPresent()) {
            st.setInt(17, i.satisfaction().get());
        } else {
            st.setNull(17, Types.SMALLINT);
        }
        st.setString(18, i.id());
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
     * Runs {@code select} (which picks and limits interactions) joined with their IVR steps in one round trip;
     * {@code order} is the ordering of the picked rows in terms of alias {@code i}, ending with a comma.
     */
    private static List<Interaction> query(Connection c, String select, String order, Binder binder)
            throws SQLException {
        String sql = "select i.*, s.seq as step_seq, s.node as step_node, s.input as step_input, s.at as step_at"
                + " from (" + select + ") i left join interaction_ivr_steps s on s.interaction_id = i.id"
                + " order by " + order + " i.id, s.seq";
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Row row = rows.computeIfAbsent(rs.getString("id"), id -> new Row());
                    if (row.interaction == null) {
                        row.interaction = read(rs);
                    }
                    if (rs.getObject("step_seq") != null) {
                        row.steps.add(new IvrStep(rs.getString("step_node"), rs.getString("step_input"),
                                instant(rs, "step_at")));
                    }
                }
            }
        }
        List<Interaction> out = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            Interaction i = row.interaction;
            out.add(row.steps.isEmpty() ? i : new Interaction(i.id(), i.channel(), i.direction(), i.server(),
                    i.callId(), i.callerNumber(), i.dialedNumber(), i.offeredAt(), i.answeredAt(), i.endedAt(),
                    row.steps, i.queue(), i.agentId(), i.disposition(), i.notes(), i.endCause(), i.customerId(),
                    i.campaignId(), i.satisfaction()));
        }
        return out;
    }

    private static final class Row {
        Interaction interaction;
        final List<IvrStep> steps = new ArrayList<>();
    }

    private static Interaction read(ResultSet rs) throws SQLException {
        long customer = rs.getLong("customer_id");
        Optional<Long> customerId = rs.wasNull() ? Optional.empty() : Optional.of(customer);
        int score = rs.getInt("satisfaction");
        Optional<Integer> satisfaction = rs.wasNull() ? Optional.empty() : Optional.of(score);
        return new Interaction(rs.getString("id"),
                InteractionChannel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                Direction.valueOf(rs.getString("direction").toUpperCase(Locale.ROOT)),
                rs.getString("server"), rs.getString("call_id"), rs.getString("caller_number"),
                rs.getString("dialed_number"), instant(rs, "offered_at"),
                Optional.ofNullable(rs.getObject("answered_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                List.of(), Optional.ofNullable(rs.getString("queue")), Optional.ofNullable(rs.getString("agent_id")),
                Optional.ofNullable(rs.getString("disposition")), rs.getString("notes"), rs.getString("end_cause"),
                customerId, Optional.ofNullable(rs.getString("campaign_id")), satisfaction);
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
