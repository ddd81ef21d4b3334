package cc.core.app.recording;

import cc.core.contract.CallControlAddresses;
import cc.core.contract.RecordingChanged;
import cc.core.domain.recording.RecordingChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stores every recording change the call-control service publishes on {@link CallControlAddresses#RECORDING_CHANGED}.
 *
 * <p>Threading: owns its queue on its own context. Changes are written one at a time in arrival order (a file's
 * start before its end; recordings change a few times per call, so one writer keeps up). A failed write is retried
 * every {@value #RETRY_MS} ms until the store takes it, so no change is lost while the database is away; the outage
 * is logged once.
 */
public final class RecordingRecorder extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(RecordingRecorder.class);
    static final long RETRY_MS = 1_000;

    private final RecordingStore store;
    private final MeterRegistry metrics;
    private final Deque<RecordingChange> pending = new ArrayDeque<>();
    private boolean writing;
    private boolean storeFailing;
    private Counter writeFailures;

    public RecordingRecorder(RecordingStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        CallControlAddresses.registerCodecs(vertx.eventBus());
        writeFailures = Counter.builder("cc.recordings.write.failures")
                .description("Recording changes whose write failed and was retried").register(metrics);
        Gauge.builder("cc.recordings.unwritten", this, r -> r.pending.size())
                .description("Recording changes not yet stored").register(metrics);
        vertx.eventBus().<RecordingChanged>consumer(CallControlAddresses.RECORDING_CHANGED, m -> onChange(m.body()));
        return Future.succeededFuture();
    }

    private void onChange(RecordingChanged c) {
        RecordingChange change;
        try {
            change = RecordingChange.of(c.interactionId(), c.server(), c.file(), c.change(), c.by(), c.detail(), c.at());
        } catch (IllegalArgumentException | NullPointerException e) {
            log.warn("Recording change of interaction {} not stored: {}", c.interactionId(), e.getMessage());
            return;
        }
        pending.addLast(change);
        if (!writing) {
            writeNext();
        }
    }

    private void writeNext() {
        RecordingChange next = pending.peekFirst();
        if (next == null) {
            writing = false;
            return;
        }
        writing = true;
        store.record(next).onComplete(r -> {
            if (r.succeeded()) {
                if (storeFailing) {
                    storeFailing = false;
                    log.info("Recording store is writable again; {} changes to write", pending.size());
                }
                pending.pollFirst();
                writeNext();
            } else {
                writeFailures.increment();
                if (!storeFailing) {
                    storeFailing = true;
                    log.error("Cannot store recording changes; retrying every {} ms until the store is back: {}",
                            RETRY_MS, r.cause().getMessage());
                }
                vertx.setTimer(RETRY_MS, t -> writeNext());
            }
        });
    }
}
