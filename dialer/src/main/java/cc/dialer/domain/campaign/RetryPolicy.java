package cc.dialer.domain.campaign;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a contact is tried again: a delay per outcome (outcomes without one are final) and a most-attempts limit.
 *
 * @param delays      retry delay by outcome; {@link AttemptOutcome#CONNECTED} is always final
 * @param maxAttempts the most dial attempts per contact
 */
public record RetryPolicy(Map<AttemptOutcome, Duration> delays, int maxAttempts) {
    public RetryPolicy {
        delays = Map.copyOf(delays);
        if (delays.containsKey(AttemptOutcome.CONNECTED)) {
            throw new IllegalArgumentException("a connected contact is not retried; book a callback instead");
        }
        if (delays.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Busy 10 min, no answer 2 h, machine 4 h, abandoned 1 h (and the customer is owed a careful retry), 5 tries. */
    public static RetryPolicy typical() {
        Map<AttemptOutcome, Duration> d = new EnumMap<>(AttemptOutcome.class);
        d.put(AttemptOutcome.BUSY, Duration.ofMinutes(10));
        d.put(AttemptOutcome.NO_ANSWER, Duration.ofHours(2));
        d.put(AttemptOutcome.MACHINE, Duration.ofHours(4));
        d.put(AttemptOutcome.ABANDONED, Duration.ofHours(1));
        return new RetryPolicy(d, 5);
    }

    /** The delay before the next try after {@code outcome}, empty when the outcome is final. */
    public Optional<Duration> delayAfter(AttemptOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return Optional.ofNullable(delays.get(outcome));
    }
}
