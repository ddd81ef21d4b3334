package cc.acd.domain.estimate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitEstimatorTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    @DisplayName("before any agent frees up, the wait is position x handle time / agents staffing the queue")
    void staffingModel() {
        WaitEstimator e = new WaitEstimator(Duration.ofSeconds(180));
        assertEquals(Optional.of(Duration.ofSeconds(60)), e.estimate(1, 3, NOW));
        assertEquals(Optional.of(Duration.ofSeconds(180)), e.estimate(3, 3, NOW));
        assertEquals(Optional.of(Duration.ofSeconds(360)), e.estimate(6, 3, NOW));
    }

    @Test
    @DisplayName("with nobody staffing the queue no wait is promised")
    void noStaffNoPromise() {
        assertEquals(Optional.empty(), new WaitEstimator(Duration.ofSeconds(180)).estimate(1, 0, NOW));
    }

    @Test
    @DisplayName("the observed rate of callers taken from the line takes over from the staffing model")
    void observedRate() {
        WaitEstimator e = new WaitEstimator(Duration.ofSeconds(600));
        e.lineOccupied(true, NOW - 300_000);
        for (int i = 0; i < 30; i++) {
            e.takenFromLine(NOW - 300_000 + i * 10_000L); // one caller every 10 s for the last 5 minutes
        }
        Duration est = e.estimate(5, 2, NOW).orElseThrow();
        assertTrue(est.toSeconds() >= 45 && est.toSeconds() <= 55, est.toString());
    }

    @Test
    @DisplayName("time with nobody in line does not slow the observed rate down")
    void emptyLineTimeDoesNotCount() {
        WaitEstimator e = new WaitEstimator(Duration.ofSeconds(600));
        long t = NOW - 600_000;
        for (int burst = 0; burst < 2; burst++) {
            e.lineOccupied(true, t);
            for (int i = 0; i < 16; i++) {
                e.takenFromLine(t + i * 10_000L); // one every 10 s while callers wait
            }
            e.lineOccupied(false, t + 150_000);
            t += 300_000; // then 150 s with nobody waiting
        }
        e.lineOccupied(true, NOW);
        Duration est = e.estimate(1, 2, NOW).orElseThrow();
        assertTrue(est.toSeconds() >= 9 && est.toSeconds() <= 11, "10 s a caller, not 20: " + est);
    }

    @Test
    @DisplayName("callers taken long ago do not count toward the current rate")
    void oldObservationsExpire() {
        WaitEstimator e = new WaitEstimator(Duration.ofSeconds(120));
        e.lineOccupied(true, NOW - WaitEstimator.WINDOW.toMillis() - 3_600_000);
        for (int i = 0; i < 30; i++) {
            e.takenFromLine(NOW - WaitEstimator.WINDOW.toMillis() - 3_600_000 + i * 1_000L);
        }
        assertEquals(Optional.of(Duration.ofSeconds(60)), e.estimate(1, 2, NOW));
    }

    @Test
    @DisplayName("the average handle time follows the calls actually handled")
    void handleTimeLearns() {
        WaitEstimator e = new WaitEstimator(Duration.ofSeconds(300));
        for (int i = 0; i < 100; i++) {
            e.handled(Duration.ofSeconds(60));
        }
        assertTrue(Math.abs(e.averageHandleTime().toSeconds() - 60) <= 1, e.averageHandleTime().toString());
    }

    @Test
    @DisplayName("calibration reports the median and 90th percentile of |estimated - actual|")
    void calibration() {
        WaitCalibration c = new WaitCalibration();
        assertEquals(0, c.report().samples());
        for (int i = 1; i <= 10; i++) {
            c.record(Duration.ofSeconds(100), Duration.ofSeconds(100 + i * (i % 2 == 0 ? 1 : -1)));
        }
        WaitCalibration.CalibrationReport r = c.report();
        assertEquals(10, r.samples());
        assertEquals(Duration.ofSeconds(5), r.medianAbsError());
        assertEquals(Duration.ofSeconds(9), r.p90AbsError());
        assertEquals(Duration.ofMillis(-500), r.meanSignedError());
    }
}
