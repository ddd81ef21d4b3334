package cc.dialer.domain.simulation;

import cc.dialer.domain.pacing.PacingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pacer driving simulated 4-hour shifts on a virtual clock with seeded randomness. */
class PacingUnderShiftTest {
    private static final int SHIFT = 4 * 3600;
    private static final int JUMP = SHIFT / 2;

    private static ShiftScenario shift(int agents, PacingMode mode, long seed) {
        return ReferenceScenario.of(agents, mode, seed).withShiftSeconds(SHIFT);
    }

    private static ShiftScenario jumpingShift(long seed) {
        return shift(25, PacingMode.PREDICTIVE, seed).withAnswerRates(List.of(
                new ShiftScenario.RateStep(0, 0.15), new ShiftScenario.RateStep(JUMP, 0.40)));
    }

    @Test
    @DisplayName("stays under the 3% abandon limit when the answer rate jumps from 0.15 to 0.4 mid-shift")
    void underCapWhenAnswerRateJumps() {
        for (long seed = 1; seed <= 2; seed++) {
            ShiftResult r = ShiftSimulation.run(jumpingShift(seed));
            assertTrue(r.abandonRate() <= 0.03, "shift abandon rate " + r.abandonRate());
            assertTrue(r.liveAnswers() > 1500, "the shift was busy: " + r.liveAnswers());
            long liveAfter = 0;
            long abandonedAfter = 0;
            for (int h = JUMP / 3600; h < SHIFT / 3600; h++) {
                liveAfter += r.livePerHour()[h];
                abandonedAfter += r.abandonedPerHour()[h];
            }
            assertTrue(abandonedAfter <= 0.03 * liveAfter, "after the jump " + abandonedAfter + "/" + liveAfter);
        }
    }

    @Test
    @DisplayName("cuts its dialling within seconds of the answer rate jumping")
    void reactsWithinSeconds() {
        ShiftResult r = ShiftSimulation.run(jumpingShift(7));
        double before = r.dialRate(JUMP - 600, JUMP);
        double soon = r.dialRate(JUMP + 10, JUMP + 40);
        assertTrue(soon < 0.6 * before, "dials/s before " + before + ", 10-40 s after the jump " + soon);
    }

    @Test
    @DisplayName("predictive gives agents more talk time than progressive, and progressive abandons nothing")
    void predictiveBeatsProgressive() {
        ShiftResult progressive = ShiftSimulation.run(shift(25, PacingMode.PROGRESSIVE, 3));
        ShiftResult predictive = ShiftSimulation.run(shift(25, PacingMode.PREDICTIVE, 3));
        assertEquals(0, progressive.abandoned());
        assertTrue(predictive.talkMinutesPerAgentHour() > progressive.talkMinutesPerAgentHour() + 8,
                predictive.talkMinutesPerAgentHour() + " vs " + progressive.talkMinutesPerAgentHour());
        assertTrue(predictive.abandonRate() <= 0.03);
    }

    @Test
    @DisplayName("the same scenario and seed give the same shift")
    void deterministic() {
        ShiftResult a = ShiftSimulation.run(shift(10, PacingMode.PREDICTIVE, 11));
        ShiftResult b = ShiftSimulation.run(shift(10, PacingMode.PREDICTIVE, 11));
        assertEquals(a.dials(), b.dials());
        assertEquals(a.talkSeconds(), b.talkSeconds());
    }
}
