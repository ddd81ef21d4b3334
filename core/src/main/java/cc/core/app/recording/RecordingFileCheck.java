package cc.core.app.recording;

import cc.core.app.health.HealthCheck;
import cc.core.app.health.HealthCheck.HealthStatus;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.RecordingChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;

/**
 * Finds recordings that were never written. Asterisk's MixMonitor answers Success and records nothing when it cannot
 * open its file (directory missing, full, not writable): the call goes on and nothing on AMI says so. So a while after
 * each file ends, this looks for it where the recordings directory is mounted; a file missing (or holding only a WAV
 * header) is reported as a {@code failed} change of that file (stored by {@link RecordingRecorder} on the call's
 * record, its end time kept) and turns the {@code recordings} health check DOWN until a later file is found.
 *
 * <p>Threading: its state lives on its own context; the disk is read on workers.
 */
public final class RecordingFileCheck extends VerticleBase implements HealthCheck {
    private static final Logger log = LoggerFactory.getLogger(RecordingFileCheck.class);
    private static final Set<String> ENDS = Set.of("paused", "stopped", "ended");

    private final RecordingFiles files;
    private final long checkAfterMs;
    private final InstantSource clock;
    private final MeterRegistry metrics;
    private Counter missing;
    /** Files found missing since the last one found written, and the first of them (both read by /health). */
    private volatile int missingInARow;
    private volatile String lastMissing = "";
    private volatile Instant missingSince;

    /**
     * @param checkAfterMs how long after a file's end to look for it (Asterisk writes as it records; the simulator when
     *                     the recording ends; a mounted directory may show it a little later)
     */
    public RecordingFileCheck(RecordingFiles files, long checkAfterMs, InstantSource clock, MeterRegistry metrics) {
        this.files = files;
        this.checkAfterMs = checkAfterMs;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        CallControlAddresses.registerCodecs(vertx.eventBus());
        missing = Counter.builder("cc.recordings.missing")
                .description("Recordings that ended without a file written").register(metrics);
        vertx.eventBus().<RecordingChanged>consumer(CallControlAddresses.RECORDING_CHANGED, m -> {
            RecordingChanged c = m.body();
            if (ENDS.contains(c.change())) {
                vertx.setTimer(checkAfterMs, t -> check(c));
            }
        });
        return Future.succeededFuture();
    }

    private void check(RecordingChanged ended) {
        files.written(ended.file()).onComplete(r -> {
            if (r.succeeded() && r.result()) {
                missingInARow = 0;
                return;
            }
            missing.increment();
            if (missingInARow++ == 0) {
                missingSince = clock.instant();
            }
            lastMissing = ended.file();
            String why = "no file written in " + files.describe() + " (the recordings directory is missing, full or"
                    + " not writable)";
            log.error("Recording {} of interaction {} ended without a file: {}", ended.file(), ended.interactionId(),
                    why);
            vertx.eventBus().publish(CallControlAddresses.RECORDING_CHANGED, new RecordingChanged(
                    ended.interactionId(), ended.server(), ended.file(), "failed", "system", why, clock.instant()));
        });
    }

    @Override
    public String name() {
        return "recordings";
    }

    @Override
    public Future<HealthStatus> check() {
        // the directory alone is no failure: it may appear with the first recording, or be mounted read-only
        return files.directoryProblem().map(problem -> {
            int n = missingInARow;
            String where = problem.orElse(files.describe());
            return n == 0 ? HealthStatus.up(where)
                    : HealthStatus.down(n + " recording(s) since " + missingSince + " left no file in "
                    + files.describe() + ", the last " + lastMissing + problem.map(p -> "; " + p).orElse(""));
        });
    }
}
