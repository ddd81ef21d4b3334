package cc.bench.soak;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakFiguresTest {
    private static SoakFigures.Sample at(int minute, double heapMiB, long complete, long withoutSegment,
                                         long beforeIvr) {
        return new SoakFigures.Sample(minute, minute * 6000L, new SoakFigures.Records(minute * 6000L,
                minute * 6000L, complete, 0, withoutSegment, beforeIvr), heapMiB, 51, 110, 180, 0, "1.0");
    }

    private static List<SoakFigures.Sample> hour(double firstHeap, double lastHeap) {
        List<SoakFigures.Sample> samples = new ArrayList<>();
        for (int t = 5; t <= 60; t += 5) {
            samples.add(at(t, t <= 20 ? firstHeap : t > 40 ? lastHeap : (firstHeap + lastHeap) / 2, t * 6000L, 0, 0));
        }
        return samples;
    }

    @Test
    @DisplayName("a heap whose last third is well above its first third is not flat")
    void growingHeap() {
        String verdict = SoakFigures.verdict(hour(34, 60), at(60, 60, 360_000, 0, 0));
        assertTrue(verdict.contains("heap first third 34.0MiB, last third 60.0MiB (GROWING)"), verdict);
        assertTrue(verdict.endsWith("NOT flat"), verdict);
    }

    @Test
    @DisplayName("a steady run with every record complete says so")
    void steadyAndComplete() {
        String verdict = SoakFigures.verdict(hour(34, 35), at(60, 35, 360_000, 0, 0));
        assertTrue(verdict.contains("every record complete: YES"), verdict);
        assertTrue(verdict.endsWith("FLAT"), verdict);
    }

    @Test
    @DisplayName("a record without a segment is incomplete unless its caller hung up before the IVR began")
    void recordsWithoutSegment() {
        String unexplained = SoakFigures.verdict(hour(34, 35), at(60, 35, 359_990, 10, 0));
        assertTrue(unexplained.contains("every record complete: NO"), unexplained);
        String beforeIvr = SoakFigures.verdict(hour(34, 35), at(60, 35, 360_000, 10, 10));
        assertTrue(beforeIvr.contains("without segment 10 (10 of callers who hung up before the IVR began)"),
                beforeIvr);
        assertTrue(beforeIvr.contains("every record complete: YES"), beforeIvr);
    }
}
