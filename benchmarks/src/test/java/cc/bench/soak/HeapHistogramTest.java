package cc.bench.soak;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapHistogramTest {
    /** Objects of a class only this test makes, kept alive between the two histograms. */
    private record Kept(long[] payload) {}

    @Test
    @DisplayName("the class whose live objects grew between two histograms is named first, with its growth")
    void namesWhatGrew() throws Exception {
        Map<String, HeapHistogram.Count> before = HeapHistogram.take();
        assertTrue(before.get("java.lang.String").instances() > 0, "the histogram is parsed: " + before.size());
        List<Kept> kept = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            kept.add(new Kept(new long[64]));
        }
        Map<String, HeapHistogram.Count> after = HeapHistogram.take();
        List<String> grown = HeapHistogram.growth(before, after, 3);
        assertTrue(grown.get(0).contains("[J") && grown.stream().anyMatch(l -> l.contains(Kept.class.getName())
                && l.contains("+20000 instances")), grown + " (kept " + kept.size() + ")");
    }
}
