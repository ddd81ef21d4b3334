package cc.console.domain.backoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-key rate limit: a token bucket per key holding up to a minute's allowance, refilled evenly (a key of 60 a
 * minute may burst 60 requests, then makes one a second). Counted on this server only: with several nodes behind a
 * balancer each counts its own share.
 *
 * <p>Threading: safe to call from several event loops (one lock; a call is a few arithmetic operations).
 */
public final class RateLimiter {

    /** Allowed, or refused until {@code retryAfter} has passed. */
    public record Decision(boolean allowed, Duration retryAfter) {}

    private record Bucket(double tokens, Instant at) {}

    private final Map<String, Bucket> buckets = new HashMap<>();

    /** Takes one request from the key's bucket at {@code now}. */
    public synchronized Decision take(String keyId, int perMinute, Instant now) {
        double perNano = perMinute / 60e9;
        Bucket b = buckets.get(keyId);
        double tokens = b == null ? perMinute
                : Math.min(perMinute, b.tokens() + Math.max(0, Duration.between(b.at(), now).toNanos()) * perNano);
        if (tokens >= 1) {
            buckets.put(keyId, new Bucket(tokens - 1, now));
            return new Decision(true, Duration.ZERO);
        }
        buckets.put(keyId, new Bucket(tokens, now));
        long wait = (long) Math.ceil((1 - tokens) / perNano);
        return new Decision(false, Duration.ofNanos(wait));
    }

    /** Forgets a key (revoked): its bucket is not kept for ever. */
    public synchronized void forget(String keyId) {
        buckets.remove(keyId);
    }
}
