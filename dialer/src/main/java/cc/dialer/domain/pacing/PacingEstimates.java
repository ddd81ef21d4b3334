package cc.dialer.domain.pacing;

import java.util.Objects;

/**
 * What the pacer currently believes about the campaign's calls and agents, learned from observed outcomes.
 *
 * @param answerProbability  the chance that a dial is answered by a live person
 * @param liveRing           seconds from dial to a live answer, for dials a person answers
 * @param otherRing          seconds from dial to any other end (busy, no answer, machine, failure)
 * @param talk               talk time of connected calls
 * @param wrapUp             agent wrap-up time after a call
 * @param safetyFactor       how many standard deviations of slack the predictive pacer keeps between the calls it
 *                           expects to be answered and the agents it expects to be free; tuned from the abandon
 *                           outcomes so the abandon rate settles at the target
 */
public record PacingEstimates(double answerProbability, Distribution liveRing, Distribution otherRing,
                              Distribution talk, Distribution wrapUp, double safetyFactor) {
    public PacingEstimates {
        if (!(answerProbability >= 0 && answerProbability <= 1)) {
            throw new IllegalArgumentException("answerProbability must be 0..1, was " + answerProbability);
        }
        Objects.requireNonNull(liveRing, "liveRing");
        Objects.requireNonNull(otherRing, "otherRing");
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(wrapUp, "wrapUp");
    }
}
