package cc.ivr.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.ivr.app.SelfServiceData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * {@link SelfServiceData} over JDBC (tables of {@code db/migration/ivr/V1__self_service.sql}). SQL only with bound
 * parameters.
 *
 * <p>Threading: each call runs on the database's worker pool and completes on the caller's context.
 */
public final class JdbcSelfServiceData implements SelfServiceData {
    private final Database db;

    public JdbcSelfServiceData(Database db) {
        this.db = db;
    }

    @Override
    public Future<Optional<Balance>> balance(String account) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                         "SELECT account, amount, currency, as_of FROM ivr_account_balance WHERE account = ?")) {
                ps.setString(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Balance>empty();
                    }
                    return Optional.of(new Balance(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        });
    }

    @Override
    public Future<Optional<OrderStatus>> orderStatus(String orderOrAccount) {
        return db.withConnection(c -> {
            Optional<OrderStatus> byOrder = order(c, "SELECT order_id, status, expected FROM ivr_order_status "
                    + "WHERE order_id = ?", orderOrAccount);
            if (byOrder.isPresent()) {
                return byOrder;
            }
            return order(c, "SELECT order_id, status, expected FROM ivr_order_status WHERE account = ? "
                    + "ORDER BY updated_at DESC, order_id DESC FETCH FIRST 1 ROWS ONLY", orderOrAccount);
        });
    }

    private static Optional<OrderStatus> order(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                java.sql.Date expected = rs.getDate(3);
                return Optional.of(new OrderStatus(rs.getString(1), rs.getString(2),
                        Optional.ofNullable(expected).map(java.sql.Date::toLocalDate)));
            }
        }
    }

    @Override
    public Future<Void> requestCallback(CallbackRequest r) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ivr_callback_request "
                         + "(unique_id, number, queue, language, data, requested_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.uniqueId());
                ps.setString(2, r.number());
                ps.setString(3, r.queue());
                ps.setString(4, r.language());
                ps.setString(5, new JsonObject(new java.util.HashMap<>(r.data())).encode());
                ps.setTimestamp(6, Timestamp.from(r.at()));
                ps.executeUpdate();
                return null;
            }
        });
    }
}
