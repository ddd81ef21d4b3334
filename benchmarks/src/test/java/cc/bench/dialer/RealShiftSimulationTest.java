package cc.bench.dialer;

import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.simulation.ReferenceScenario;
import cc.dialer.domain.simulation.ShiftResult;
import cc.dialer.domain.simulation.ShiftSimulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealShiftSimulationTest {
    private static final int SHIFT = 8 * 3600;

    @Test
    void theAnswerRateMovesFromLowToPeakAndBackOverTheShift() {
        RealShiftSimulation.Real real = RealShiftReport.REAL;
        assertEquals(0.15, RealShiftSimulation.answerRate(real, 0, SHIFT), 1e-9);
        assertEquals(0.35, RealShiftSimulation.answerRate(real, SHIFT / 2.0, SHIFT), 1e-9);
        assertEquals(0.15, RealShiftSimulation.answerRate(real, SHIFT, SHIFT), 1e-9);
    }

    @Test
    void everyAgentTakesTwoFifteenMinuteBreaksAndAHalfHourLunch() {
        RealShiftSimulation.Result r = RealShiftSimulation.run(RealShiftReport.scenario(25, SHIFT, 7, 1.0),
                RealShiftReport.REAL);
        double breaks = 0;
        for (double b : r.breakSeconds()) {
            breaks += b;
        }
        assertEquals(25 * 3600.0, breaks, 1.0, "an hour of breaks per agent");
        assertEquals(0, r.breakSeconds()[0], 1e-9, "nobody is on a break in the first hour");
    }

    @Test
    void amdHangsUpOnAboutOneLivePersonInTwenty() {
        RealShiftSimulation.Result r = RealShiftSimulation.run(RealShiftReport.scenario(25, SHIFT, 7, 1.0),
                RealShiftReport.REAL);
        long dropped = RealShiftSimulation.Result.sum(r.amdDropped());
        long live = RealShiftSimulation.Result.sum(r.live());
        double share = (double) dropped / (dropped + live);
        assertTrue(share > 0.035 && share < 0.065, "share of live people AMD hung up on: " + share);
        assertTrue(r.abandonRateWithAmd() > r.abandonRate());
    }

    @Test
    void theSameSeedGivesTheSameShift() {
        RealShiftSimulation.Result a = RealShiftSimulation.run(RealShiftReport.scenario(10, 3600, 3, 1.0),
                RealShiftReport.REAL);
        RealShiftSimulation.Result b = RealShiftSimulation.run(RealShiftReport.scenario(10, 3600, 3, 1.0),
                RealShiftReport.REAL);
        assertArrayEquals(a.dials(), b.dials());
        assertArrayEquals(a.abandoned(), b.abandoned());
        assertEquals(a.talkMinutesPerAgentHour(), b.talkMinutesPerAgentHour());
    }

    @Test
    void withNothingRealAddedItAgreesWithTheProductionShiftModel() {
        // constant answer rate, AMD never wrong, no breaks, the reference talk shape: the reference world
        RealShiftSimulation.Result mine = RealShiftSimulation.run(
                RealShiftReport.scenario(25, SHIFT, 20261123L, ReferenceScenario.TALK_SIGMA),
                new RealShiftSimulation.Real(0.25, 0.25, 0, 0, false, 0));
        ShiftResult reference = ShiftSimulation.run(ReferenceScenario.of(25, PacingMode.PREDICTIVE, 20261123L));
        assertEquals(reference.talkMinutesPerAgentHour(), mine.talkMinutesPerAgentHour(),
                reference.talkMinutesPerAgentHour() * 0.03);
        assertEquals(reference.abandonRate(), mine.abandonRate(), 0.01);
    }

    @Test
    void theMachineVerdictsCountedAsFalsePositivesHoldThePacerBackAsInTheDialer() {
        // AMD wrong 1 % each way: the dialer configured with 1 % counts one machine verdict in a hundred as abandoned
        // and steers by that rate; configured with 0 it steers by the abandons alone and over-dials more
        RealShiftSimulation.Result counting = RealShiftSimulation.run(RealShiftReport.scenario(25, SHIFT, 7, 1.0),
                new RealShiftSimulation.Real(0.15, 0.35, 0.01, 0.01, true, 0.01));
        RealShiftSimulation.Result blind = RealShiftSimulation.run(RealShiftReport.scenario(25, SHIFT, 7, 1.0),
                new RealShiftSimulation.Real(0.15, 0.35, 0.01, 0.01, true, 0));
        assertEquals(0, RealShiftSimulation.Result.sum(blind.amdEstimated()));
        assertTrue(RealShiftSimulation.Result.sum(counting.amdEstimated()) > 0);
        assertTrue(counting.abandonRateCounted() > counting.abandonRate());
        assertTrue(counting.abandonRateCounted() <= 0.03, "counted rate " + counting.abandonRateCounted());
        assertTrue(counting.abandonRate() < blind.abandonRate(),
                counting.abandonRate() + " should be below " + blind.abandonRate());
    }
}
