package cc.core.app.recording;

import cc.core.domain.recording.RecordingAudit;
import cc.core.domain.recording.RecordingFile;
import cc.core.domain.recording.RetentionPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Deletes recording files past their retention: every {@code every}, the files the {@link RetentionPolicy} says are
 * due, each deleted from the directory, then marked deleted by {@value RetentionPolicy#DELETER} with its audit line.
 * A file already gone is marked and audited all the same (the detail says so); a name that would leave the directory
 * is never touched, and stays kept and logged.
 *
 * <p>Threading: one sweep at a time on this verticle's context; a sweep deletes at most {@value #BATCH} files per
 * round and goes on until none is due, so a backlog after a long outage is cleared in one sweep without holding
 * everything in memory.
 */
public final class RetentionSweeper extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);
    static final int BATCH = 200;

    /** What one sweep did. */
    public record Sweep(int deleted, int alreadyMissing, int refused) {
        Sweep plus(RecordingFiles.Removal r) {
            return switch (r) {
                case DELETED -> new Sweep(deleted + 1, alreadyMissing, refused);
                case ALREADY_MISSING -> new Sweep(deleted, alreadyMissing + 1, refused);
                case OUTSIDE_DIRECTORY -> new Sweep(deleted, alreadyMissing, refused + 1);
            };
        }
    }

    private final RecordingStore store;
    private final RecordingFiles files;
    private final RetentionPolicy policy;
    private final Duration every;
    private final InstantSource clock;
    private final MeterRegistry metrics;
    private Counter deletedCounter;
    private boolean sweeping;

    public RetentionSweeper(RecordingStore store, RecordingFiles files, RetentionPolicy policy, Duration every,
                            InstantSource clock, MeterRegistry metrics) {
        this.store = store;
        this.files = files;
        this.policy = policy;
        this.every = every;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        deletedCounter = Counter.builder("cc.recordings.retention.deleted")
                .description("Recording files deleted (or found already missing) by retention").register(metrics);
        if (policy.keepsForever()) {
            log.info("Recordings are kept for ever (recording.retentionDays is 0)");
            return Future.succeededFuture();
        }
        log.info("Recordings are deleted {} days after they end; retention runs every {}", policy.keep().toDays(),
                every);
        vertx.setPeriodic(1_000, Math.max(1_000, every.toMillis()), t -> {
            if (!sweeping) {
                sweep().onFailure(e -> log.warn("Recording retention sweep failed; next in {}: {}", every,
                        e.getMessage()));
            }
        });
        return Future.succeededFuture();
    }

    /** Runs one sweep now from any thread (hopping onto this verticle's context), for administration and tests. */
    public Future<Sweep> sweepNow() {
        io.vertx.core.Promise<Sweep> done = io.vertx.core.Promise.promise();
        context.runOnContext(v -> sweep().onComplete(done));
        return done.future();
    }

    /** Runs one sweep now (on this verticle's context): deletes everything due at the clock's instant. */
    public Future<Sweep> sweep() {
        Instant now = clock.instant();
        return policy.cutoff(now).map(cutoff -> {
            sweeping = true;
            return round(cutoff, now, new Sweep(0, 0, 0)).andThen(r -> sweeping = false).onSuccess(s -> {
                if (s.deleted() + s.alreadyMissing() + s.refused() > 0) {
                    log.info("Recording retention: {} files deleted, {} already missing, {} refused (outside the"
                            + " directory)", s.deleted(), s.alreadyMissing(), s.refused());
                }
            });
        }).orElseGet(() -> Future.succeededFuture(new Sweep(0, 0, 0)));
    }

    private Future<Sweep> round(Instant cutoff, Instant now, Sweep soFar) {
        return store.keptAgedBefore(cutoff, BATCH).compose(candidates -> {
            List<RecordingFile> due = policy.due(candidates, now);
            Future<Sweep> chain = Future.succeededFuture(soFar);
            int[] marked = {0};
            for (RecordingFile f : due) {
                chain = chain.compose(s -> delete(f, now).map(r -> {
                    if (r != RecordingFiles.Removal.OUTSIDE_DIRECTORY) {
                        marked[0]++;
                    }
                    return s.plus(r);
                }));
            }
            // another round only when this one was full and made progress (refused files stay and would loop)
            return chain.compose(s -> candidates.size() == BATCH && marked[0] > 0 ? round(cutoff, now, s)
                    : Future.succeededFuture(s));
        });
    }

    private Future<RecordingFiles.Removal> delete(RecordingFile f, Instant now) {
        return files.delete(f.file()).compose(removal -> {
            if (removal == RecordingFiles.Removal.OUTSIDE_DIRECTORY) {
                log.error("Recording retention refused to delete {} of interaction {}: the name leaves the"
                        + " recordings directory", f.file(), f.interactionId());
                return Future.succeededFuture(removal);
            }
            String detail = (removal == RecordingFiles.Removal.ALREADY_MISSING ? "file was already missing; " : "")
                    + "kept " + policy.keep().toDays() + " days after " + f.agedFrom();
            return store.markDeleted(f.file(), now, RetentionPolicy.DELETER, new RecordingAudit(now,
                    RetentionPolicy.DELETER, f.file(), f.interactionId(), RecordingAudit.DELETE, detail))
                    .onSuccess(v -> deletedCounter.increment()).map(removal);
        });
    }
}
