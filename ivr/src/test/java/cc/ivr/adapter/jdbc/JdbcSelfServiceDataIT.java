package cc.ivr.adapter.jdbc;

import cc.ivr.app.SelfServiceData;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import cc.core.testkit.MigratedDatabase;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Self-service data in a real PostgreSQL database of its own, created by the schema migrations of core and ivr. */
class JdbcSelfServiceDataIT {
    static Vertx vertx;
    static MigratedDatabase db;
    static JdbcSelfServiceData data;

    @BeforeAll
    static void createDatabase() throws Exception {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", "ivr");
        db.execute("INSERT INTO ivr_account_balance (account, amount, currency) VALUES ('49927395', 1234.56, 'dollar')");
        db.execute("INSERT INTO ivr_order_status (order_id, account, status, expected, updated_at) VALUES "
                + "('7001', '49927395', 'delivered', NULL, TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00'),"
                + "('7002', '49927395', 'shipped', DATE '2026-11-25', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00')");
        data = new JdbcSelfServiceData(db.database());
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
        vertx.close().await();
    }

    @Test
    @DisplayName("A caller's balance is read by account number; an unknown account has none")
    void balance() {
        SelfServiceData.Balance b = data.balance("49927395").await().orElseThrow();
        assertEquals(new BigDecimal("1234.56"), b.amount());
        assertEquals("dollar", b.currency());
        assertEquals(Optional.empty(), data.balance("' OR '1'='1").await());
    }

    @Test
    @DisplayName("Order status by order number, or the latest order of an account number")
    void orderStatus() {
        SelfServiceData.OrderStatus byOrder = data.orderStatus("7001").await().orElseThrow();
        assertEquals("delivered", byOrder.status());
        assertEquals(Optional.empty(), byOrder.expected());
        SelfServiceData.OrderStatus latest = data.orderStatus("49927395").await().orElseThrow();
        assertEquals("7002", latest.order());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 25)), latest.expected());
        assertTrue(data.orderStatus("0000").await().isEmpty());
    }

    @Test
    @DisplayName("A callback request is stored with the caller's number, queue, language and what the IVR learned")
    void callback() throws Exception {
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        data.requestCallback(new SelfServiceData.CallbackRequest("1795417535.3", "5551234", "support", "fa",
                Map.of("account", "49927395"), at)).await();
        db.database().withConnection(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT number, queue, language, data, requested_at, status "
                         + "FROM ivr_callback_request WHERE unique_id = '1795417535.3'")) {
                assertTrue(rs.next());
                assertEquals("5551234", rs.getString(1));
                assertEquals("support", rs.getString(2));
                assertEquals("fa", rs.getString(3));
                assertEquals("{\"account\":\"49927395\"}", rs.getString(4));
                assertEquals(at, rs.getTimestamp(5).toInstant());
                assertEquals("open", rs.getString(6));
            }
            return null;
        }).await();
    }
}
