package cc.core.domain.report;

import java.time.Duration;
import java.util.Optional;

/**
 * One queue's figures for one bucket, counting the calls offered in the bucket (the time the call reached us).
 * Each entry of a call into the queue counts once (a caller who overflows from one queue to another is offered to
 * both), as the ACD's own interval figures count them.
 *
 * @param offered            entries into the queue
 * @param answered           entries an agent answered
 * @param answeredInThreshold of those, answered within the queue's service-level threshold
 * @param abandoned          entries the caller gave up (waiting or while an agent's phone rang), short ones included
 * @param shortAbandoned     of those, given up sooner than the short-abandon threshold
 * @param overflowed         entries the queue sent on (to another queue, voicemail, a callback)
 * @param answerWait         summed wait of the answered entries, from entering the queue to the answer
 * @param talk               summed talk time of the queue's conversations
 * @param hold               summed hold time of those conversations
 * @param wrapUp             summed wrap-up time after them
 * @param transfersOut       transfers made by agents on the queue's conversations
 * @param resolvable         answered calls whose customer or number is known, the base of first-contact resolution
 * @param resolvedFirstTime  of those, the ones with no repeat contact within the configured days
 */
public record QueueFigures(long offered, long answered, long answeredInThreshold, long abandoned, long shortAbandoned,
                           long overflowed, Duration answerWait, Duration talk, Duration hold, Duration wrapUp,
                           long transfersOut, long resolvable, long resolvedFirstTime) {

    public static final QueueFigures ZERO = new QueueFigures(0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO, 0, 0, 0);

    /**
     * These figures and {@code o}'s together: every figure is a count or a summed time, so the figures of an hour,
     * day, week or month are the sum of its 15-minute figures.
     */
    public QueueFigures plus(QueueFigures o) {
        return new QueueFigures(offered + o.offered, answered + o.answered,
                answeredInThreshold + o.answeredInThreshold, abandoned + o.abandoned,
                shortAbandoned + o.shortAbandoned, overflowed + o.overflowed, answerWait.plus(o.answerWait),
                talk.plus(o.talk), hold.plus(o.hold), wrapUp.plus(o.wrapUp), transfersOut + o.transfersOut,
                resolvable + o.resolvable, resolvedFirstTime + o.resolvedFirstTime);
    }

    /** Answered within the threshold over answered plus long abandons; empty when neither happened. */
    public Optional<Double> serviceLevel() {
        long base = answered + abandoned - shortAbandoned;
        return base == 0 ? Optional.empty() : Optional.of(answeredInThreshold / (double) base);
    }

    public Optional<Duration> averageSpeedOfAnswer() {
        return answered == 0 ? Optional.empty() : Optional.of(answerWait.dividedBy(answered));
    }

    /** Talk, hold and wrap-up per answered call. */
    public Optional<Duration> averageHandleTime() {
        return answered == 0 ? Optional.empty() : Optional.of(talk.plus(hold).plus(wrapUp).dividedBy(answered));
    }

    public Optional<Duration> averageTalk() {
        return answered == 0 ? Optional.empty() : Optional.of(talk.dividedBy(answered));
    }

    public Optional<Duration> averageHold() {
        return answered == 0 ? Optional.empty() : Optional.of(hold.dividedBy(answered));
    }

    public Optional<Duration> averageWrapUp() {
        return answered == 0 ? Optional.empty() : Optional.of(wrapUp.dividedBy(answered));
    }

    public Optional<Double> firstContactResolution() {
        return resolvable == 0 ? Optional.empty() : Optional.of(resolvedFirstTime / (double) resolvable);
    }
}
