package cc.core.domain.recording;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingFileTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private static RecordingChange change(String file, String what, String by, int second) {
        return RecordingChange.of("i-1", "pbx1", file, what, by, "", T0.plusSeconds(second));
    }

    @Test
    @DisplayName("a start opens a row; a pause ends it, and the resume's file is a row of its own")
    void pauseAndResume() {
        RecordingFile first = RecordingFile.apply(Optional.empty(), change("a-1.wav", "started", "policy", 0)).orElseThrow();
        assertTrue(first.isOpen());
        assertEquals("policy", first.startedBy());
        RecordingFile paused = RecordingFile.apply(Optional.of(first), change("a-1.wav", "paused", "ali", 30)).orElseThrow();
        assertEquals(Optional.of(EndReason.PAUSED), paused.endReason());
        assertEquals(Optional.of(T0.plusSeconds(30)), paused.endedAt());
        assertEquals("ali", paused.endedBy());
        RecordingFile second = RecordingFile.apply(Optional.empty(), change("a-2.wav", "resumed", "ali", 45)).orElseThrow();
        assertEquals(T0.plusSeconds(45), second.startedAt());
    }

    @Test
    @DisplayName("a repeated start or a second end leaves the row as it is: the first end wins")
    void idempotent() {
        RecordingFile open = RecordingFile.apply(Optional.empty(), change("a.wav", "started", "policy", 0)).orElseThrow();
        assertTrue(RecordingFile.apply(Optional.of(open), change("a.wav", "started", "policy", 1)).isEmpty());
        RecordingFile stopped = RecordingFile.apply(Optional.of(open), change("a.wav", "stopped", "sara", 10)).orElseThrow();
        assertTrue(RecordingFile.apply(Optional.of(stopped), change("a.wav", "ended", "system", 20)).isEmpty());
    }

    @Test
    @DisplayName("a refusal with no start is a file that began and failed at once, its reason kept")
    void failedWithoutStart() {
        RecordingFile f = RecordingFile.apply(Optional.empty(), RecordingChange.of("i-1", "pbx1", "b.wav", "failed",
                "policy", "disk full", T0)).orElseThrow();
        assertEquals(Optional.of(EndReason.FAILED), f.endReason());
        assertEquals(Optional.of(T0), f.endedAt());
        assertEquals("disk full", f.detail());
    }

    @Test
    @DisplayName("a file found unwritten after its end turns the ended row failed, its end time kept, once")
    void failedAfterEnd() {
        RecordingFile open = RecordingFile.apply(Optional.empty(), change("c.wav", "started", "policy", 0)).orElseThrow();
        RecordingFile ended = RecordingFile.apply(Optional.of(open), change("c.wav", "ended", "system", 10)).orElseThrow();
        RecordingFile failed = RecordingFile.apply(Optional.of(ended), RecordingChange.of("i-1", "pbx1", "c.wav",
                "failed", "system", "no file written", T0.plusSeconds(12))).orElseThrow();
        assertEquals(Optional.of(EndReason.FAILED), failed.endReason());
        assertEquals(Optional.of(T0.plusSeconds(10)), failed.endedAt());
        assertEquals("no file written", failed.detail());
        assertTrue(RecordingFile.apply(Optional.of(failed), RecordingChange.of("i-1", "pbx1", "c.wav", "failed",
                "system", "again", T0.plusSeconds(14))).isEmpty());
    }

    @Test
    @DisplayName("an unknown change word or an empty file name is refused")
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> change("a.wav", "exploded", "x", 0));
        assertThrows(IllegalArgumentException.class, () -> change("", "started", "x", 0));
    }
}
