package cc.core.adapter.jdbc;

import cc.core.app.scoring.CustomerScoreStore;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.domain.scoring.CustomerScore;
import cc.core.domain.scoring.OfferPropensity;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer histories read from {@code customers}, {@code customer_orders}, {@code sales_opportunities} (won and lost
 * ones; the value of those won in the scoring currency, {@code scores.currency}: an amount in another currency counts
 * as a won or lost opportunity but adds nothing to the value, as amounts are never added across currencies),
 * {@code customer_offers} and {@code interactions}; scores written to {@code customer_scores} (which the dialer's call lists read) with their time
 * and reasons; runs to {@code customer_score_runs}.
 *
 * <p>Threading: as {@link Database}. A page of histories is five queries over a range of customer ids. Scores are
 * written as batches of deletes and inserts in one transaction, which H2 and PostgreSQL both take (H2 has no
 * {@code on conflict do update}); a scoring run replaces a page's scores with one range delete.
 */
public final class JdbcCustomerScoreStore implements CustomerScoreStore {
    static final int REASONS_COLUMN = 400;

    /** The currency orders and the history's opportunities are kept in unless configured ({@code scores.currency}). */
    public static final String DEFAULT_CURRENCY = "IRR";

    private final Database db;
    private final String currency;

    public JdbcCustomerScoreStore(Database db) {
        this(db, DEFAULT_CURRENCY);
    }

    /** @param currency the center's own currency (ISO 4217): what customer value is counted in */
    public JdbcCustomerScoreStore(Database db, String currency) {
        this.db = db;
        this.currency = currency;
    }

    @Override
    public Future<List<CustomerHistory>> histories(long afterId, int limit) {
        return db.withConnection(c -> {
            Map<Long, Builder> page = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("select id, segment, created_at, closed_at from customers"
                    + " where id > ? order by id limit ?")) {
                st.setLong(1, afterId);
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        page.put(id, new Builder(id, rs.getString(2), instant(rs, 3), Optional.ofNullable(instant(rs, 4))));
                    }
                }
            }
            if (page.isEmpty()) {
                return List.of();
            }
            long first = page.keySet().iterator().next();
            long last = first;
            for (long id : page.keySet()) {
                last = id;
            }
            rows(c, "select customer_id, ordered_at, amount from customer_orders where customer_id between ? and ?",
                    first, last, (rs, b) -> b.orders.add(new CustomerHistory.Order(instant(rs, 2),
                            rs.getDouble(3))), page);
            rows(c, "select customer_id, closed_at, case when currency = ? then amount else 0 end, status"
                    + " from sales_opportunities where customer_id between ? and ? and status in ('won', 'lost')"
                    + " and closed_at is not null order by id", currency, first, last, (rs, b) -> b.opportunities.add(
                            new CustomerHistory.Opportunity(instant(rs, 2), rs.getDouble(3),
                                    rs.getString(4).equals("won"))), page);
            rows(c, "select customer_id, offered_at, disposition, satisfaction from interactions"
                    + " where customer_id between ? and ?", first, last, (rs, b) -> b.contacts.add(
                            new CustomerHistory.Contact(instant(rs, 2), Optional.ofNullable(rs.getString(3)).orElse(""),
                                    rs.getInt(4))), page);
            // an offer the customer has not answered yet (outcome offered, core V9) says nothing of their propensity
            rows(c, "select customer_id, offered_at, product, accepted from customer_offers"
                    + " where customer_id between ? and ? and (outcome is null or outcome <> 'offered')", first, last, (rs, b) -> b.offers.add(
                            new CustomerHistory.Offer(instant(rs, 2), rs.getString(3), rs.getBoolean(4))), page);
            return page.values().stream().map(Builder::build).toList();
        });
    }

    private interface RowReader {
        void read(ResultSet rs, Builder customer) throws SQLException;
    }

    private static void rows(Connection c, String sql, long first, long last, RowReader reader,
                             Map<Long, Builder> page) throws SQLException {
        rows(c, sql, null, first, last, reader, page);
    }

    /** As above, with a text parameter bound before the id range when {@code text} is not null. */
    private static void rows(Connection c, String sql, String text, long first, long last, RowReader reader,
                             Map<Long, Builder> page) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (text != null) {
                st.setString(i++, text);
            }
            st.setLong(i++, first);
            st.setLong(i, last);
            st.setFetchSize(1_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Builder b = page.get(rs.getLong(1));
                    if (b != null) {
                        reader.read(rs, b);
                    }
                }
            }
        }
    }

    @Override
    public Future<Void> save(List<CustomerScore> scores) {
        if (scores.isEmpty()) {
            return Future.succeededFuture();
        }
        return db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "delete from customer_scores where customer_id = ? and name = ?")) {
                for (CustomerScore s : scores) {
                    del.setLong(1, s.customerId());
                    del.setString(2, s.name());
                    del.addBatch();
                }
                del.executeBatch();
            }
            insert(c, scores);
            return null;
        });
    }

    private static void insert(Connection c, List<CustomerScore> scores) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("insert into customer_scores"
                + " (customer_id, name, score, computed_at, reasons) values (?, ?, ?, ?, ?)")) {
            for (CustomerScore s : scores) {
                ins.setLong(1, s.customerId());
                ins.setString(2, s.name());
                ins.setDouble(3, s.score());
                ins.setObject(4, JdbcInteractionStore.timestamp(s.computedAt()));
                ins.setString(5, reasons(s.reasons()));
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    @Override
    public Future<Void> replace(long firstId, long lastId, List<CustomerScore> scores) {
        return db.inTransaction(c -> {
            // one range delete on the primary key's leading column: a delete per score costs a plan each, and a
            // generic plan made while the table was small scans it whole every time
            try (PreparedStatement del = c.prepareStatement("delete from customer_scores"
                    + " where customer_id between ? and ? and (name in (?, ?, ?) or left(name, ?) = ?)")) {
                del.setLong(1, firstId);
                del.setLong(2, lastId);
                del.setString(3, CustomerScore.VALUE);
                del.setString(4, CustomerScore.LOYALTY);
                del.setString(5, CustomerScore.CHURN_RISK);
                del.setInt(6, OfferPropensity.PREFIX.length());
                del.setString(7, OfferPropensity.PREFIX);
                del.executeUpdate();
            }
            insert(c, scores);
            return null;
        });
    }

    @Override
    public Future<Void> saveRun(ScoringRun run) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into customer_score_runs"
                    + " (computed_at, customers, scored, churners, held_out_auc) values (?, ?, ?, ?, ?)")) {
                st.setObject(1, JdbcInteractionStore.timestamp(run.computedAt()));
                st.setInt(2, run.customers());
                st.setInt(3, run.scored());
                st.setInt(4, run.churners());
                if (run.heldOutAuc().isPresent()) {
                    st.setDouble(5, run.heldOutAuc().getAsDouble());
                } else {
                    st.setNull(5, Types.DOUBLE);
                }
                st.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A customer's scores, read beside the caller's other database work rather than after it: the ACD's routing of a
     * call and the screen-pop's offer ask this and must not wait behind an interval being stored.
     */
    @Override
    public Future<List<CustomerScore>> scores(long customerId) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement("select name, score, computed_at, reasons"
                    + " from customer_scores where customer_id = ? order by name")) {
                st.setLong(1, customerId);
                List<CustomerScore> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Instant at = instant(rs, 3);
                        String reasons = rs.getString(4);
                        out.add(new CustomerScore(customerId, rs.getString(1), rs.getDouble(2),
                                at == null ? Instant.EPOCH : at,
                                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(","))));
                    }
                }
                return out;
            }
        });
    }

    /** Comma-separated, whole names only: a list too long for the column loses its last names, never half a name. */
    static String reasons(List<String> reasons) {
        StringBuilder s = new StringBuilder();
        for (String r : reasons) {
            int extra = (s.length() == 0 ? 0 : 1) + r.length();
            if (s.length() + extra > REASONS_COLUMN) {
                break;
            }
            s.append(s.length() == 0 ? "" : ",").append(r);
        }
        return s.toString();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static final class Builder {
        final long id;
        final String segment;
        final Instant since;
        final Optional<Instant> closedAt;
        final List<CustomerHistory.Order> orders = new ArrayList<>();
        final List<CustomerHistory.Opportunity> opportunities = new ArrayList<>();
        final List<CustomerHistory.Contact> contacts = new ArrayList<>();
        final List<CustomerHistory.Offer> offers = new ArrayList<>();

        Builder(long id, String segment, Instant since, Optional<Instant> closedAt) {
            this.id = id;
            this.segment = segment;
            this.since = since;
            this.closedAt = closedAt;
        }

        CustomerHistory build() {
            return new CustomerHistory(id, segment, since, orders, opportunities, contacts, offers, closedAt);
        }
    }
}
