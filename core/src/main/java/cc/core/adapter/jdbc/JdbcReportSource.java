package cc.core.adapter.jdbc;

import cc.core.app.report.ReportSource;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.report.StateSpell;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads reports' facts from PostgreSQL (or H2): interaction records through cursors in (offered at, id) order, and
 * the ACD's agent state spells ({@code acd_agent_state_spell}, written by the ACD's recorder in the same database)
 * through a cursor. Bound parameters only.
 *
 * <p>Threading: as {@link Database}; each report runs on its own pooled connection, beside the console's other work.
 */
public final class JdbcReportSource implements ReportSource {
    private static final int FETCH = 1_000;

    private final Database db;

    public JdbcReportSource(Database db) {
        this.db = db;
    }

    /**
     * Three cursors over the range in the same order, merged here: the interactions, their segments and their IVR
     * steps (each ordered by the interaction's offered_at and id), so a month is one pass of each table with rows
     * fetched {@value #FETCH} at a time, never a query per page or per call.
     */
    @Override
    public Future<Long> interactions(Instant from, Instant to, Consumer<Interaction> sink) {
        String range = " where i.offered_at >= ? and i.offered_at < ?";
        String calls = "select " + JdbcInteractionStore.COLUMNS + " from interactions i" + range
                + " order by i.offered_at, i.id";
        String segments = "select s.interaction_id, s.kind, s.started_at, s.ended_at, s.agent_id, s.queue, s.flow,"
                + " s.outcome, s.detail from interaction_segments s join interactions i on i.id = s.interaction_id"
                + range + " order by i.offered_at, i.id, s.seq";
        String steps = "select v.interaction_id, v.node, v.input, v.at from interaction_ivr_steps v"
                + " join interactions i on i.id = v.interaction_id" + range + " order by i.offered_at, i.id, v.seq";
        return db.withConnectionInParallel(c -> Database.transaction(c, tx -> {
            try (PreparedStatement callSt = cursor(tx, calls, from, to);
                 PreparedStatement segSt = cursor(tx, segments, from, to);
                 PreparedStatement stepSt = cursor(tx, steps, from, to);
                 ResultSet callRs = callSt.executeQuery();
                 ResultSet segRs = segSt.executeQuery();
                 ResultSet stepRs = stepSt.executeQuery()) {
                boolean segMore = segRs.next();
                boolean stepMore = stepRs.next();
                long n = 0;
                while (callRs.next()) {
                    Interaction i = JdbcInteractionStore.read(callRs);
                    List<Segment> segs = new ArrayList<>();
                    while (segMore && segRs.getString(1).equals(i.id())) {
                        segs.add(new Segment(SegmentKind.fromWireName(segRs.getString(2)),
                                segRs.getObject(3, OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(segRs.getObject(4, OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant),
                                segRs.getString(5), segRs.getString(6), segRs.getString(7), segRs.getString(8),
                                segRs.getString(9)));
                        segMore = segRs.next();
                    }
                    List<IvrStep> path = new ArrayList<>();
                    while (stepMore && stepRs.getString(1).equals(i.id())) {
                        path.add(new IvrStep(stepRs.getString(2), stepRs.getString(3),
                                stepRs.getObject(4, OffsetDateTime.class).toInstant()));
                        stepMore = stepRs.next();
                    }
                    sink.accept(new Interaction(i.id(), i.channel(), i.direction(), i.server(), i.callId(),
                            i.callerNumber(), i.callerName(), i.dialedNumber(), i.offeredAt(), i.answeredAt(),
                            i.endedAt(), path, segs, i.queue(), i.agentId(), i.disposition(), i.notes(), i.endCause(),
                            i.customerId(), i.campaignId(), i.satisfaction(), i.segmentsKept()));
                    n++;
                }
                return n;
            }
        }));
    }

    private static PreparedStatement cursor(java.sql.Connection c, String sql, Instant from, Instant to)
            throws java.sql.SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        st.setFetchSize(FETCH);
        st.setObject(1, JdbcInteractionStore.timestamp(from));
        st.setObject(2, JdbcInteractionStore.timestamp(to));
        return st;
    }

    @Override
    public Future<Long> contacts(Instant from, Instant to, Consumer<Interaction> sink) {
        // interactions_offered_id_idx gives the order; one cursor, no child tables
        String sql = "select id, direction, offered_at, caller_number, customer_id from interactions"
                + " where offered_at >= ? and offered_at < ? order by offered_at, id";
        return db.withConnectionInParallel(c -> Database.transaction(c, tx -> {
            try (PreparedStatement st = tx.prepareStatement(sql)) {
                st.setFetchSize(FETCH);
                st.setObject(1, JdbcInteractionStore.timestamp(from));
                st.setObject(2, JdbcInteractionStore.timestamp(to));
                long n = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Interaction bare = Interaction.newCall(rs.getString(1),
                                Direction.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), "", "", rs.getString(4),
                                "", "", rs.getObject(3, OffsetDateTime.class).toInstant());
                        long customer = rs.getLong(5);
                        sink.accept(rs.wasNull() ? bare : bare.withCustomer(customer));
                        n++;
                    }
                }
                return n;
            }
        }));
    }

    @Override
    public Future<Long> spells(Instant from, Instant to, Optional<String> agent, Consumer<StateSpell> sink) {
        // two parts so each is an index range (acd V2's indexes on started_at and on ended_at, or on agent and
        // start): the spells starting in the range, and those started before it that were still running at its start
        String columns = "select agent_id, state, reason, started_at, ended_at from acd_agent_state_spell";
        String ofAgent = agent.isPresent() ? " and agent_id = ?" : "";
        String sql = columns + " where started_at >= ? and started_at < ?" + ofAgent
                + " union all " + columns + " where started_at < ? and (ended_at > ? or ended_at is null)" + ofAgent;
        // a cursor (fetch size) needs a transaction on PostgreSQL; otherwise the driver reads every row at once
        return db.withConnectionInParallel(c -> Database.transaction(c, tx -> {
            try (PreparedStatement st = tx.prepareStatement(sql)) {
                st.setFetchSize(FETCH);
                int n0 = 1;
                st.setObject(n0++, JdbcInteractionStore.timestamp(from));
                st.setObject(n0++, JdbcInteractionStore.timestamp(to));
                if (agent.isPresent()) {
                    st.setString(n0++, agent.get());
                }
                st.setObject(n0++, JdbcInteractionStore.timestamp(from));
                st.setObject(n0++, JdbcInteractionStore.timestamp(from));
                if (agent.isPresent()) {
                    st.setString(n0, agent.get());
                }
                long n = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new StateSpell(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(),
                                Optional.ofNullable(rs.getObject(5, OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant)));
                        n++;
                    }
                }
                return n;
            }
        }));
    }
}
