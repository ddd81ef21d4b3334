package cc.core.app.recording;

import cc.core.adapter.file.RecordingDirectory;
import cc.core.adapter.jdbc.JdbcRecordingStore;
import cc.core.domain.recording.RecordingAudit;
import cc.core.domain.recording.RecordingChange;
import cc.core.domain.recording.RecordingFile;
import cc.core.domain.recording.RetentionPolicy;
import cc.core.testkit.ManualClock;
import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.Wavs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention against real PostgreSQL and a real directory: what is deleted, what is kept, what is audited. */
class RetentionSweeperIT {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path temp;
    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcRecordingStore store;
    private Path dir;
    private RetentionSweeper sweeper;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core");
        store = new JdbcRecordingStore(db.database());
        dir = Files.createDirectories(temp.resolve("monitor"));
        sweeper = new RetentionSweeper(store, new RecordingDirectory(vertx, dir), RetentionPolicy.days(30),
                Duration.ofHours(1), new ManualClock(NOW), new SimpleMeterRegistry());
        result(vertx.deployVerticle(sweeper));
    }

    @AfterEach
    void close() {
        db.close();
        result(vertx.close());
    }

    /** A file of a call that ended {@code daysAgo} days before now, written to the directory when {@code onDisk}. */
    private void recording(String file, int daysAgo, boolean onDisk) {
        Instant end = NOW.minus(Duration.ofDays(daysAgo));
        result(store.record(RecordingChange.of("call-" + file, "pbx1", file, "started", "policy", "",
                end.minusSeconds(120))));
        result(store.record(RecordingChange.of("call-" + file, "pbx1", file, "ended", "system", "", end)));
        if (onDisk) {
            Wavs.write(dir.resolve(file), 100);
        }
    }

    @Test
    @DisplayName("files older than the retention are deleted, marked deleted by retention and audited; young ones stay")
    void oldDeletedYoungKept() {
        recording("2026/10/old.wav", 45, true);
        recording("2026/11/young.wav", 10, true);

        RetentionSweeper.Sweep s = result(sweeper.sweep());

        assertEquals(1, s.deleted());
        assertFalse(Files.exists(dir.resolve("2026/10/old.wav")), "the old file is gone from disk");
        assertTrue(Files.exists(dir.resolve("2026/11/young.wav")), "the young file is kept");
        RecordingFile old = result(store.find("2026/10/old.wav")).orElseThrow();
        assertEquals(NOW, old.deletedAt().orElseThrow());
        assertEquals("retention", old.deletedBy());
        assertTrue(result(store.find("2026/11/young.wav")).orElseThrow().deletedAt().isEmpty());
        List<RecordingAudit> audit = result(store.auditOf("2026/10/old.wav"));
        assertEquals(1, audit.size());
        assertEquals(RecordingAudit.DELETE, audit.get(0).action());
        assertEquals("retention", audit.get(0).username());
        assertEquals("call-2026/10/old.wav", audit.get(0).interactionId());
        assertTrue(result(store.auditOf("2026/11/young.wav")).isEmpty());

        assertEquals(0, result(sweeper.sweep()).deleted(), "a second sweep finds nothing more to do");
        assertEquals(1, result(store.auditOf("2026/10/old.wav")).size(), "and audits nothing twice");
    }

    @Test
    @DisplayName("a due file already missing from disk is still marked deleted, and its audit line says it was missing")
    void missingFile() {
        recording("gone.wav", 60, false);
        RetentionSweeper.Sweep s = result(sweeper.sweep());
        assertEquals(1, s.alreadyMissing());
        assertTrue(result(store.find("gone.wav")).orElseThrow().deletedAt().isPresent());
        List<RecordingAudit> audit = result(store.auditOf("gone.wav"));
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).detail().contains("missing"), audit.get(0).detail());
    }

    @Test
    @DisplayName("nothing outside the directory is deleted: a climbing name or a link leading out is left alone")
    void nothingOutside() throws Exception {
        Path outside = temp.resolve("secret.wav");
        Wavs.write(outside, 10);
        Path outsideDir = Files.createDirectories(temp.resolve("elsewhere"));
        Path victim = outsideDir.resolve("victim.wav");
        Wavs.write(victim, 10);
        Files.createSymbolicLink(dir.resolve("link"), outsideDir);
        // rows as a confused or hostile writer might have left them
        recording("../secret.wav", 90, false);
        recording("link/victim.wav", 90, false);
        recording("fine.wav", 90, true);

        RetentionSweeper.Sweep s = result(sweeper.sweep());

        assertTrue(Files.exists(outside), "the file above the directory is untouched");
        assertTrue(Files.exists(victim), "the file behind the link is untouched");
        assertEquals(2, s.refused());
        assertEquals(1, s.deleted());
        assertFalse(Files.exists(dir.resolve("fine.wav")));
        assertTrue(result(store.find("../secret.wav")).orElseThrow().deletedAt().isEmpty(),
                "a refused file stays kept, for a person to look at");
        assertTrue(result(store.auditOf("link/victim.wav")).isEmpty());
    }

    @Test
    @DisplayName("a retention of zero days deletes nothing")
    void forever() {
        RetentionSweeper keepAll = new RetentionSweeper(store, new RecordingDirectory(vertx, dir),
                RetentionPolicy.days(0), Duration.ofHours(1), new ManualClock(NOW), new SimpleMeterRegistry());
        result(vertx.deployVerticle(keepAll));
        recording("ancient.wav", 3000, true);
        assertEquals(0, result(keepAll.sweep()).deleted());
        assertTrue(Files.exists(dir.resolve("ancient.wav")));
    }
}
