package cc.console.domain.selfservice;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a click-to-talk request may be called when asked: "call me now" only while the center is open; "call me
 * at" in the future (a minute's grace for the clock of the customer's browser), within the days allowed ahead, and at
 * a time the center is open.
 */
public final class CallTime {
    private static final Duration GRACE = Duration.ofMinutes(1);

    private CallTime() {}

    /** The problem's code ({@code closed}, {@code past}, {@code too-far}), or empty when the time is fine. */
    public static Optional<String> problem(Optional<Instant> callAt, Instant now, BusinessHours hours, int daysAhead) {
        if (callAt.isEmpty()) {
            return hours.isOpen(now) ? Optional.empty() : Optional.of("closed");
        }
        Instant at = callAt.get();
        if (at.isBefore(now.minus(GRACE))) {
            return Optional.of("past");
        }
        if (at.isAfter(now.plus(Duration.ofDays(daysAhead)))) {
            return Optional.of("too-far");
        }
        return hours.isOpen(at) ? Optional.empty() : Optional.of("closed");
    }
}
