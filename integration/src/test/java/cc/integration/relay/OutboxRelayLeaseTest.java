package cc.integration.relay;

import cc.core.app.integration.EventSink;
import cc.core.app.integration.StoredEvent;
import cc.integration.domain.relay.Backoff;
import cc.integration.domain.relay.RelayRules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A relay that does not hold the outbox-relay lease reads nothing; taking it, it reads its cursor again. */
class OutboxRelayLeaseTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a standby relay polls nothing; when it leads it goes on from the cursor another node moved")
    void pollsOnlyWhileLeading() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger cursorReads = new AtomicInteger();
        AtomicLong cursor = new AtomicLong(0);
        AtomicLong readAfter = new AtomicLong(-1);
        OutboxSource source = new OutboxSource() {
            @Override
            public Future<List<StoredEvent>> after(long after, int limit) {
                reads.incrementAndGet();
                readAfter.set(after);
                return Future.succeededFuture(List.of());
            }

            @Override
            public Future<List<StoredEvent>> bySeq(Collection<Long> seqs) {
                return Future.succeededFuture(List.of());
            }

            @Override
            public Future<Long> cursor(String sink) {
                cursorReads.incrementAndGet();
                return Future.succeededFuture(cursor.get());
            }

            @Override
            public Future<Void> moveCursor(String sink, long seq) {
                cursor.set(seq);
                return Future.succeededFuture();
            }

            @Override
            public Future<Long> lastSeq() {
                return Future.succeededFuture(cursor.get());
            }
        };
        EventSink sink = new EventSink() {
            @Override
            public String name() {
                return "hook";
            }

            @Override
            public boolean wants(String wireType) {
                return true;
            }

            @Override
            public Future<Void> deliver(List<StoredEvent> batch) {
                return Future.succeededFuture();
            }
        };
        RelayRules rules = new RelayRules(10, Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofMinutes(1),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        AtomicBoolean leads = new AtomicBoolean(false);
        OutboxRelay relay = new OutboxRelay(source, List.of(new OutboxRelay.Sink(sink, rules)), InstantSource.system(),
                leads::get);
        vertx.deployVerticle(relay).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        Thread.sleep(600);
        assertEquals(0, reads.get(), "a standby reads no events");

        cursor.set(42); // the leader relayed up to 42 meanwhile
        leads.set(true);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reads.get() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(reads.get() > 0, "the new leader polls");
        assertEquals(2, cursorReads.get(), "the cursor read at start and again when it leads");
        assertEquals(42, readAfter.get(), "it goes on after the other node's cursor");
    }
}
