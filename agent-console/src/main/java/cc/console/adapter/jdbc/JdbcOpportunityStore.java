package cc.console.adapter.jdbc;

import cc.console.app.OpportunityStore;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcOutbox;
import cc.core.adapter.jdbc.JdbcPipelineSource;
import cc.core.domain.sales.Opportunity;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opportunities in core's table {@code sales_opportunities} (core V10), the one record the pipeline report and the
 * customer scores read too. A save that closes an opportunity (won or lost) stamps its closing time once; one that
 * reopens it clears it. A save that creates an opportunity or changes what it says writes an
 * {@code opportunity.changed} event to the outbox in the same transaction ({@link OpportunityEvents}); saving it
 * unchanged writes none. Threading: as {@link Database}.
 */
public final class JdbcOpportunityStore implements OpportunityStore {
    private static final String SELECT = "select " + JdbcPipelineSource.COLUMNS + " from sales_opportunities";

    private final Database db;
    private final InstantSource clock;

    public JdbcOpportunityStore(Database db) {
        this(db, InstantSource.system());
    }

    /** @param clock the time of each {@code opportunity.changed} event */
    public JdbcOpportunityStore(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Future<List<Opportunity>> openFor(long customerId) {
        return db.withConnection(c -> {
            List<Opportunity> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(SELECT + " where customer_id = ? and status = 'open'"
                    + " order by id desc")) {
                st.setLong(1, customerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(JdbcPipelineSource.opportunity(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Future<Optional<Opportunity>> find(long id) {
        return db.withConnection(c -> find(c, id));
    }

    private static Optional<Opportunity> find(Connection c, long id) throws SQLException {
        return find(c, id, "");
    }

    /** {@code lock}: {@code ""}, or {@code " for update"} to hold the row until the transaction ends. */
    private static Optional<Opportunity> find(Connection c, long id, String lock) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + " where id = ?" + lock)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(JdbcPipelineSource.opportunity(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Future<Opportunity> save(Opportunity o) {
        return db.inTransaction(c -> {
            long id = o.id();
            Optional<Opportunity> before = Optional.empty();
            if (id == 0) {
                try (PreparedStatement st = c.prepareStatement("insert into sales_opportunities (customer_id,"
                        + " interaction_id, title, amount, currency, probability, owner, status, stage, product,"
                        + " lost_reason, expected_close, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " case when ? then current_timestamp end)", Statement.RETURN_GENERATED_KEYS)) {
                    st.setLong(1, o.customerId());
                    st.setString(2, o.interactionId());
                    int next = fields(st, 3, o);
                    st.setBoolean(next, !o.isOpen());
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
            } else {
                before = find(c, id, " for update");
                try (PreparedStatement st = c.prepareStatement("update sales_opportunities set title = ?, amount = ?,"
                        + " currency = ?, probability = ?, owner = ?, status = ?, stage = ?, product = ?,"
                        + " lost_reason = ?, expected_close = ?, updated_at = current_timestamp,"
                        + " closed_at = case when ? then coalesce(closed_at, current_timestamp) end where id = ?")) {
                    int next = fields(st, 1, o);
                    st.setBoolean(next, !o.isOpen());
                    st.setLong(next + 1, id);
                    if (st.executeUpdate() == 0) {
                        throw new IllegalArgumentException("no opportunity " + id);
                    }
                }
            }
            // made, closed or reopened: its window of calls changed, so its contacts and talk are counted again
            cc.core.adapter.jdbc.JdbcSalesEffort.recountOpportunity(c, id);
            Opportunity saved = find(c, id).orElseThrow();
            List<String> changed = OpportunityEvents.changedFields(before, saved);
            if (!changed.isEmpty()) {
                JdbcOutbox.append(c, OpportunityEvents.changed(before, saved, changed, clock.instant()));
            }
            return saved;
        });
    }

    /** Binds title to expected close from {@code first}; returns the next parameter's index. */
    private static int fields(PreparedStatement st, int first, Opportunity o) throws SQLException {
        int i = first;
        st.setString(i++, o.title());
        st.setBigDecimal(i++, o.amount());
        st.setString(i++, o.currency());
        st.setInt(i++, o.probability());
        st.setString(i++, o.owner());
        st.setString(i++, o.status());
        st.setString(i++, o.stage());
        st.setString(i++, o.product());
        st.setString(i++, o.lostReason());
        if (o.expectedClose().isPresent()) {
            st.setDate(i++, Date.valueOf(o.expectedClose().get()));
        } else {
            st.setNull(i++, Types.DATE);
        }
        return i;
    }
}
