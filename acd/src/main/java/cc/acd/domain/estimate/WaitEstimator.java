package cc.acd.domain.estimate;

import java.time.Duration;
import java.util.Optional;

/**
 * Estimates one queue's wait for a caller at a given position.
 *
 * <p>The model: a caller at position {@code p} leaves the line after {@code p} callers ahead of it have, so the wait
 * is {@code p / r} for the rate {@code r} at which this queue's waiting callers are taken by agents while callers
 * are waiting. {@code r} is observed: callers taken from the line within the last {@link #WINDOW}, divided by the
 * time the line was not empty in that span (when nobody waits, nobody can be taken, and that time says nothing about
 * how fast a waiting caller moves up). It blends with the staffing model {@code staffed agents / average handle
 * time} until enough callers have been taken. The average handle time is an exponentially weighted mean of recent
 * calls, starting from the queue's configured expectation.
 *
 * <p>Why callers taken rather than agents freed (the earlier model): an agent serving several queues frees up once
 * but takes a caller of one queue only, so counting every freed agent in every queue it serves overstated each
 * queue's rate, and the estimate ran short (42 % short with agents shared by two queues on the replayed day of
 * {@code WaitEstimateBiasTest}); and agents freed while nobody waited made the rate look low after quiet spells.
 *
 * <p>Pure and single-threaded: time comes in as epoch milliseconds.
 */
public final class WaitEstimator {
    /** How far back callers taken from the line count toward the observed rate. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int SAMPLES = 64;
    private static final int FULL_WEIGHT_SAMPLES = 16;
    private static final double HANDLE_ALPHA = 0.1;

    private final long[] takenAt = new long[SAMPLES];
    /** The line's occupied time (see {@link #occupiedMillis}) when each caller was taken. */
    private final long[] occupiedAtTake = new long[SAMPLES];
    private int takenCount;
    private int takenNext;
    private double handleMillis;
    private boolean occupied;
    private long occupiedSince;
    /** Time the line was occupied, summed over the closed spells. */
    private long occupiedClosedMillis;

    public WaitEstimator(Duration expectedHandleTime) {
        this.handleMillis = Math.max(1000, expectedHandleTime.toMillis());
    }

    /** The line became occupied (a caller waits) or empty. Repeats of the same state are ignored. */
    public void lineOccupied(boolean nowOccupied, long atMillis) {
        if (nowOccupied == occupied) {
            return;
        }
        if (nowOccupied) {
            occupiedSince = atMillis;
        } else {
            occupiedClosedMillis += Math.max(0, atMillis - occupiedSince);
        }
        occupied = nowOccupied;
    }

    /** A caller who had waited in this queue's line was taken by an agent (offered, or reserved for a callback). */
    public void takenFromLine(long atMillis) {
        takenAt[takenNext] = atMillis;
        occupiedAtTake[takenNext] = occupiedMillis(atMillis);
        takenNext = (takenNext + 1) % SAMPLES;
        takenCount = Math.min(SAMPLES, takenCount + 1);
    }

    /** A call of this queue was handled (talk plus wrap-up). */
    public void handled(Duration handleTime) {
        handleMillis += HANDLE_ALPHA * (Math.max(0, handleTime.toMillis()) - handleMillis);
    }

    public Duration averageHandleTime() {
        return Duration.ofMillis(Math.round(handleMillis));
    }

    /** Total time the line has been occupied up to {@code atMillis}. */
    private long occupiedMillis(long atMillis) {
        return occupiedClosedMillis + (occupied ? Math.max(0, atMillis - occupiedSince) : 0);
    }

    /** Waiting callers taken per second while callers wait, or 0 when nobody will take them. */
    public double takeRatePerSecond(int staffedAgents, long nowMillis) {
        long windowStart = nowMillis - WINDOW.toMillis();
        int inWindow = 0;
        int oldest = -1;
        for (int i = 0; i < takenCount; i++) {
            long t = takenAt[i];
            if (t >= windowStart && t <= nowMillis) {
                inWindow++;
                if (oldest < 0 || t < takenAt[oldest]) {
                    oldest = i;
                }
            }
        }
        double model = staffedAgents / (handleMillis / 1000.0);
        // the oldest take opens the span: the others are the takes observed in the occupied time since
        int observedTakes = inWindow - 1;
        long exposureMillis = oldest < 0 ? 0 : occupiedMillis(nowMillis) - occupiedAtTake[oldest];
        if (observedTakes < 1 || exposureMillis <= 0) {
            return model;
        }
        double observed = observedTakes / Math.max(1.0, exposureMillis / 1000.0);
        double weight = Math.min(1.0, observedTakes / (double) FULL_WEIGHT_SAMPLES);
        return weight * observed + (1 - weight) * model;
    }

    /**
     * The estimated wait for the caller at {@code position} (1 = next), or empty when nobody staffs the queue (no
     * honest estimate exists).
     */
    public Optional<Duration> estimate(int position, int staffedAgents, long nowMillis) {
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1, was " + position);
        }
        if (staffedAgents == 0) {
            return Optional.empty();
        }
        double rate = takeRatePerSecond(staffedAgents, nowMillis);
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(position / rate * 1000.0)));
    }
}
