package cc.integration.relay;

import cc.core.app.integration.EventSink;
import cc.core.app.integration.StoredEvent;
import cc.integration.domain.relay.RelayCore;
import cc.integration.domain.relay.RelayRules;
import cc.integration.domain.relay.SinkProgress;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers the outbox to its sinks: for each sink, reads the events after the sink's cursor (a batch at a time, in seq
 * order), leaves out the types the sink does not want, hands the rest to {@link EventSink#deliver} and stores the
 * cursor only once that succeeded; a failed batch is offered again after a backoff. What to take, when to read again
 * and when to pass a gap in the seqs is {@link RelayCore}'s decision; this verticle reads, delivers and waits.
 *
 * <p>It wakes on a short poll ({@link RelayRules#pollEvery}, 50 ms by default) rather than a notification: it works
 * the same on PostgreSQL and the embedded database, and at 50 ms the poll is well inside the lag budget. A full batch is
 * followed by the next read at once, so a backlog drains at the sinks' speed.
 *
 * <p>Each sink runs on its own: a receiver that is down holds back only its own subscription. One relay per database:
 * two would each deliver everything (at least once holds, but twice the copies).
 *
 * <p>Threading: every sink's loop runs on this verticle's event loop; {@link #status()} may be read from any thread.
 */
public final class OutboxRelay extends AbstractVerticle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LATE_CHECK_EVERY = Duration.ofSeconds(1);

    /** A sink with the rules it is relayed by (batch size, backoff). */
    public record Sink(EventSink sink, RelayRules rules) {}

    /** One sink's progress as the console shows it. */
    public record SinkStatus(String name, long cursor, long lagMillis, int failures, String lastError, long delivered) {}

    private final OutboxSource source;
    private final List<Run> runs = new ArrayList<>();
    private final InstantSource clock;
    private final Map<String, SinkStatus> status = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private final BooleanSupplier leads;
    /** How often a standby looks whether it leads now. */
    private static final long STANDBY_CHECK_MS = 250;

    public OutboxRelay(OutboxSource source, List<Sink> sinks, InstantSource clock) {
        this(source, sinks, clock, () -> true);
    }

    /**
     * Relays only while {@code leads} says so (several nodes on one database: the holder of the "outbox-relay" lease);
     * a node that starts leading reads its cursors again, since another node moved them.
     */
    public OutboxRelay(OutboxSource source, List<Sink> sinks, InstantSource clock, BooleanSupplier leads) {
        this.leads = leads;
        this.source = source;
        this.clock = clock;
        sinks.forEach(s -> runs.add(new Run(s.sink(), new RelayCore(s.rules()))));
    }

    @Override
    public void start(Promise<Void> started) {
        List<Future<Long>> cursors = runs.stream().map(r -> source.cursor(r.sink.name())).toList();
        Future.all(cursors).onComplete(ar -> {
            if (ar.failed()) {
                started.fail(new IllegalStateException("the outbox relay cannot read its cursors: "
                        + ar.cause().getMessage(), ar.cause()));
                return;
            }
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                r.progress = SinkProgress.at(cursors.get(i).result(), clock.instant());
                log.info("outbox relay: sink {} starts after seq {}", r.sink.name(), r.progress.cursor());
                publish(r);
                tick(r);
            }
            started.complete();
        });
    }

    @Override
    public void stop() {
        stopped = true;
    }

    /** Every sink's progress, by sink name. */
    public Map<String, SinkStatus> status() {
        return Map.copyOf(status);
    }

    private void tick(Run r) {
        if (stopped) {
            return;
        }
        if (!leads.getAsBoolean()) {
            r.standing = true;
            r.prefetched = null;
            vertx.setTimer(STANDBY_CHECK_MS, id -> tick(r));
            return;
        }
        if (r.standing) {
            source.cursor(r.sink.name()).onComplete(ar -> {
                if (ar.succeeded()) {
                    r.standing = false;
                    r.progress = SinkProgress.at(ar.result(), clock.instant());
                    log.info("outbox relay: this node relays now; sink {} goes on after seq {}", r.sink.name(),
                            ar.result());
                    tick(r);
                } else {
                    log.warn("outbox relay: sink {}: cursor not read: {}", r.sink.name(), ar.cause().getMessage());
                    vertx.setTimer(STANDBY_CHECK_MS, id -> tick(r));
                }
            });
            return;
        }
        Future<List<StoredEvent>> rows = r.prefetched != null ? r.prefetched
                : source.after(r.progress.cursor(), r.core.rules().batchSize());
        r.prefetched = null;
        rows.compose(read -> offer(r, read))
                .compose(v -> lateCheck(r))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        // the outbox could not be read or the cursor not stored: same backoff as a failed delivery
                        r.progress = r.core.failed(r.progress, "outbox: " + ar.cause().getMessage(), clock.instant());
                        log.warn("outbox relay: sink {}: {}", r.sink.name(), ar.cause().getMessage());
                    }
                    publish(r);
                    schedule(r);
                });
    }

    private Future<Void> offer(Run r, List<StoredEvent> rows) {
        Instant now = clock.instant();
        RelayCore.Plan plan = r.core.plan(r.progress, rows.stream().map(StoredEvent::seq).toList(), now);
        r.lagMillis = lag(rows, plan.take(), now);
        if (plan.take() == 0) {
            r.progress = r.core.idle(plan, now);
            return Future.succeededFuture();
        }
        if (!plan.passed().isEmpty()) {
            log.warn("outbox relay: sink {} passes seqs {}..{} missing for {} (rolled back, or to be delivered late)",
                    r.sink.name(), plan.passed().get(0), plan.passed().get(plan.passed().size() - 1),
                    r.core.rules().gapGrace());
        }
        List<StoredEvent> wanted = wanted(r, rows.subList(0, plan.take()));
        // with a backlog, the next batch is read while this one is delivered (used only if this one succeeds)
        Future<List<StoredEvent>> ahead = plan.full() ? source.after(plan.lastSeq(), r.core.rules().batchSize())
                : null;
        Future<Void> delivered = wanted.isEmpty() ? Future.succeededFuture() : r.sink.deliver(wanted);
        return delivered
                .compose(v -> source.moveCursor(r.sink.name(), plan.lastSeq()))
                .map(v -> {
                    if (log.isDebugEnabled()) {
                        log.debug("outbox relay: sink {} took seqs {}..{} ({} events) in {} ms", r.sink.name(),
                                rows.get(0).seq(), plan.lastSeq(), wanted.size(),
                                Duration.between(now, clock.instant()).toMillis());
                    }
                    r.prefetched = ahead;
                    r.progress = r.core.delivered(plan, clock.instant());
                    r.delivered += wanted.size();
                    r.lagMillis = plan.take() < rows.size() ? lag(rows, plan.take(), now) : 0;
                    return (Void) null;
                })
                .recover(e -> {
                    r.progress = r.core.failed(plan.progress(), String.valueOf(e.getMessage()), clock.instant());
                    if (r.progress.failures() == 1 || r.progress.failures() % 10 == 0) {
                        log.warn("outbox relay: sink {} failed to take seqs {}..{} ({} in a row): {}", r.sink.name(),
                                rows.get(0).seq(), plan.lastSeq(), r.progress.failures(), e.getMessage());
                    }
                    return Future.succeededFuture();
                });
    }

    /** Seqs passed as gaps that committed after all: delivered now, out of order, rather than never. */
    private Future<Void> lateCheck(Run r) {
        Instant now = clock.instant();
        if (r.progress.watched().isEmpty() || now.isBefore(r.lastLateCheck.plus(LATE_CHECK_EVERY))) {
            return Future.succeededFuture();
        }
        r.lastLateCheck = now;
        return source.bySeq(r.progress.watched().keySet()).compose(found -> {
            List<StoredEvent> wanted = wanted(r, found);
            if (!found.isEmpty()) {
                log.warn("outbox relay: sink {} gets {} events committed after their gap was passed", r.sink.name(),
                        found.size());
            }
            Future<Void> d = wanted.isEmpty() ? Future.succeededFuture() : r.sink.deliver(wanted);
            return d.map(v -> {
                r.delivered += wanted.size();
                r.progress = r.core.lateChecked(r.progress, found.stream().map(StoredEvent::seq).toList(),
                        clock.instant());
                return (Void) null;
            });
        }).recover(e -> Future.succeededFuture());
    }

    private static List<StoredEvent> wanted(Run r, List<StoredEvent> rows) {
        // a null event is a type a newer build wrote: offered to no sink, passed with the cursor
        return rows.stream().filter(e -> e.event() != null && r.sink.wants(e.event().type().wire())).toList();
    }

    private static long lag(List<StoredEvent> rows, int from, Instant now) {
        for (int i = from; i < rows.size(); i++) {
            if (rows.get(i).event() != null) {
                return Math.max(0, Duration.between(rows.get(i).event().occurredAt(), now).toMillis());
            }
        }
        return 0;
    }

    private void schedule(Run r) {
        if (stopped) {
            return;
        }
        long wait = Duration.between(clock.instant(), r.progress.notBefore()).toMillis();
        if (wait <= 0) {
            context.runOnContext(v -> tick(r));
        } else {
            vertx.setTimer(wait, id -> tick(r));
        }
    }

    private void publish(Run r) {
        status.put(r.sink.name(), new SinkStatus(r.sink.name(), r.progress.cursor(), r.lagMillis,
                r.progress.failures(), r.progress.lastError(), r.delivered));
    }

    /** One sink's loop state; touched only on the verticle's event loop. */
    private static final class Run {
        final EventSink sink;
        final RelayCore core;
        SinkProgress progress;
        long lagMillis;
        long delivered;
        Instant lastLateCheck = Instant.EPOCH;
        /** The next batch, read ahead while the last was delivered; null when none was. */
        Future<List<StoredEvent>> prefetched;
        /** Set while another node relays: the cursor is read again before relaying. */
        boolean standing;

        Run(EventSink sink, RelayCore core) {
            this.sink = sink;
            this.core = core;
        }
    }
}
