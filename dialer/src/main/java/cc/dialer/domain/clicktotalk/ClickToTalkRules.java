package cc.dialer.domain.clicktotalk;

import java.time.Duration;
import java.util.Objects;

/**
 * The dialer's own limits on click-to-talk (the {@code dialer.clickToTalk} keys).
 *
 * @param retries        how many more calls after a busy or unanswered one
 * @param retryDelay     how long after a busy or unanswered call the next one is placed
 * @param expiry         how late after its time a request may still be dialled (lines busy, the per-minute
 *                       ceiling reached): past it the request ends not-reached
 * @param dialsPerMinute the most click-to-talk calls placed in any minute, across all requests: a second defence
 *                       when the public page's own limits let a flood through
 * @param maxPending     the most requests waiting for their time at once; more are refused
 * @param maxAdvance     how far ahead a customer may ask to be called
 */
public record ClickToTalkRules(int retries, Duration retryDelay, Duration expiry, int dialsPerMinute,
                               int maxPending, Duration maxAdvance) {
    public ClickToTalkRules {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(maxAdvance, "maxAdvance");
        if (dialsPerMinute < 1 || maxPending < 1) {
            throw new IllegalArgumentException("dialsPerMinute and maxPending must be at least 1");
        }
    }

    /** One retry two minutes after a busy or unanswered call; due requests dialled within 10 minutes. */
    public static ClickToTalkRules defaults() {
        return new ClickToTalkRules(1, Duration.ofMinutes(2), Duration.ofMinutes(10), 20, 500, Duration.ofDays(7));
    }
}
