package cc.acd.domain.estimate;

import java.time.Duration;
import java.util.Optional;

/**
 * Estimates one queue's wait for a caller at a given position.
 *
 * <p>The model: a caller at position {@code p} is answered after {@code p} agents serving the queue have become
 * free, so the wait is {@code p / r} for the rate {@code r} at which agents become free. {@code r} blends what was
 * observed (agents who finished a call, talk and wrap-up, within the last {@link #WINDOW}; logins are not counted,
 * a shift starting would read as a burst of capacity) with the staffing model {@code staffed agents / average
 * handle time}; the observed rate takes over as samples accumulate. The average handle time is an exponentially
 * weighted mean of recent calls, starting from the queue's configured expectation.
 *
 * <p>Pure and single-threaded: time comes in as epoch milliseconds.
 */
public final class WaitEstimator {
    /** How far back freed agents count toward the observed rate. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int SAMPLES = 64;
    private static final int FULL_WEIGHT_SAMPLES = 16;
    private static final double HANDLE_ALPHA = 0.1;

    private final long[] freedAt = new long[SAMPLES];
    private int freedCount;
    private int freedNext;
    private double handleMillis;

    public WaitEstimator(Duration expectedHandleTime) {
        this.handleMillis = Math.max(1000, expectedHandleTime.toMillis());
    }

    /** An agent who serves this queue finished handling a call (of any queue) and so freed up. */
    public void agentFreed(long atMillis) {
        freedAt[freedNext] = atMillis;
        freedNext = (freedNext + 1) % SAMPLES;
        freedCount = Math.min(SAMPLES, freedCount + 1);
    }

    /** A call of this queue was handled (talk plus wrap-up). */
    public void handled(Duration handleTime) {
        handleMillis += HANDLE_ALPHA * (Math.max(0, handleTime.toMillis()) - handleMillis);
    }

    public Duration averageHandleTime() {
        return Duration.ofMillis(Math.round(handleMillis));
    }

    /** Agents becoming free per second, or 0 when nobody will free up (no staff and nothing observed). */
    public double freeRatePerSecond(int staffedAgents, long nowMillis) {
        long windowStart = nowMillis - WINDOW.toMillis();
        int inWindow = 0;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < freedCount; i++) {
            long t = freedAt[i];
            if (t >= windowStart && t <= nowMillis) {
                inWindow++;
                oldest = Math.min(oldest, t);
            }
        }
        double model = staffedAgents / (handleMillis / 1000.0);
        if (inWindow < 2) {
            return model;
        }
        double spanSeconds = Math.max(1.0, (nowMillis - oldest) / 1000.0);
        double observed = inWindow / spanSeconds;
        double weight = Math.min(1.0, inWindow / (double) FULL_WEIGHT_SAMPLES);
        return weight * observed + (1 - weight) * model;
    }

    /**
     * The estimated wait for the caller at {@code position} (1 = next), or empty when nobody staffs the queue and
     * no agent has freed up recently (no honest estimate exists).
     */
    public Optional<Duration> estimate(int position, int staffedAgents, long nowMillis) {
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1, was " + position);
        }
        if (staffedAgents == 0) {
            return Optional.empty();
        }
        double rate = freeRatePerSecond(staffedAgents, nowMillis);
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(position / rate * 1000.0)));
    }
}
