package cc.dialer.domain.pacing;

import java.util.Arrays;

/**
 * A duration distribution (ring time, talk time, wrap-up time) as its cumulative distribution on a one-second grid,
 * linearly interpolated between grid points. Immutable.
 */
public final class Distribution {
    private static final int MAX_SECONDS = 4 * 3600;
    private final double[] cdf;
    private final double mean;

    private Distribution(double[] cdf) {
        this.cdf = cdf;
        double m = 0;
        for (int i = 0; i < cdf.length - 1; i++) {
            m += 1 - (cdf[i] + cdf[i + 1]) / 2;
        }
        this.mean = m;
    }

    /** Every value between {@code min} and {@code max} seconds equally likely. */
    public static Distribution uniform(double min, double max) {
        if (min < 0 || max <= min) {
            throw new IllegalArgumentException("need 0 <= min < max, was " + min + ".." + max);
        }
        int n = (int) Math.ceil(max);
        double[] c = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            c[i] = Math.min(1, Math.max(0, (i - min) / (max - min)));
        }
        return new Distribution(c);
    }

    /** Always {@code seconds}. */
    public static Distribution constant(double seconds) {
        return uniform(Math.max(0, seconds - 0.5), Math.max(0, seconds - 0.5) + 1);
    }

    /** Lognormal with the given mean and shape (sigma of the underlying normal), cut at four hours. */
    public static Distribution lognormal(double mean, double sigma) {
        if (mean <= 0 || sigma <= 0) {
            throw new IllegalArgumentException("lognormal needs positive mean and sigma");
        }
        double mu = Math.log(mean) - sigma * sigma / 2;
        int n = (int) Math.min(MAX_SECONDS, Math.ceil(Math.exp(mu + 6 * sigma)));
        double[] c = new double[n + 1];
        for (int i = 1; i < n; i++) {
            c[i] = normalCdf((Math.log(i) - mu) / sigma);
        }
        c[n] = 1;
        return new Distribution(c);
    }

    /** The empirical distribution of observed durations in seconds; at least one sample. */
    public static Distribution ofSamples(double[] samples, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("no samples");
        }
        double max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, samples[i]);
        }
        int n = (int) Math.min(MAX_SECONDS, Math.ceil(max)) + 1;
        double[] c = new double[n + 1];
        for (int i = 0; i < count; i++) {
            int bucket = (int) Math.min(n, Math.ceil(Math.max(0, samples[i])));
            c[bucket]++;
        }
        double run = 0;
        for (int i = 0; i <= n; i++) {
            run += c[i];
            c[i] = run / count;
        }
        c[n] = 1;
        return new Distribution(c);
    }

    /** P(X <= seconds). */
    public double cdf(double seconds) {
        if (seconds <= 0) {
            return seconds < 0 ? 0 : cdf[0];
        }
        int last = cdf.length - 1;
        if (seconds >= last) {
            return 1;
        }
        int i = (int) seconds;
        double f = seconds - i;
        return cdf[i] + f * (cdf[i + 1] - cdf[i]);
    }

    /** P(X > seconds). */
    public double survival(double seconds) {
        return 1 - cdf(seconds);
    }

    /** P(X <= elapsed + within | X > elapsed); beyond every value seen, a memoryless tail with this mean. */
    public double conditionalWithin(double elapsed, double within) {
        if (within <= 0) {
            return 0;
        }
        double s = survival(elapsed);
        if (s < 1e-6) {
            return 1 - Math.exp(-within / Math.max(1, mean));
        }
        return Math.min(1, (cdf(elapsed + within) - cdf(elapsed)) / s);
    }

    public double mean() {
        return mean;
    }

    /** The smallest whole second by which the distribution is complete. */
    public int maxSeconds() {
        return cdf.length - 1;
    }

    /** Abramowitz and Stegun 26.2.17; absolute error below 7.5e-8, plenty for pacing. */
    public static double normalCdf(double z) {
        if (z < -8) {
            return 0;
        }
        if (z > 8) {
            return 1;
        }
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
        return z >= 0 ? 1 - tail : tail;
    }

    @Override
    public String toString() {
        return "Distribution[mean=" + String.format("%.1f", mean) + "s, max=" + maxSeconds() + "s, cdf="
                + Arrays.toString(Arrays.copyOf(cdf, Math.min(cdf.length, 8))) + "...]";
    }
}
