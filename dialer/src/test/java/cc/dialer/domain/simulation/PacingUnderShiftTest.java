package cc.dialer.domain.simulation;

import cc.dialer.domain.pacing.PacingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pacer driving a simulated shift on a virtual clock with seeded randomness. */
class PacingUnderShiftTest {
    private static final int JUMP = 4 * 3600;

    private static ShiftScenario jumpingShift(long seed) {
        return ReferenceScenario.of(25, PacingMode.PREDICTIVE, seed).withAnswerRates(List.of(
                new ShiftScenario.RateStep(0, 0.15), new ShiftScenario.RateStep(JUMP, 0.40)));
    }

    @Test
    @DisplayName("stays under the 3% abandon limit when the answer rate jumps from 0.15 to 0.4 mid-shift")
    void underCapWhenAnswerRateJumps() {
        for (long seed = 1; seed <= 2; seed++) {
            ShiftResult r = ShiftSimulation.run(jumpingShift(seed));
            assertTrue(r.abandonRate() <= 0.03, "shift abandon rate " + r.abandonRate());
            assertTrue(r.liveAnswers() > 3000, "the shift was busy: " + r.liveAnswers());
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
        ShiftResult progressive = ShiftSimulation.run(ReferenceScenario.of(25, PacingMode.PROGRESSIVE, 3));
        ShiftResult predictive = ShiftSimulation.run(ReferenceScenario.of(25, PacingMode.PREDICTIVE, 3));
        assertEquals(0, progressive.abandoned());
        assertTrue(predictive.talkMinutesPerAgentHour() > progressive.talkMinutesPerAgentHour() + 8,
                predictive.talkMinutesPerAgentHour() + " vs " + progressive.talkMinutesPerAgentHour());
        assertTrue(predictive.abandonRate() <= 0.03);
    }

    @Test
    @DisplayName("the same scenario and seed give the same shift")
    void deterministic() {
        ShiftResult a = ShiftSimulation.run(ReferenceScenario.of(10, PacingMode.PREDICTIVE, 11));
        ShiftResult b = ShiftSimulation.run(ReferenceScenario.of(10, PacingMode.PREDICTIVE, 11));
        assertEquals(a.dials(), b.dials());
        assertEquals(a.talkSeconds(), b.talkSeconds());
    }
}
