package cc.dialer.domain.pacing;

import cc.dialer.domain.simulation.ReferenceScenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacingEstimatorTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /** Places 3 dials a second for {@code seconds}; each resolves at once: live with probability {@code q}. */
    private static long feed(PacingEstimator est, long firstId, int fromSecond, int seconds, double q,
                             SplittableRandom random) {
        long id = firstId;
        for (int t = fromSecond; t < fromSecond + seconds; t++) {
            for (int i = 0; i < 3; i++) {
                Instant at = T0.plusSeconds(t);
                est.dialPlaced(id, at);
                if (random.nextDouble() < q) {
                    est.answeredLive(id, at.plusSeconds(8));
                } else {
                    est.endedOtherwise(id, at.plusSeconds(3));
                }
                id++;
            }
        }
        return id;
    }

    @Test
    @DisplayName("learns the answer rate and follows a jump in it within a minute")
    void followsAnswerRate() {
        PacingEstimator est = new PacingEstimator(PacingEstimator.Config.defaults(ReferenceScenario.priors()));
        SplittableRandom random = new SplittableRandom(5);
        long id = feed(est, 1, 0, 600, 0.15, random);
        assertEquals(0.15, est.estimates(T0.plusSeconds(610)).answerProbability(), 0.03);
        feed(est, id, 610, 60, 0.40, random);
        assertEquals(0.40, est.estimates(T0.plusSeconds(680)).answerProbability(), 0.07);
    }

    @Test
    @DisplayName("ringing dials are counted by their odds, so quick answers raise the estimate at once")
    void censoredDials() {
        PacingEstimator est = new PacingEstimator(PacingEstimator.Config.defaults(ReferenceScenario.priors()));
        for (int i = 0; i < 100; i++) {
            est.dialPlaced(i, T0);
        }
        for (int i = 0; i < 20; i++) {
            est.answeredLive(i, T0.plusSeconds(5));
        }
        // 20 of 100 answered in 5 s; live answers take up to 20 s, so more are still to come
        assertTrue(est.estimates(T0.plusSeconds(5)).answerProbability() > 0.3);
    }

    @Test
    @DisplayName("abandoned calls raise the safety factor and connected calls lower it")
    void tunesSafety() {
        PacingEstimator est = new PacingEstimator(PacingEstimator.Config.defaults(ReferenceScenario.priors()));
        double start = est.estimates(T0).safetyFactor();
        est.liveOutcome(LiveOutcome.ABANDONED, RegulatorRule.US_TSR);
        double raised = est.estimates(T0).safetyFactor();
        assertTrue(raised > start);
        est.liveOutcome(LiveOutcome.AMD_FALSE_POSITIVE, RegulatorRule.US_TSR);
        assertTrue(est.estimates(T0).safetyFactor() < raised, "US rule does not count machine false positives");
        for (int i = 0; i < 100; i++) {
            est.liveOutcome(LiveOutcome.CONNECTED, RegulatorRule.US_TSR);
        }
        assertTrue(est.estimates(T0).safetyFactor() < start);
    }

    @Test
    @DisplayName("learns talk-time from finished calls")
    void learnsTalk() {
        PacingEstimator est = new PacingEstimator(PacingEstimator.Config.defaults(ReferenceScenario.priors()));
        for (int i = 0; i < 200; i++) {
            est.talkEnded(java.time.Duration.ofSeconds(60 + i % 21));
        }
        assertEquals(70, est.estimates(T0).talk().mean(), 2);
    }
}
