package cc.console.domain.playback;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteRangeTest {
    @Test
    @DisplayName("a-b, a- and -n select the bytes the browser asked for, cut at the file's end")
    void ranges() {
        assertEquals(new ByteRange.Part(10, 19), ByteRange.parse("bytes=10-19", 100));
        assertEquals(new ByteRange.Part(90, 99), ByteRange.parse("bytes=90-500", 100));
        assertEquals(new ByteRange.Part(40, 99), ByteRange.parse("bytes=40-", 100));
        assertEquals(new ByteRange.Part(70, 99), ByteRange.parse("bytes=-30", 100));
        assertEquals(new ByteRange.Part(0, 99), ByteRange.parse("bytes=-300", 100));
        assertEquals(10, new ByteRange.Part(10, 19).length());
    }

    @Test
    @DisplayName("a start past the end, or an empty suffix, cannot be satisfied")
    void unsatisfiable() {
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.parse("bytes=100-", 100));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.parse("bytes=500-600", 100));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.parse("bytes=-0", 100));
    }

    @Test
    @DisplayName("no header, another unit, several ranges or bad syntax: the whole file")
    void whole() {
        assertEquals(new ByteRange.Whole(), ByteRange.parse(null, 100));
        assertEquals(new ByteRange.Whole(), ByteRange.parse("items=0-1", 100));
        assertEquals(new ByteRange.Whole(), ByteRange.parse("bytes=0-1,5-6", 100));
        assertEquals(new ByteRange.Whole(), ByteRange.parse("bytes=9-3", 100));
        assertEquals(new ByteRange.Whole(), ByteRange.parse("bytes=99999999999999999999-", 100));
    }

    @Test
    @DisplayName("only a listening's first request is audited: the whole file or a range from byte 0")
    void beginning() {
        assertTrue(ByteRange.parse(null, 100).startsAtBeginning());
        assertTrue(ByteRange.parse("bytes=0-", 100).startsAtBeginning());
        assertFalse(ByteRange.parse("bytes=50-", 100).startsAtBeginning());
    }
}
