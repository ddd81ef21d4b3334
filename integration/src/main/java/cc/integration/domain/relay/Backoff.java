package cc.integration.domain.relay;

import java.time.Duration;

/**
 * How long to wait before offering a failed batch again: {@code initial}, doubled after each further failure, never
 * more than {@code max}. No jitter: one relay per database retries each sink alone, so there is no herd to spread.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial delay must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is below the initial delay " + initial);
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 = the first). */
    public Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        // 2^30 times even a millisecond passes any sane max: stop doubling there instead of overflowing
        int doublings = Math.min(failures - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis >= max.toMillis() || millis < 0 ? max : Duration.ofMillis(millis);
    }
}
