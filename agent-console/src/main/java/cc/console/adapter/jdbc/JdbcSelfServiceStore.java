package cc.console.adapter.jdbc;

import cc.console.app.SelfServiceStore;
import cc.console.domain.selfservice.ClickToTalkLimits;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Orders read from core's {@code customer_orders} (V13's number, status and phone); the page's decisions in
 * {@code selfservice_requests}. Admitting a click-to-talk request locks {@code selfservice_limit_lock}'s one row for
 * the transaction, so counting and recording are one step for every node sharing the database.
 * Threading: as {@link Database}.
 */
public final class JdbcSelfServiceStore implements SelfServiceStore {
    private final Database db;

    public JdbcSelfServiceStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<Optional<Order>> order(String orderNumber) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement("select order_number, status, status_at, ordered_at,"
                    + " amount, phone from customer_orders where order_number = ?")) {
                st.setString(1, orderNumber);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Order>empty();
                    }
                    OffsetDateTime statusAt = rs.getObject(3, OffsetDateTime.class);
                    return Optional.of(new Order(rs.getString(1), rs.getString(2),
                            Optional.ofNullable(statusAt).map(OffsetDateTime::toInstant),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBigDecimal(5), rs.getString(6)));
                }
            }
        });
    }

    @Override
    public Future<Integer> lookupFailures(String address, Instant since) {
        return db.withConnectionInParallel(c -> count(c, "select count(*) from selfservice_requests where kind = ?"
                + " and address = ? and outcome in ('failed', 'refused') and at > ?", ORDER_LOOKUP, address, since));
    }

    @Override
    public Future<Void> record(Decision d) {
        return db.withConnectionInParallel(c -> {
            insert(c, d);
            return null;
        });
    }

    @Override
    public Future<Optional<ClickToTalkLimits.Refusal>> admitClickToTalk(ClickToTalkLimits limits, String address,
                                                                        String number, String reference, Instant now) {
        ClickToTalkLimits.Windows w = limits.windows(now);
        return db.inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "select id from selfservice_limit_lock where id = 1 for update");
                 ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            String sent = "select count(*) from selfservice_requests where kind = '" + CLICK_TO_TALK
                    + "' and outcome = 'sent' and at > ?";
            ClickToTalkLimits.Counts counts = new ClickToTalkLimits.Counts(
                    count(c, sent + " and address = ?", w.addressSince(), address),
                    count(c, sent + " and number = ?", w.numberSince(), number),
                    count(c, sent, w.allSince()));
            Optional<ClickToTalkLimits.Refusal> refusal = limits.check(counts);
            insert(c, new Decision(CLICK_TO_TALK, address, number, refusal.isPresent() ? "" : reference,
                    refusal.isPresent() ? "refused" : "sent", refusal.map(r -> r.code).orElse(""), now));
            return refusal;
        });
    }

    @Override
    public Future<Void> noteAnswer(String reference, String reason) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement("update selfservice_requests set reason = ?"
                    + " where kind = ? and reference = ?")) {
                st.setString(1, clip(reason));
                st.setString(2, CLICK_TO_TALK);
                st.setString(3, reference);
                st.executeUpdate();
            }
            return null;
        });
    }

    private static void insert(Connection c, Decision d) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into selfservice_requests (kind, address, number,"
                + " reference, outcome, reason, at) values (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, d.kind());
            st.setString(2, clip(d.address(), 64));
            st.setString(3, clip(d.number(), 64));
            st.setString(4, d.reference());
            st.setString(5, d.outcome());
            st.setString(6, clip(d.reason()));
            st.setObject(7, timestamp(d.at()));
            st.executeUpdate();
        }
    }

    /** The first parameter is the window's start; the rest are strings. */
    private static int count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Instant at) {
                    st.setObject(i + 1, timestamp(at));
                } else {
                    st.setString(i + 1, (String) params[i]);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return clip(s, 400);
    }

    private static String clip(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
