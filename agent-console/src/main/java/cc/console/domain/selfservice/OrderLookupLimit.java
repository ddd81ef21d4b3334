package cc.console.domain.selfservice;

import java.time.Duration;
import java.time.Instant;

/**
 * The order lookup's guard against guessing the second factor: after {@code failuresPerHour} wrong or unknown
 * lookups from one source address in the last hour, that address is refused until the oldest failure leaves the
 * window. Four digits are 10,000 guesses; five an hour makes a brute force take months per order.
 */
public record OrderLookupLimit(int failuresPerHour) {
    public static final Duration WINDOW = Duration.ofHours(1);

    public OrderLookupLimit {
        if (failuresPerHour < 1) {
            throw new IllegalArgumentException("failuresPerHour must be at least 1");
        }
    }

    public static OrderLookupLimit defaults() {
        return new OrderLookupLimit(5);
    }

    public Instant since(Instant now) {
        return now.minus(WINDOW);
    }

    /** Whether one more lookup may be tried, given the failures from the address since {@link #since}. */
    public boolean allows(int recentFailures) {
        return recentFailures < failuresPerHour;
    }

    /**
     * Whether the last four digits typed match the phone on the order. Digits only are compared (a phone stored as
     * "+98 912 ..." matches), and a phone with fewer than four digits never matches.
     */
    public static boolean secondFactorMatches(String phoneOnOrder, String lastFour) {
        String digits = phoneOnOrder == null ? "" : phoneOnOrder.replaceAll("[^0-9]", "");
        String typed = lastFour == null ? "" : lastFour.strip();
        if (digits.length() < 4 || !typed.matches("[0-9]{4}")) {
            return false;
        }
        // constant-time compare: the answer's timing must not tell how many digits were right
        return java.security.MessageDigest.isEqual(digits.substring(digits.length() - 4).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), typed.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
