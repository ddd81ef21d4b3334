package cc.integration.lookup;

import cc.core.config.ConfigNode;
import cc.core.contract.LookupAddresses;
import cc.core.contract.LookupReply;
import cc.core.contract.LookupRequest;
import cc.core.testkit.Await;
import cc.core.testkit.ManualClock;
import cc.integration.lookup.adapter.http.HttpLookupClient;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lookups against a real HTTP order system on loopback that answers fast, slowly, not at all, or with errors: what
 * the asker gets, within its budget, with the reason in words; the cache and the circuit breaker. Time for the
 * cache's TTL and the circuit's rest is a manual clock.
 */
class LookupVerticleIT {
    private static final long BUDGET_MS = 300;
    private static final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T09:00:00Z"));
    private static Vertx vertx;
    private static OrderSystem orders;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        orders = new OrderSystem(vertx);
        String yaml = String.join("\n",
                "lookups:",
                lookup("orders", "fast", "2s", 3),
                lookup("slow", "slow", "5s", 3),
                lookup("hung", "hung", "5s", 3),
                lookup("flaky", "flaky", "2s", 3),
                "pop: {show: [orders], budget: 300ms}", "");
        ConfigNode root = ConfigNode.parse("lookups.yaml", yaml, name -> null);
        LookupSettings settings = LookupSettings.read(root);
        root.finish();
        Await.result(vertx.deployVerticle(new LookupVerticle(settings, v -> new HttpLookupClient(v, clock))));
        // the first call loads the HTTP client, cache and circuit classes: not what a budget is about
        Await.result(vertx.eventBus().request(LookupAddresses.ASK, new LookupRequest("orders",
                Map.of("accountNumber", "WARM-UP"), 5_000), new DeliveryOptions().setSendTimeout(10_000)));
    }

    private static String lookup(String name, String path, String timeout, int window) {
        return String.join("\n",
                "  - name: " + name,
                "    system: {en: the order system, fa: سامانهٔ سفارش‌ها}",
                "    title: {en: Last orders, fa: آخرین سفارش‌ها}",
                "    url: " + orders.base() + "/" + path + "/customers/{accountNumber}/orders?last=5",
                "    rowsAt: orders",
                "    timeout: " + timeout,
                "    cache: {ttl: 60s, size: 100}",
                "    circuitBreaker: {window: " + window + ", minimumCalls: " + window + ", failureRate: 50, openFor: 30s, halfOpenCalls: 1}",
                "    fields:",
                "      - {key: number, en: Order, fa: سفارش}",
                "      - {key: status, en: Status, fa: وضعیت}",
                "      - {key: total.amount, en: Total, fa: مبلغ}");
    }

    @AfterAll
    static void stop() {
        orders.close();
        Await.result(vertx.close());
    }

    private static LookupReply ask(String lookup, String account) {
        return Await.result(vertx.eventBus().<LookupReply>request(LookupAddresses.ASK,
                new LookupRequest(lookup, account == null ? Map.of("phone", "0912") : Map.of("accountNumber", account),
                        BUDGET_MS), new DeliveryOptions().setSendTimeout(10_000))).body();
    }

    @Test
    @DisplayName("a fast system's orders come back as the configured fields in order; asked again, the cached answer is marked and the system is not asked")
    void foundThenCached() {
        int before = orders.requests("fast");
        LookupReply first = ask("orders", "AC-100");
        assertEquals(LookupReply.Status.FOUND, first.status());
        assertFalse(first.fromCache());
        assertEquals(List.of(Map.of("number", "SO-1002", "status", "shipped", "total.amount", "1250000"),
                Map.of("number", "SO-0977", "status", "delivered", "total.amount", "99.5")), first.rows());
        assertEquals(List.of("number", "status", "total.amount"), List.copyOf(first.rows().get(0).keySet()));

        LookupReply again = ask("orders", "AC-100");
        assertTrue(again.fromCache(), "marked as cached");
        assertEquals(first.rows(), again.rows());
        assertEquals(before + 1, orders.requests("fast"), "the second answer came from the cache");

        clock.advance(Duration.ofSeconds(61));
        assertFalse(ask("orders", "AC-100").fromCache(), "past the TTL the system is asked again");
        assertEquals(before + 2, orders.requests("fast"));
    }

    @Test
    @DisplayName("a system slower than the budget: the reply comes within the budget, says so in words, and the late answer fills the cache for the next ask")
    void slowWithinBudget() {
        orders.slowMs = 3_000;
        long t0 = System.nanoTime();
        LookupReply r = ask("slow", "AC-200");
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(LookupReply.Status.UNAVAILABLE, r.status());
        assertEquals("the order system did not answer within 300 ms", r.reason());
        assertEquals("سامانهٔ سفارش‌ها در ۳۰۰ میلی‌ثانیه پاسخ نداد", r.reasonFa());
        // the system takes 3 s: a reply well before that came at the budget, not after the system (slack for a busy CI)
        assertTrue(tookMs < 1_500, "replied at its budget, not when the system answered: took " + tookMs + " ms");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        LookupReply later = r;
        while (!(later.status() == LookupReply.Status.FOUND && later.fromCache()) && System.nanoTime() < deadline) {
            later = Await.result(vertx.timer(250).compose(t -> vertx.eventBus().<LookupReply>request(
                    LookupAddresses.ASK, new LookupRequest("slow", Map.of("accountNumber", "AC-200"), BUDGET_MS))))
                    .body();
        }
        assertEquals(LookupReply.Status.FOUND, later.status(), "the late answer filled the cache: " + later.reason());
        assertTrue(later.fromCache());
    }

    @Test
    @DisplayName("a system that never answers: within the budget, unavailable, and the asker is never failed")
    void hung() {
        long t0 = System.nanoTime();
        LookupReply r = ask("hung", "AC-300");
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(LookupReply.Status.UNAVAILABLE, r.status());
        assertEquals("the order system did not answer within 300 ms", r.reason());
        assertTrue(tookMs < 1_500, "replied at its budget, not at the 5 s timeout: took " + tookMs + " ms");
    }

    @Test
    @DisplayName("after failures the circuit opens and the system is left alone; after its rest a good answer closes it again")
    void circuit() {
        orders.flakyStatus.set(500);
        int before = orders.requests("flaky");
        for (int i = 0; i < 3; i++) {
            LookupReply r = ask("flaky", "AC-40" + i);
            assertEquals(LookupReply.Status.UNAVAILABLE, r.status());
            assertEquals("the order system answered with an error (HTTP 500)", r.reason());
        }
        assertEquals(before + 3, orders.requests("flaky"));

        LookupReply resting = ask("flaky", "AC-500");
        assertEquals(LookupReply.Status.UNAVAILABLE, resting.status());
        assertEquals("the order system failed repeatedly and is left alone for up to 30 s", resting.reason());
        assertEquals(before + 3, orders.requests("flaky"), "the open circuit did not ask the system");

        orders.flakyStatus.set(200);
        clock.advance(Duration.ofSeconds(31));
        LookupReply back = ask("flaky", "AC-501");
        assertEquals(LookupReply.Status.FOUND, back.status(), back.reason());
        assertEquals(LookupReply.Status.FOUND, ask("flaky", "AC-502").status(), "closed again: asked as usual");
        assertEquals(before + 5, orders.requests("flaky"));
    }

    @Test
    @DisplayName("a lookup not configured, or a customer without the key the URL needs, is told in words")
    void unknownAndMissingKey() {
        LookupReply unknown = ask("billing", "AC-1");
        assertEquals(LookupReply.Status.UNKNOWN_LOOKUP, unknown.status());
        assertEquals("no lookup named \"billing\" is configured", unknown.reason());
        LookupReply noKey = ask("orders", null);
        assertEquals(LookupReply.Status.NONE, noKey.status());
        assertEquals("the customer's account number is not known, so the order system was not asked", noKey.reason());
    }
}
