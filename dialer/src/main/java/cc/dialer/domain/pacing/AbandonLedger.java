package cc.dialer.domain.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The live-call outcomes of one campaign over one regulator's rolling window, in time buckets, so the rate holds over
 * 30 days without keeping every call.
 *
 * <p>A bucket counts while its start is inside the window: the window is {@code (now - window, now]} rounded to the
 * bucket size (one minute by default, a 1/1440 blur on a 24-hour window). Outcomes may arrive out of order as long
 * as they are still inside the window; older ones are refused, never silently dropped.
 *
 * <p>Threading: not thread-safe; owned by the campaign's owner (one verticle), like the rest of the pacing state.
 */
public final class AbandonLedger {
    private final RegulatorRule rule;
    private final long bucketSeconds;
    private final TreeMap<Long, long[]> buckets = new TreeMap<>();
    private long connected;
    private long abandoned;
    private long amdFalsePositives;
    private Instant latest;

    public AbandonLedger(RegulatorRule rule) {
        this(rule, Duration.ofMinutes(1));
    }

    public AbandonLedger(RegulatorRule rule, Duration bucket) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.bucketSeconds = bucket.toSeconds();
        if (bucketSeconds <= 0 || bucketSeconds > rule.window().toSeconds()) {
            throw new IllegalArgumentException("bucket must be between 1 s and the window, was " + bucket);
        }
    }

    public RegulatorRule rule() {
        return rule;
    }

    /** Counts one live-call outcome at {@code at}. */
    public void record(LiveOutcome outcome, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        if (latest != null && !at.isAfter(latest.minus(rule.window()))) {
            throw new IllegalArgumentException("outcome at " + at + " is older than the " + rule.name()
                    + " window ending " + latest);
        }
        if (latest == null || at.isAfter(latest)) {
            latest = at;
        }
        long key = Math.floorDiv(at.getEpochSecond(), bucketSeconds);
        long[] c = buckets.computeIfAbsent(key, k -> new long[3]);
        c[outcome.ordinal()]++;
        add(outcome, 1);
    }

    /** The window's counts at {@code now}; buckets that left the window are forgotten. */
    public AbandonCounts counts(Instant now) {
        evict(now);
        return new AbandonCounts(rule, connected, abandoned, amdFalsePositives);
    }

    private long oldestKeyInWindow(Instant now) {
        return Math.floorDiv(now.minus(rule.window()).getEpochSecond(), bucketSeconds) + 1;
    }

    private void evict(Instant now) {
        long oldest = oldestKeyInWindow(now);
        while (!buckets.isEmpty() && buckets.firstKey() < oldest) {
            Map.Entry<Long, long[]> e = buckets.pollFirstEntry();
            long[] c = e.getValue();
            connected -= c[LiveOutcome.CONNECTED.ordinal()];
            abandoned -= c[LiveOutcome.ABANDONED.ordinal()];
            amdFalsePositives -= c[LiveOutcome.AMD_FALSE_POSITIVE.ordinal()];
        }
    }

    private void add(LiveOutcome outcome, long n) {
        switch (outcome) {
            case CONNECTED -> connected += n;
            case ABANDONED -> abandoned += n;
            case AMD_FALSE_POSITIVE -> amdFalsePositives += n;
        }
    }
}
