package cc.dialer.domain.pacing;

/**
 * Estimates the live people answering-machine detection took for machines, so Ofcom's rule (which counts them as
 * abandoned calls) can be kept. AMD's verdict carries nothing that tells a false positive apart on one call (Asterisk
 * reports the threshold it crossed, the same for a talkative person and a machine), so the estimate is the one
 * Ofcom accepts: a false-positive rate measured by listening to a sample of machine-classified calls on the
 * campaign's trunk, applied to the machine verdicts. The verdicts are marked one by one so that after {@code n}
 * machine verdicts exactly {@code floor(n * rate)} are counted, the same on every run and after a restart.
 *
 * @param rate the share of machine verdicts that were live people, 0..1
 */
public record AmdFalsePositiveEstimate(double rate) {
    public AmdFalsePositiveEstimate {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the AMD false-positive rate must be between 0 and 1, was " + rate);
        }
    }

    /** Whether the {@code n}-th machine verdict of the campaign (1 for the first) is counted a false positive. */
    public boolean isFalsePositive(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("verdicts are counted from 1, was " + n);
        }
        return Math.floor(n * rate + 1e-9) > Math.floor((n - 1) * rate + 1e-9);
    }
}
