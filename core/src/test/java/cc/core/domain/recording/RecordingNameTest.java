package cc.core.domain.recording;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"a.wav", "2026/12/02/4f1c-1.wav", "in-q-support_1+x@pbx1.wav"})
    @DisplayName("plain relative names are safe")
    void safe(String name) {
        assertTrue(RecordingName.isSafe(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "a/../../b.wav", "/etc/passwd", "a//b.wav", "./a.wav", "a\\..\\b",
            "C:/x.wav", "a/..", "..", "a\u0000.wav", "a b.wav", "a/"})
    @DisplayName("names that climb, are absolute, empty-segmented or carry odd characters are refused")
    void unsafe(String name) {
        assertFalse(RecordingName.isSafe(name));
    }
}
