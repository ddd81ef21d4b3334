package cc.dialer.domain.pacing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmdFalsePositiveEstimateTest {
    private static long counted(AmdFalsePositiveEstimate e, long verdicts) {
        return LongStream.rangeClosed(1, verdicts).filter(e::isFalsePositive).count();
    }

    @Test
    @DisplayName("after n machine verdicts exactly floor(n x rate) are counted as live people")
    void countsTheRateOfVerdicts() {
        AmdFalsePositiveEstimate e = new AmdFalsePositiveEstimate(0.05);
        assertEquals(0, counted(e, 19));
        assertEquals(1, counted(e, 20));
        assertEquals(50, counted(e, 1000));
        assertTrue(e.isFalsePositive(20));
        assertEquals(1, counted(new AmdFalsePositiveEstimate(0.5), 2));
        assertTrue(new AmdFalsePositiveEstimate(0.5).isFalsePositive(2), "the second of two, the same every run");
    }

    @Test
    @DisplayName("rate 0 counts none, rate 1 counts all, other rates are refused")
    void bounds() {
        assertFalse(new AmdFalsePositiveEstimate(0).isFalsePositive(1));
        assertEquals(7, counted(new AmdFalsePositiveEstimate(1), 7));
        assertThrows(IllegalArgumentException.class, () -> new AmdFalsePositiveEstimate(1.5));
        assertThrows(IllegalArgumentException.class, () -> new AmdFalsePositiveEstimate(0.1).isFalsePositive(0));
    }
}
