package cc.dialer.domain.simulation;

import cc.dialer.domain.pacing.Distribution;
import cc.dialer.domain.pacing.PacingEstimates;
import cc.dialer.domain.pacing.PacingEstimator;
import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.pacing.PacingPolicy;
import cc.dialer.domain.pacing.RegulatorRule;

import java.time.Instant;
import java.util.List;

/**
 * The shift the pacing targets are set against: live-answer rate 0.25, live answers after 3 to 18 s of ringing,
 * lognormal talk of 120 s mean, 10 s wrap-up, 2 s patience, 8 hours, UK rule (3% over 24 hours). Dials no live
 * person answers: 45% ring out at 25 s, 25% reach a machine (detected 6 to 21 s after dialling), 15% busy after
 * 1 to 4 s, 15% fail in 0.5 to 2 s. The pacer starts from deliberately wrong priors (answer rate 0.2, talk 150 s)
 * and learns the rest.
 */
public final class ReferenceScenario {
    private ReferenceScenario() {}

    public static final double ANSWER_RATE = 0.25;
    public static final double TALK_MEAN = 120;
    public static final double TALK_SIGMA = 0.5;
    public static final double WRAP_UP = 10;

    public static final List<ShiftScenario.OtherOutcome> OTHER_OUTCOMES = List.of(
            new ShiftScenario.OtherOutcome("no-answer", 0.45, 25, 25),
            new ShiftScenario.OtherOutcome("machine", 0.25, 6, 21),
            new ShiftScenario.OtherOutcome("busy", 0.15, 1, 4),
            new ShiftScenario.OtherOutcome("failed", 0.15, 0.5, 2));

    /** The pacer's starting beliefs, before it has seen a call. */
    public static PacingEstimates priors() {
        return new PacingEstimates(0.2, Distribution.uniform(2, 20), Distribution.uniform(1, 30),
                Distribution.lognormal(150, 0.6), Distribution.constant(15), 1.5);
    }

    public static ShiftScenario of(int agents, PacingMode mode, long seed) {
        PacingPolicy policy = PacingPolicy.of(mode, RegulatorRule.UK_OFCOM, Math.max(10, agents * 4));
        return new ShiftScenario(agents, Instant.parse("2026-11-23T08:00:00Z"), 8 * 3600,
                List.of(new ShiftScenario.RateStep(0, ANSWER_RATE)), 3, 18, OTHER_OUTCOMES, TALK_MEAN, TALK_SIGMA,
                WRAP_UP, policy, PacingEstimator.Config.defaults(priors()), seed);
    }
}
