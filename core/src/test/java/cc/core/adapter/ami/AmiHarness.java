package cc.core.adapter.ami;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** An {@link AmiTelephony} on its own Vert.x with every call and link event recorded, for the integration tests. */
final class AmiHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    final Vertx vertx = Vertx.vertx();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AmiTelephony telephony;
    final List<CallEvent> calls = new CopyOnWriteArrayList<>();
    final List<LinkEvent> links = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    AmiHarness(List<AmiServerConfig> servers, AmiOptions options) {
        telephony = new AmiTelephony(vertx, servers, options, registry, InstantSource.system());
        telephony.onCallEvent(e -> {
            calls.add(e);
            threads.add(Thread.currentThread().getName());
        });
        telephony.onLinkEvent(links::add);
    }

    static AmiServerConfig server(String name, TraceAmiPeer peer, String secret) {
        return new AmiServerConfig(name, "127.0.0.1", peer.port(), "cc", secret, Duration.ofSeconds(2),
                Duration.ofMillis(50), Duration.ofMillis(400));
    }

    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }

    /** Waits until the condition holds, polling; fails after {@link #WAIT}. */
    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    void untilCall(String what, Predicate<CallEvent> p) throws InterruptedException {
        until(what, () -> calls.stream().anyMatch(p));
    }

    void untilLink(String what, Predicate<LinkEvent> p) throws InterruptedException {
        until(what, () -> links.stream().anyMatch(p));
    }

    <T extends CallEvent> List<T> calls(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (CallEvent e : calls) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        try {
            await(telephony.stop());
        } finally {
            await(vertx.close());
        }
    }
}
