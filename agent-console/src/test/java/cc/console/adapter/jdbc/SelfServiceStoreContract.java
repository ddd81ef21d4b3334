package cc.console.adapter.jdbc;

import cc.console.app.SelfServiceStore;
import cc.console.domain.selfservice.ClickToTalkLimits;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcHistoryLoader;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-service store on a real database: orders by number as the demo history writes them (core V13), and the
 * click-to-talk ledger (console V4) counting per address, number and day, across two stores standing for two nodes
 * and under requests racing for the last allowance.
 */
abstract class SelfServiceStoreContract {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private Vertx vertx;
    private Database db;
    private Database second;
    private JdbcSelfServiceStore store;

    protected abstract Database open(Vertx vertx);

    /** A second connection pool on the same database (another node). */
    protected abstract Database openAgain(Vertx vertx);

    protected void dispose() {}

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        db = open(vertx);
        Await.result(new SchemaMigrations().apply(db, List.of("core", "console")));
        second = openAgain(vertx);
        store = new JdbcSelfServiceStore(db);
    }

    @AfterEach
    void tearDown() {
        second.close();
        db.close();
        Await.result(vertx.close());
        dispose();
    }

    @Test
    @DisplayName("a generated order is found by its number with its status and phone; an unknown number is not")
    void ordersByNumber() {
        CustomerHistory h = new CustomerHistory(1, "retail", NOW.minus(Duration.ofDays(400)),
                List.of(new CustomerHistory.Order(NOW.minus(Duration.ofDays(30)), 120.5),
                        new CustomerHistory.Order(NOW.minus(Duration.ofDays(2)), 80)),
                List.of(), List.of(), List.of(), Optional.empty());
        long id = Await.result(new JdbcHistoryLoader(db).load(List.of(h)))[0];
        SelfServiceStore.Order latest = Await.result(store.order(JdbcHistoryLoader.orderNumber(id, 1))).orElseThrow();
        assertEquals("shipped", latest.status());
        assertEquals(Optional.of(NOW.minus(Duration.ofDays(1))), latest.statusAt());
        assertEquals(0, new BigDecimal("80").compareTo(latest.amount()));
        assertEquals(JdbcHistoryLoader.phone(id), latest.phone());
        assertEquals("delivered", Await.result(store.order(JdbcHistoryLoader.orderNumber(id, 0))).orElseThrow()
                .status());
        assertEquals(Optional.empty(), Await.result(store.order("99999-9")));
    }

    @Test
    @DisplayName("failed order lookups are counted per address inside the hour")
    void lookupFailures() {
        for (int i = 0; i < 3; i++) {
            Await.result(store.record(new SelfServiceStore.Decision(SelfServiceStore.ORDER_LOOKUP, "198.51.100.7",
                    "00001-1", "", "failed", "wrong-second-factor", NOW.minusSeconds(600 * i))));
        }
        Await.result(store.record(new SelfServiceStore.Decision(SelfServiceStore.ORDER_LOOKUP, "198.51.100.7",
                "00001-1", "", "failed", "unknown-order", NOW.minus(Duration.ofHours(2)))));
        assertEquals(3, Await.result(store.lookupFailures("198.51.100.7", NOW.minus(Duration.ofHours(1)))));
        assertEquals(0, Await.result(store.lookupFailures("198.51.100.8", NOW.minus(Duration.ofHours(1)))));
    }

    @Test
    @DisplayName("the limits hold across two nodes: per address, per number, and refusals are recorded with the reason")
    void limitsAcrossNodes() {
        JdbcSelfServiceStore other = new JdbcSelfServiceStore(second);
        ClickToTalkLimits limits = ClickToTalkLimits.defaults();
        assertEquals(Optional.empty(), Await.result(store.admitClickToTalk(limits, "a", "09121111111", "REF0000001", NOW)));
        assertEquals(Optional.empty(), Await.result(other.admitClickToTalk(limits, "a", "09122222222", "REF0000002",
                NOW.plusSeconds(1))));
        assertEquals(Optional.empty(), Await.result(store.admitClickToTalk(limits, "b", "09121111111", "REF0000003",
                NOW.plusSeconds(2))));
        assertEquals(Optional.of(ClickToTalkLimits.Refusal.NUMBER_LIMIT), Await.result(other.admitClickToTalk(limits,
                "c", "09121111111", "REF0000004", NOW.plusSeconds(3))));
        assertEquals(Optional.empty(), Await.result(other.admitClickToTalk(limits, "a", "09123333333", "REF0000005",
                NOW.plusSeconds(4))));
        assertEquals(Optional.of(ClickToTalkLimits.Refusal.ADDRESS_LIMIT), Await.result(store.admitClickToTalk(limits,
                "a", "09124444444", "REF0000006", NOW.plusSeconds(5))));
        assertEquals(Optional.empty(), Await.result(store.admitClickToTalk(limits, "a", "09124444444", "REF0000007",
                NOW.plus(Duration.ofHours(1)).plusSeconds(1))), "the first from a left the hour");
        assertEquals(List.of("sent", "sent", "sent", "refused number-limit", "sent", "refused address-limit", "sent"),
                ledger());
    }

    @Test
    @DisplayName("a hundred requests racing from two nodes for one address hand over exactly the limit")
    void racingRequests() {
        ClickToTalkLimits limits = new ClickToTalkLimits(3, 2, 500);
        JdbcSelfServiceStore other = new JdbcSelfServiceStore(second);
        List<Future<Optional<ClickToTalkLimits.Refusal>>> all = new ArrayList<>();
        // from other contexts too, so the pools' connections really run side by side
        for (int i = 0; i < 100; i++) {
            JdbcSelfServiceStore s = i % 2 == 0 ? store : other;
            String number = String.format("0912%07d", i);
            String ref = String.format("R%09d", i);
            all.add(vertx.executeBlocking(() -> Await.result(s.admitClickToTalk(limits, "203.0.113.5", number, ref,
                    NOW)), false));
        }
        long handed = all.stream().map(Await::result).filter(Optional::isEmpty).count();
        assertEquals(3, handed);
        assertEquals(100, ledger().size(), "every request recorded, the refusals with their reason");
        assertTrue(ledger().stream().filter(l -> l.startsWith("refused")).allMatch(l -> l.equals(
                "refused address-limit")));
    }

    private List<String> ledger() {
        return Await.result(db.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select outcome, reason from selfservice_requests"
                    + " where kind = 'click-to-talk' order by id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add((rs.getString(1) + " " + rs.getString(2)).strip());
                }
            }
            return out;
        }));
    }
}
