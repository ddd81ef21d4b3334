package cc.dialer.domain.simulation;

import cc.dialer.domain.pacing.PacingEstimator;
import cc.dialer.domain.pacing.PacingPolicy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One simulated shift: who works it, how customers answer, and how the campaign paces.
 *
 * @param agents          agents logged in for the whole shift
 * @param start           when the shift starts
 * @param shiftSeconds    how long it lasts
 * @param answerRates     the live-answer probability, changing at the given seconds into the shift
 * @param liveRingMin     shortest ring before a live answer, seconds
 * @param liveRingMax     longest ring before a live answer, seconds
 * @param otherOutcomes   what the dials no live person answers do, with their shares and durations
 * @param talkMeanSeconds mean talk time (lognormal)
 * @param talkSigma       shape of the talk-time lognormal
 * @param wrapUpSeconds   wrap-up after each call
 * @param policy          the campaign's pacing settings (patience decides abandonment here too)
 * @param estimator       how the pacer's estimates start and learn
 * @param seed            the random seed; the same scenario and seed give the same shift
 */
public record ShiftScenario(int agents, Instant start, int shiftSeconds, List<RateStep> answerRates,
                            double liveRingMin, double liveRingMax, List<OtherOutcome> otherOutcomes,
                            double talkMeanSeconds, double talkSigma, double wrapUpSeconds, PacingPolicy policy,
                            PacingEstimator.Config estimator, long seed) {

    /** From {@code fromSecond} into the shift, a live person answers a dial with probability {@code rate}. */
    public record RateStep(int fromSecond, double rate) {}

    /** A way a dial ends without a live person: its share of such dials and how long it takes. */
    public record OtherOutcome(String name, double share, double minSeconds, double maxSeconds) {}

    public ShiftScenario {
        if (agents < 0 || shiftSeconds <= 0) {
            throw new IllegalArgumentException("agents and shift length must be positive");
        }
        Objects.requireNonNull(start, "start");
        answerRates = List.copyOf(answerRates);
        if (answerRates.isEmpty() || answerRates.get(0).fromSecond() != 0) {
            throw new IllegalArgumentException("answerRates must start at second 0");
        }
        otherOutcomes = List.copyOf(otherOutcomes);
        if (otherOutcomes.isEmpty()) {
            throw new IllegalArgumentException("otherOutcomes must not be empty");
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(estimator, "estimator");
    }

    /** The live-answer probability at {@code second} into the shift. */
    public double answerRateAt(double second) {
        double rate = answerRates.get(0).rate();
        for (RateStep step : answerRates) {
            if (step.fromSecond() <= second) {
                rate = step.rate();
            }
        }
        return rate;
    }

    public ShiftScenario withSeed(long newSeed) {
        return new ShiftScenario(agents, start, shiftSeconds, answerRates, liveRingMin, liveRingMax, otherOutcomes,
                talkMeanSeconds, talkSigma, wrapUpSeconds, policy, estimator, newSeed);
    }

    public ShiftScenario withPolicy(PacingPolicy newPolicy) {
        return new ShiftScenario(agents, start, shiftSeconds, answerRates, liveRingMin, liveRingMax, otherOutcomes,
                talkMeanSeconds, talkSigma, wrapUpSeconds, newPolicy, estimator, seed);
    }

    public ShiftScenario withAgents(int newAgents) {
        return new ShiftScenario(newAgents, start, shiftSeconds, answerRates, liveRingMin, liveRingMax,
                otherOutcomes, talkMeanSeconds, talkSigma, wrapUpSeconds, policy, estimator, seed);
    }

    public ShiftScenario withShiftSeconds(int seconds) {
        return new ShiftScenario(agents, start, seconds, answerRates, liveRingMin, liveRingMax, otherOutcomes,
                talkMeanSeconds, talkSigma, wrapUpSeconds, policy, estimator, seed);
    }

    public ShiftScenario withAnswerRates(List<RateStep> rates) {
        return new ShiftScenario(agents, start, shiftSeconds, rates, liveRingMin, liveRingMax, otherOutcomes,
                talkMeanSeconds, talkSigma, wrapUpSeconds, policy, estimator, seed);
    }
}
