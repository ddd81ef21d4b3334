package cc.core.adapter.jdbc;

import cc.core.app.recording.RecordingRecorder;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.RecordingChanged;
import cc.core.domain.recording.EndReason;
import cc.core.domain.recording.RecordingAudit;
import cc.core.domain.recording.RecordingChange;
import cc.core.domain.recording.RecordingFile;
import cc.core.testkit.Await;
import cc.core.testkit.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the recordings library's JDBC store promises, written directly and through the recorder on the event bus; run
 * on PostgreSQL ({@link JdbcRecordingStorePostgresIT}) and on the embedded H2 of demo runs ({@link
 * JdbcRecordingStoreH2Test}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecordingStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcRecordingStore store;

    /** A database with core's schema, on {@code vertx}. */
    protected abstract MigratedDatabase database(Vertx vertx);

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = database(vertx);
        store = new JdbcRecordingStore(db.database());
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    private static RecordingChange change(String interaction, String file, String what, String by, int second) {
        return RecordingChange.of(interaction, "pbx1", file, what, by, "", T0.plusSeconds(second));
    }

    @Test
    @DisplayName("a paused and resumed call has two files, in order, each with who started and ended it and why")
    void pauseGivesTwoRows() {
        result(store.record(change("call-pause", "p/call-pause-1.wav", "started", "policy", 0)));
        result(store.record(change("call-pause", "p/call-pause-1.wav", "paused", "ali", 40)));
        result(store.record(change("call-pause", "p/call-pause-2.wav", "resumed", "ali", 70)));
        result(store.record(change("call-pause", "p/call-pause-2.wav", "ended", "system", 200)));

        List<RecordingFile> files = result(store.forInteraction("call-pause"));
        assertEquals(2, files.size());
        RecordingFile first = files.get(0);
        assertEquals("p/call-pause-1.wav", first.file());
        assertEquals(T0, first.startedAt());
        assertEquals(Optional.of(T0.plusSeconds(40)), first.endedAt());
        assertEquals(Optional.of(EndReason.PAUSED), first.endReason());
        assertEquals("policy", first.startedBy());
        assertEquals("ali", first.endedBy());
        RecordingFile second = files.get(1);
        assertEquals("p/call-pause-2.wav", second.file());
        assertEquals(Optional.of(EndReason.ENDED), second.endReason());
        assertEquals("system", second.endedBy());
        assertEquals("pbx1", second.server());
    }

    @Test
    @DisplayName("a start reported twice is one row, and a late end after a stop keeps the stop")
    void idempotent() {
        result(store.record(change("call-twice", "call-twice-1.wav", "started", "policy", 0)));
        result(store.record(change("call-twice", "call-twice-1.wav", "started", "policy", 0)));
        result(store.record(change("call-twice", "call-twice-1.wav", "stopped", "sara", 30)));
        result(store.record(change("call-twice", "call-twice-1.wav", "ended", "system", 60)));
        List<RecordingFile> files = result(store.forInteraction("call-twice"));
        assertEquals(1, files.size());
        assertEquals(Optional.of(EndReason.STOPPED), files.get(0).endReason());
        assertEquals(Optional.of(T0.plusSeconds(30)), files.get(0).endedAt());
    }

    @Test
    @DisplayName("a file whose server died stays open: no end, no reason")
    void startedWithoutEndStaysOpen() {
        result(store.record(change("call-died", "call-died-1.wav", "started", "policy", 0)));
        RecordingFile f = result(store.find("call-died-1.wav")).orElseThrow();
        assertTrue(f.isOpen());
        assertTrue(f.endReason().isEmpty());
    }

    @Test
    @DisplayName("deleting marks the row and writes its audit line in the same step")
    void markDeleted() {
        result(store.record(change("call-del", "call-del-1.wav", "started", "policy", 0)));
        Instant at = T0.plus(Duration.ofDays(100));
        result(store.markDeleted("call-del-1.wav", at, "retention",
                new RecordingAudit(at, "retention", "call-del-1.wav", "call-del", RecordingAudit.DELETE, "old")));
        RecordingFile f = result(store.find("call-del-1.wav")).orElseThrow();
        assertEquals(Optional.of(at), f.deletedAt());
        assertEquals("retention", f.deletedBy());
        List<RecordingAudit> audit = result(store.auditOf("call-del-1.wav"));
        assertEquals(1, audit.size());
        assertEquals(RecordingAudit.DELETE, audit.get(0).action());
    }

    @Test
    @DisplayName("the recorder stores what call control publishes on the bus, in order, the unknown change skipped")
    void recorderStoresBusChanges() {
        String deployment = result(vertx.deployVerticle(new RecordingRecorder(store, new SimpleMeterRegistry())));
        try {
            vertx.eventBus().publish(CallControlAddresses.RECORDING_CHANGED, new RecordingChanged("call-bus", "pbx1",
                    "call-bus-1.wav", "started", "policy", "", T0));
            vertx.eventBus().publish(CallControlAddresses.RECORDING_CHANGED, new RecordingChanged("call-bus", "pbx1",
                    "call-bus-1.wav", "exploded", "policy", "", T0.plusSeconds(1)));
            vertx.eventBus().publish(CallControlAddresses.RECORDING_CHANGED, new RecordingChanged("call-bus", "pbx1",
                    "call-bus-1.wav", "failed", "system", "MixMonitor refused: no such channel", T0.plusSeconds(2)));
            Await.until(() -> store.find("call-bus-1.wav").map(f -> f.map(x -> !x.isOpen()).orElse(false)),
                    Duration.ofSeconds(10), "the bus changes stored");
            RecordingFile f = result(store.find("call-bus-1.wav")).orElseThrow();
            assertEquals(Optional.of(EndReason.FAILED), f.endReason());
            assertEquals("MixMonitor refused: no such channel", f.detail());
        } finally {
            result(vertx.undeploy(deployment));
        }
    }

    @Test
    @DisplayName("while the table cannot be written the recorder holds the changes, and stores them in order once it can")
    void recorderRetriesUntilTheDatabaseTakesIt() throws Exception {
        String deployment = result(vertx.deployVerticle(new RecordingRecorder(store, outageMetrics)));
        try {
            db.execute("alter table interaction_recordings rename to interaction_recordings_away");
            try {
                vertx.eventBus().publish(CallControlAddresses.RECORDING_CHANGED, new RecordingChanged("call-outage",
                        "pbx1", "call-outage-1.wav", "started", "policy", "", T0));
                vertx.eventBus().publish(CallControlAddresses.RECORDING_CHANGED, new RecordingChanged("call-outage",
                        "pbx1", "call-outage-1.wav", "paused", "ali", "", T0.plusSeconds(20)));
                vertx.eventBus().publish(CallControlAddresses.RECORDING_CHANGED, new RecordingChanged("call-outage",
                        "pbx1", "call-outage-2.wav", "resumed", "ali", "", T0.plusSeconds(30)));
                // the first write has failed at least once before the table comes back
                Await.until(() -> Future.succeededFuture(writeFailures() > 0), Duration.ofSeconds(10),
                        "a failed write");
            } finally {
                db.execute("alter table interaction_recordings_away rename to interaction_recordings");
            }
            Await.until(() -> store.forInteraction("call-outage").map(l -> l.size() == 2), Duration.ofSeconds(10),
                    "the held changes stored");
            List<RecordingFile> files = result(store.forInteraction("call-outage"));
            assertEquals(Optional.of(EndReason.PAUSED), files.get(0).endReason(), "the pause was not lost");
            assertTrue(files.get(1).isOpen());
        } finally {
            result(vertx.undeploy(deployment));
        }
    }

    private final SimpleMeterRegistry outageMetrics = new SimpleMeterRegistry();

    private double writeFailures() {
        return outageMetrics.counter("cc.recordings.write.failures").count();
    }
}
