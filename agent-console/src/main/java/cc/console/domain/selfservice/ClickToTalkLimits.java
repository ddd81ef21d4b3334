package cc.console.domain.selfservice;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many click-to-talk requests are handed to the dialer: per source address in the last hour, per number in the
 * last 24 hours, and in all in the last 24 hours (rolling windows, so no burst at midnight). Only requests handed
 * over count; refused ones are recorded but do not use up anybody's allowance.
 *
 * @param perAddressPerHour requests one source address may make in an hour
 * @param perNumberPerDay   calls one number may be asked for in 24 hours (nobody can make the center ring a stranger
 *                          over and over)
 * @param perDay            requests in all in 24 hours (what the center can call back)
 */
public record ClickToTalkLimits(int perAddressPerHour, int perNumberPerDay, int perDay) {
    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
    public static final Duration DAY_WINDOW = Duration.ofHours(24);

    /** Why a request was refused; the code is recorded and the page shows its text. */
    public enum Refusal {
        ADDRESS_LIMIT("address-limit"), NUMBER_LIMIT("number-limit"), DAILY_LIMIT("daily-limit");

        public final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    /** The requests already handed over inside each window. */
    public record Counts(int fromAddress, int toNumber, int all) {}

    /** Where each window starts, for counting. */
    public record Windows(Instant addressSince, Instant numberSince, Instant allSince) {}

    public ClickToTalkLimits {
        if (perAddressPerHour < 1 || perNumberPerDay < 1 || perDay < 1) {
            throw new IllegalArgumentException("every click-to-talk limit must be at least 1");
        }
    }

    public static ClickToTalkLimits defaults() {
        return new ClickToTalkLimits(3, 2, 500);
    }

    public Windows windows(Instant now) {
        return new Windows(now.minus(ADDRESS_WINDOW), now.minus(DAY_WINDOW), now.minus(DAY_WINDOW));
    }

    /** Empty: hand it over; otherwise the first limit it would pass (the day's first: it is the center's). */
    public Optional<Refusal> check(Counts counts) {
        if (counts.all() >= perDay) {
            return Optional.of(Refusal.DAILY_LIMIT);
        }
        if (counts.toNumber() >= perNumberPerDay) {
            return Optional.of(Refusal.NUMBER_LIMIT);
        }
        if (counts.fromAddress() >= perAddressPerHour) {
            return Optional.of(Refusal.ADDRESS_LIMIT);
        }
        return Optional.empty();
    }
}
