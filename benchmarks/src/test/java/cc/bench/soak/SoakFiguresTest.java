package cc.bench.soak;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Samples every 5 minutes from 5 to 60 with these heaps. */
    private static List<SoakFigures.Sample> heaps(double... every5Min) {
        List<SoakFigures.Sample> samples = new ArrayList<>();
        for (int i = 0; i < every5Min.length; i++) {
            int t = 5 * (i + 1);
            samples.add(at(t, every5Min[i], t * 6000L, 0, 0));
        }
        return samples;
    }

    private static final Optional<SoakFigures.ClassGrowth> NONE = Optional.empty();

    @Test
    @DisplayName("a heap still rising after the warm-up is not flat")
    void growingHeap() {
        String verdict = SoakFigures.verdict(hour(34, 60), at(60, 60, 360_000, 0, 0), NONE);
        assertTrue(verdict.contains("heap warm-up 34.0MiB, after it 53.5MiB on average and +29.7MiB an hour at the"
                + " fitted slope (GROWING)"), verdict);
        assertTrue(verdict.endsWith("NOT flat"), verdict);
    }

    @Test
    @DisplayName("caches filling to their cap in the warm-up, then level, is flat (this project's soak after the fix)")
    void warmUpThenLevel() {
        // heap after a full GC every 5 minutes, the hour after the ACD's fix (README, "The soak")
        List<SoakFigures.Sample> samples = heaps(42.8, 49.4, 55.8, 55.6, 57.8, 59.1, 60.5, 57.4, 58.8, 60.1, 57.0,
                58.4);
        String verdict = SoakFigures.verdict(samples, at(60, 55, 360_000, 0, 0),
                Optional.of(new SoakFigures.ClassGrowth("CallControlChanged", 5_885, 48_000)));
        assertTrue(verdict.contains("heap warm-up 50.9MiB, after it 58.6MiB on average and -0.9MiB an hour"), verdict);
        assertTrue(verdict.contains("CallControlChanged +5885 instances over 48000 calls (not per call)"), verdict);
        assertTrue(verdict.endsWith("FLAT"), verdict);
    }

    @Test
    @DisplayName("a class growing with the calls is a leak even when the heap's line stays within its noise")
    void perCallGrowth() {
        // the same heaps; the ACD's leak: a HashMap entry kept per offered call (+49,934 over about 48,000 calls)
        List<SoakFigures.Sample> samples = heaps(42.8, 49.4, 55.8, 55.6, 57.8, 59.1, 60.5, 57.4, 58.8, 60.1, 57.0,
                58.4);
        String verdict = SoakFigures.verdict(samples, at(60, 55, 360_000, 0, 0),
                Optional.of(new SoakFigures.ClassGrowth("java.util.HashMap$Node", 49_934, 48_000)));
        assertTrue(verdict.contains("java.util.HashMap$Node +49934 instances over 48000 calls (GROWING with the"
                + " calls)"), verdict);
        assertTrue(verdict.endsWith("NOT flat"), verdict);
    }

    @Test
    @DisplayName("the fitted slope is the least-squares line's, per minute")
    void slope() {
        assertEquals(0.5, SoakFigures.slopePerMinute(heaps(10, 12.5, 15, 17.5), SoakFigures.Sample::heapMiB), 1e-9);
        assertEquals(0, SoakFigures.slopePerMinute(heaps(10), SoakFigures.Sample::heapMiB));
    }

    @Test
    @DisplayName("a steady run with every record complete says so")
    void steadyAndComplete() {
        String verdict = SoakFigures.verdict(hour(34, 35), at(60, 35, 360_000, 0, 0), NONE);
        assertTrue(verdict.contains("every record complete: YES"), verdict);
        assertTrue(verdict.endsWith("FLAT"), verdict);
    }

    @Test
    @DisplayName("a record without a segment is incomplete unless its caller hung up before the IVR began")
    void recordsWithoutSegment() {
        String unexplained = SoakFigures.verdict(hour(34, 35), at(60, 35, 359_990, 10, 0), NONE);
        assertTrue(unexplained.contains("every record complete: NO"), unexplained);
        String beforeIvr = SoakFigures.verdict(hour(34, 35), at(60, 35, 360_000, 10, 10), NONE);
        assertTrue(beforeIvr.contains("without segment 10 (10 of callers who hung up before the IVR began)"),
                beforeIvr);
        assertTrue(beforeIvr.contains("every record complete: YES"), beforeIvr);
    }

    @Test
    @DisplayName("a run too short for a warm-up and a line is not judged flat")
    void tooShortToJudge() {
        String verdict = SoakFigures.verdict(heaps(34, 90), at(10, 90, 12_000, 0, 0), NONE);
        assertTrue(verdict.contains("heap warm-up none"), verdict);
        assertTrue(verdict.endsWith("NOT JUDGED (2 samples under load, 3 needed)"), verdict);
    }
}
