package cc.core.app.livestate;

import cc.core.adapter.memory.MemoryLiveState;
import cc.core.testkit.ManualClock;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two nodes on one store (lease expiry on a manual clock, renewals on real Vert.x timers). */
class LeadershipTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("exactly one node holds the lease; when it stops renewing the other takes it after the ttl")
    void oneHolderAndTakeover() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
        MemoryLiveState store = new MemoryLiveState(clock);
        CopyOnWriteArrayList<String> log = new CopyOnWriteArrayList<>();
        Leadership a = new Leadership(store, "dialer", "a", Duration.ofMillis(300));
        Leadership b = new Leadership(store, "dialer", "b", Duration.ofMillis(300));
        vertx.runOnContext(v -> a.start(vertx, () -> log.add("a gained"), () -> log.add("a lost")));
        await(a::holds);
        vertx.runOnContext(v -> b.start(vertx, () -> log.add("b gained"), () -> log.add("b lost")));
        Thread.sleep(400);
        assertTrue(a.holds());
        assertFalse(b.holds(), "the lease is a's while it renews");

        // a dies (stops renewing, keeps the lease): b waits for the time to live
        a.halt();
        Thread.sleep(300);
        assertFalse(b.holds(), "not before the ttl");
        clock.advance(Duration.ofMillis(301));
        await(b::holds);
        // the holder is marked before it is told (on its context): wait for the telling, not only the mark
        await(() -> log.size() >= 2);
        assertEquals(java.util.List.of("a gained", "b gained"), log);
        b.stop();
        assertEquals(java.util.Optional.empty(), store.leaseHolder("dialer").result(), "given up at stop");
    }

    @Test
    @DisplayName("a holder whose renewal finds another node holding the lease is told at once")
    void lostWhenAnotherHolds() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
        MemoryLiveState store = new MemoryLiveState(clock);
        CopyOnWriteArrayList<String> log = new CopyOnWriteArrayList<>();
        Leadership a = new Leadership(store, "outbox-relay", "a", Duration.ofMillis(300));
        vertx.runOnContext(v -> a.start(vertx, () -> log.add("gained"), () -> log.add("lost")));
        await(a::holds);
        // as after a pause longer than the ttl: the lease ran out and another node took it
        clock.advance(Duration.ofSeconds(1));
        assertTrue(store.acquireLease("outbox-relay", "b", Duration.ofSeconds(10)).result());
        await(() -> !a.holds());
        await(() -> log.size() >= 2);
        assertEquals(java.util.List.of("gained", "lost"), log);
        a.stop();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
