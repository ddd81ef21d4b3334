package cc.core.app.livestate;

import cc.core.testkit.Contexts;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cc.core.testkit.Await.result;
import static cc.core.testkit.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link LiveStateStore} promises. Each test gets a store of its own (for a shared server: its own key
 * space). Lease expiry is driven through {@link #elapse}: a store on a virtual clock moves the clock, a store on real
 * time waits it out, and the test then polls, within a bound, for what expiry makes true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LiveStateContract {

    /** An empty store, its own for one test. */
    protected abstract LiveStateStore open();

    /** Lets {@code d} pass for the store's idea of time. */
    protected abstract void elapse(Duration d);

    protected abstract Vertx vertx();

    /** Called after each test with its store; closes it unless a subclass does more. */
    protected void discard(LiveStateStore used) {
        used.close();
    }

    /** How long after an expiry the store may take to notice it. */
    protected Duration expirySlack() {
        return Duration.ofSeconds(5);
    }

    protected LiveStateStore store;

    private static final Instant T = Instant.parse("2026-03-20T08:30:00.123Z");

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void discardStore() {
        discard(store);
    }

    @Test
    @DisplayName("an agent's presence is kept, listed, replaced and removed")
    void agentPresence() {
        AgentPresence sara = new AgentPresence("agent-1", "available", null, T, "node-a", null);
        AgentPresence reza = new AgentPresence("agent-2", "paused", "lunch", T.plusSeconds(5), "node-b", "");
        AgentPresence saraOnCall = new AgentPresence("agent-1", "on-call", "", T.plusSeconds(9), "node-a", "ix-42");

        result(store.putAgent(sara));
        result(store.putAgent(reza));
        assertEquals(Optional.of(sara), result(store.agent("agent-1")));
        assertEquals(List.of(sara, reza), result(store.agents()));

        result(store.putAgent(saraOnCall));
        result(store.removeAgent("agent-2"));
        assertEquals(List.of(saraOnCall), result(store.agents()));
        assertEquals(Optional.empty(), result(store.agent("agent-2")));
        assertEquals(Optional.empty(), result(store.agent("nobody")));
    }

    @Test
    @DisplayName("a live call is kept, listed, replaced and removed")
    void liveCalls() {
        LiveCall queued = new LiveCall("ix-1", "pbx-1", "PJSIP/trunk-0000001a", "queued", "sales", 5, T, null,
                Map.of("skills", "billing:3, fa", "customerId", "42", "accountName", "حساب طلایی"));
        LiveCall ivr = new LiveCall("ix-2", "pbx-2", "PJSIP/trunk-0000001b", "ivr", null, 0, T.plusMillis(1), null,
                null);
        LiveCall talking = new LiveCall("ix-1", "pbx-1", "PJSIP/trunk-0000001a", "talking", "sales", 5,
                T.plusSeconds(40), "agent-1", Map.of());

        result(store.putCall(queued));
        result(store.putCall(ivr));
        // the routing data is what lets another node route the waiting caller as this one would
        assertEquals(Optional.of(queued), result(store.call("ix-1")));
        assertEquals("billing:3, fa", result(store.call("ix-1")).orElseThrow().routing().get("skills"));
        assertEquals(List.of(queued, ivr), result(store.calls()));

        result(store.putCall(talking));
        result(store.removeCall("ix-2"));
        assertEquals(List.of(talking), result(store.calls()));
        assertEquals(Optional.empty(), result(store.call("ix-2")));
    }

    @Test
    @DisplayName("names and reasons in Persian survive the round trip")
    void unicodeSurvives() {
        AgentPresence paused = new AgentPresence("کارشناس-۷", "paused", "نماز", T, "node-a", "");

        result(store.putAgent(paused));

        assertEquals(Optional.of(paused), result(store.agent("کارشناس-۷")));
    }

    @Test
    @DisplayName("one node holds a lease at a time; the holder renews it, the others are refused")
    void oneHolderAtATime() {
        Duration ttl = Duration.ofSeconds(30);

        assertTrue(result(store.acquireLease("router", "node-a", ttl)));
        assertFalse(result(store.acquireLease("router", "node-b", ttl)));
        assertTrue(result(store.acquireLease("router", "node-a", ttl)), "the holder renews");
        assertFalse(result(store.acquireLease("router", "node-b", ttl)));
        assertEquals(Optional.of("node-a"), result(store.leaseHolder("router")));
        assertTrue(result(store.acquireLease("dialer", "node-b", ttl)), "leases with other names are separate");
        assertEquals(Optional.empty(), result(store.leaseHolder("nobody-holds-this")));
    }

    @Test
    @DisplayName("a released lease goes to the next node at once; only the holder can release it")
    void releaseHandsOver() {
        Duration ttl = Duration.ofSeconds(30);
        assertTrue(result(store.acquireLease("router", "node-a", ttl)));

        result(store.releaseLease("router", "node-b"));
        assertEquals(Optional.of("node-a"), result(store.leaseHolder("router")), "not node-b's to release");

        result(store.releaseLease("router", "node-a"));
        assertEquals(Optional.empty(), result(store.leaseHolder("router")));
        assertTrue(result(store.acquireLease("router", "node-b", ttl)));
        assertEquals(Optional.of("node-b"), result(store.leaseHolder("router")));
    }

    @Test
    @DisplayName("a lease its holder stops renewing goes to another node after it expires")
    void expiredLeaseGoesToAnother() {
        Duration ttl = Duration.ofMillis(300);
        assertTrue(result(store.acquireLease("router", "node-a", ttl)));
        assertFalse(result(store.acquireLease("router", "node-b", ttl)));

        elapse(ttl);

        until(() -> store.acquireLease("router", "node-b", ttl), expirySlack(), "node-b taking the expired lease");
        assertFalse(result(store.acquireLease("router", "node-a", Duration.ofSeconds(30))), "node-a lost it");
    }

    @Test
    @DisplayName("renewing a lease extends it past its first expiry")
    void renewalExtends() {
        Duration ttl = Duration.ofMillis(2000);
        assertTrue(result(store.acquireLease("router", "node-a", ttl)));
        elapse(Duration.ofMillis(1200));

        assertTrue(result(store.acquireLease("router", "node-a", ttl)));
        elapse(Duration.ofMillis(1200));

        assertFalse(result(store.acquireLease("router", "node-b", ttl)), "2.4 s after taking it, renewed at 1.2 s");
        assertEquals(Optional.of("node-a"), result(store.leaseHolder("router")));
    }

    @Test
    @DisplayName("the store answers a health check")
    void ping() {
        assertTrue(result(store.ping()));
    }

    @Test
    @DisplayName("futures complete on the calling verticle's context")
    void completesOnCallersContext() {
        Context context = Contexts.newVerticleContext(vertx());
        Promise<Boolean> sameContext = Promise.promise();
        context.runOnContext(v -> store.putAgent(new AgentPresence("agent-9", "available", "", T, "node-a", ""))
                .compose(ok -> store.agent("agent-9"))
                .onComplete(ar -> sameContext.complete(ar.succeeded() && ar.result().isPresent()
                        && Vertx.currentContext() == context)));

        assertSame(Boolean.TRUE, result(sameContext.future()));
    }
}
