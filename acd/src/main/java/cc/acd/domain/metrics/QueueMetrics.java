package cc.acd.domain.metrics;

import java.time.Duration;
import java.util.Optional;

/**
 * One queue's figures: the live ones (waiting now, longest wait, staffing) and the counters of the current interval.
 *
 * @param queueId                 the queue
 * @param waiting                 callers waiting now, on the line or as virtual callback callers
 * @param waitingForCallback      of those, virtual callers holding a callback's place
 * @param longestWait             the longest current wait, zero when nobody waits
 * @param offered                 callers presented to the queue in the interval, including those it turned
 *                                away (full, closed) and those arriving by overflow
 * @param answered                calls answered by an agent in the interval
 * @param answeredWithinThreshold of those, answered within the service-level threshold
 * @param abandoned               callers who hung up before an agent answered
 * @param overflowed              callers sent elsewhere (another queue, voicemail, callback)
 * @param totalAnswerWait         summed wait of the answered calls
 * @param handled                 calls whose handling (talk plus wrap-up) finished in the interval
 * @param totalHandleTime         their summed handle time
 * @param agentsStaffed           agents serving the queue who are logged in and not paused
 * @param agentsAvailable         of those, available now
 */
public record QueueMetrics(String queueId, int waiting, int waitingForCallback, Duration longestWait, long offered,
                           long answered, long answeredWithinThreshold, long abandoned, long overflowed,
                           Duration totalAnswerWait, long handled, Duration totalHandleTime, int agentsStaffed,
                           int agentsAvailable) {

    /**
     * Answered within the threshold over answered plus abandoned (abandons count against the service level);
     * empty when no caller was answered or abandoned.
     */
    public Optional<Double> serviceLevel() {
        long base = answered + abandoned;
        return base == 0 ? Optional.empty() : Optional.of(answeredWithinThreshold / (double) base);
    }

    /** Average speed of answer; empty when nothing was answered. */
    public Optional<Duration> averageSpeedOfAnswer() {
        return answered == 0 ? Optional.empty() : Optional.of(totalAnswerWait.dividedBy(answered));
    }

    /** Average handle time (talk plus wrap-up); empty when nothing was handled. */
    public Optional<Duration> averageHandleTime() {
        return handled == 0 ? Optional.empty() : Optional.of(totalHandleTime.dividedBy(handled));
    }
}
