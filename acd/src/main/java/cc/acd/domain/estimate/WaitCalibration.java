package cc.acd.domain.estimate;

import java.time.Duration;
import java.util.Arrays;

/**
 * Keeps the absolute error between the wait a caller was told and the wait they had, over the last
 * {@link #CAPACITY} answered callers, so the estimate's trustworthiness can be reported rather than assumed.
 *
 * <p>Single-threaded.
 */
public final class WaitCalibration {
    public static final int CAPACITY = 10_000;

    private final long[] absErrorMillis = new long[CAPACITY];
    private final long[] signedErrorMillis = new long[CAPACITY];
    private int count;
    private int next;

    /** One caller was told {@code estimated} on arrival and was answered after {@code actual}. */
    public void record(Duration estimated, Duration actual) {
        long err = estimated.toMillis() - actual.toMillis();
        absErrorMillis[next] = Math.abs(err);
        signedErrorMillis[next] = err;
        next = (next + 1) % CAPACITY;
        count = Math.min(CAPACITY, count + 1);
    }

    public CalibrationReport report() {
        if (count == 0) {
            return new CalibrationReport(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        long[] sorted = Arrays.copyOf(absErrorMillis, count);
        Arrays.sort(sorted);
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += signedErrorMillis[i];
        }
        return new CalibrationReport(count, Duration.ofMillis(percentile(sorted, 0.5)),
                Duration.ofMillis(percentile(sorted, 0.9)), Duration.ofMillis(sum / count));
    }

    /** Nearest-rank percentile of an ascending array. */
    static long percentile(long[] ascending, double p) {
        int rank = (int) Math.ceil(p * ascending.length);
        return ascending[Math.max(0, rank - 1)];
    }

    /**
     * How far the estimates were off.
     *
     * @param samples          answered callers counted
     * @param medianAbsError   median of |estimated - actual|
     * @param p90AbsError      90th percentile of |estimated - actual|
     * @param meanSignedError  mean of estimated - actual: positive when the estimate runs long
     */
    public record CalibrationReport(int samples, Duration medianAbsError, Duration p90AbsError,
                                    Duration meanSignedError) {}
}
