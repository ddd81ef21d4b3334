package cc.core.domain.recording;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private static RecordingFile file(String name, Instant started, Optional<Instant> ended, Optional<Instant> deleted) {
        return new RecordingFile(name, "i", "pbx1", started, ended, ended.map(e -> EndReason.ENDED), "policy",
                "system", "", deleted, deleted.isPresent() ? "retention" : "");
    }

    @Test
    @DisplayName("files are due once their end is older than the retention; younger ones are kept")
    void dueByEnd() {
        RetentionPolicy p = RetentionPolicy.days(30);
        RecordingFile old = file("old.wav", NOW.minus(Duration.ofDays(40)), Optional.of(NOW.minus(Duration.ofDays(31))), Optional.empty());
        RecordingFile young = file("young.wav", NOW.minus(Duration.ofDays(31)), Optional.of(NOW.minus(Duration.ofDays(29))), Optional.empty());
        assertEquals(List.of(old), p.due(List.of(young, old), NOW));
    }

    @Test
    @DisplayName("a file that never ended (its server died) ages from its start; a deleted file is never due again")
    void openAndDeleted() {
        RetentionPolicy p = RetentionPolicy.days(7);
        RecordingFile open = file("open.wav", NOW.minus(Duration.ofDays(8)), Optional.empty(), Optional.empty());
        RecordingFile gone = file("gone.wav", NOW.minus(Duration.ofDays(90)), Optional.of(NOW.minus(Duration.ofDays(90))),
                Optional.of(NOW.minus(Duration.ofDays(80))));
        assertTrue(p.isDue(open, NOW));
        assertFalse(p.isDue(gone, NOW));
    }

    @Test
    @DisplayName("zero days keeps everything for ever; a negative retention is refused")
    void forever() {
        RetentionPolicy p = RetentionPolicy.days(0);
        assertTrue(p.cutoff(NOW).isEmpty());
        assertFalse(p.isDue(file("x.wav", Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.empty()), NOW));
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.days(-1));
    }
}
