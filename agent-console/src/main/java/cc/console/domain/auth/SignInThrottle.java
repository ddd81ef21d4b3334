package cc.console.domain.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing, per user name and per client address separately: a few failures are free (3 per
 * user name; 20 per address, since a whole office may sign in from behind one NAT address), then each further
 * failure locks that key out for twice as long as the one before (1 s, 2 s, 4 s ... up to 15 min).
 * Failures are forgotten after a quiet quarter of an hour; a successful sign-in clears its user name (not its
 * address, so one good account does not launder an address that guesses at others).
 *
 * <p>Time comes in as a value. Thread-safe (methods are synchronized; sign-ins are rare).
 */
public final class SignInThrottle {
    public static final int FREE_FAILURES_PER_USER = 3;
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(1);
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);
    public static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    /** Whether a sign-in may be tried now. */
    public sealed interface Decision permits Allowed, Wait {}

    public record Allowed() implements Decision {}

    /** Refused: try again after {@code retryAfter}. */
    public record Wait(Duration retryAfter) implements Decision {}

    private static final class Entry {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
    }

    private final Map<String, Entry> entries = new HashMap<>();

    public synchronized Decision check(String username, String address, Instant now) {
        Duration wait = max(waitFor(userKey(username), now), waitFor(addressKey(address), now));
        return wait.isZero() ? new Allowed() : new Wait(wait);
    }

    public synchronized void failed(String username, String address, Instant now) {
        fail(userKey(username), FREE_FAILURES_PER_USER, now);
        fail(addressKey(address), FREE_FAILURES_PER_ADDRESS, now);
        if (entries.size() > MAX_KEYS) {
            prune(now);
        }
    }

    public synchronized void succeeded(String username, Instant now) {
        entries.remove(userKey(username));
    }

    /** Failures counted against a key (for tests and the admin view). */
    public synchronized int failures(String username) {
        Entry e = entries.get(userKey(username));
        return e == null ? 0 : e.failures;
    }

    private Duration waitFor(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null || e.lockedUntil == null || !now.isBefore(e.lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, e.lockedUntil);
    }

    private void fail(String key, int free, Instant now) {
        Entry e = entries.get(key);
        if (e == null || !now.isBefore(e.lastFailure.plus(FORGET_AFTER))) {
            e = new Entry();
            entries.put(key, e);
        }
        e.failures++;
        e.lastFailure = now;
        int excess = e.failures - free;
        if (excess > 0) {
            Duration lock = excess > 20 ? MAX_LOCK : FIRST_LOCK.multipliedBy(1L << (excess - 1));
            e.lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
        }
    }

    private void prune(Instant now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!now.isBefore(e.lastFailure.plus(FORGET_AFTER))) {
                it.remove();
            }
        }
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
