package cc.core.adapter.jdbc;

import cc.core.app.report.ReportSource;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.report.StateSpell;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads reports' facts from PostgreSQL (or H2): interaction records a page at a time in (offered at, id) order, and
 * the ACD's agent state spells ({@code acd_agent_state_spell}, written by the ACD's recorder in the same database)
 * through a cursor. Bound parameters only.
 *
 * <p>Threading: as {@link Database}; each report runs on its own pooled connection, beside the console's other work.
 */
public final class JdbcReportSource implements ReportSource {
    /** Interactions per page: big enough that paging costs little, small enough to keep a page's memory modest. */
    static final int PAGE = 1_000;
    private static final int FETCH = 1_000;

    private final Database db;

    public JdbcReportSource(Database db) {
        this.db = db;
    }

    @Override
    public Future<Long> interactions(Instant from, Instant to, Consumer<Interaction> sink) {
        return db.withConnectionInParallel(c -> {
            long n = 0;
            Instant afterOffered = from.minusNanos(1_000);
            String afterId = "";
            while (true) {
                List<Interaction> page = JdbcInteractionStore.pageAfter(c, from, to, afterOffered, afterId, PAGE);
                for (Interaction i : page) {
                    sink.accept(i);
                }
                n += page.size();
                if (page.size() < PAGE) {
                    return n;
                }
                Interaction lastOne = page.get(page.size() - 1);
                afterOffered = lastOne.offeredAt();
                afterId = lastOne.id();
            }
        });
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
