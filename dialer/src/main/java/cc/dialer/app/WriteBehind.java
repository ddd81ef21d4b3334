package cc.dialer.app;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The dialer's writes of attempts, retry states, agent time and audit lines, retried until the database takes them:
 * a campaign keeps dialling while the database is away (the calls are real, so must their records be), and what it
 * did is written once the database is back. Writes of one key (an attempt, a contact) run one at a time in the order
 * asked, so a retried old state of an attempt never lands after its newer state; different keys go in parallel.
 * Each write must be safe to repeat (it may have committed before its answer was lost): the stores replace whole rows
 * or skip an audit line already there.
 *
 * <p>Threading: callable from any thread; the queues live on the context it was created on.
 */
public final class WriteBehind {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
    static final long RETRY_MS = 1_000;

    private final Vertx vertx;
    private final Context context;
    private final Map<String, Deque<Pending>> queues = new HashMap<>();
    private long failures;
    private boolean failing;
    private int backlog;

    private record Pending(String what, Supplier<Future<?>> write, Promise<Void> done) {}

    /** Creates it on the current context (a verticle's start). */
    public WriteBehind(Vertx vertx) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
    }

    /**
     * Queues {@code write} behind the earlier writes of {@code key}; the future completes once it has been written
     * (after however many retries).
     */
    public Future<Void> write(String key, String what, Supplier<Future<?>> write) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            backlog++;
            Deque<Pending> q = queues.computeIfAbsent(key, k -> new ArrayDeque<>());
            q.addLast(new Pending(what, write, done));
            if (q.size() == 1) {
                run(key, q);
            }
        });
        return done.future();
    }

    private void run(String key, Deque<Pending> q) {
        Pending head = q.peekFirst();
        Future<?> attempt;
        try {
            attempt = head.write.get();
        } catch (RuntimeException e) {
            attempt = Future.failedFuture(e);
        }
        attempt.onComplete(r -> context.runOnContext(v -> {
            if (r.succeeded()) {
                if (failing) {
                    failing = false;
                    LOG.info("dialer writes go through again ({} retried in all)", failures);
                }
                q.removeFirst();
                backlog--;
                head.done.complete();
                if (q.isEmpty()) {
                    queues.remove(key);
                } else {
                    run(key, q);
                }
            } else {
                failures++;
                if (!failing) {
                    failing = true;
                    LOG.error("dialer write of {} failed; it and what follows it are retried every {} ms until the "
                            + "database takes them: {}", head.what, RETRY_MS, r.cause().getMessage());
                }
                vertx.setTimer(RETRY_MS, t -> run(key, q));
            }
        }));
    }

    /** Writes that failed and were tried again (a figure for tests and metrics). */
    public Future<Long> failures() {
        Promise<Long> p = Promise.promise();
        context.runOnContext(v -> p.complete(failures));
        return p.future();
    }

    /** Writes asked for and not yet done. */
    public Future<Integer> backlog() {
        Promise<Integer> p = Promise.promise();
        context.runOnContext(v -> p.complete(backlog));
        return p.future();
    }
}
