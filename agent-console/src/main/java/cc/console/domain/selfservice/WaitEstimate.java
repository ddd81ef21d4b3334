package cc.console.domain.selfservice;

/**
 * The wait a customer is told for a queue, from the ACD's live figures: with nobody waiting, the recent average speed
 * of answer; with callers waiting, at least as long as the longest of them has waited so far (a new caller is behind
 * them). Rounded up to whole minutes: a promise to the second would be false precision.
 */
public final class WaitEstimate {
    private WaitEstimate() {}

    /** Seconds, a multiple of 60 (0 when calls are answered at once). */
    public static long seconds(int waiting, long longestWaitSeconds, double averageSpeedOfAnswerSeconds) {
        double asa = Math.max(0, Double.isFinite(averageSpeedOfAnswerSeconds) ? averageSpeedOfAnswerSeconds : 0);
        double estimate = waiting <= 0 ? asa : Math.max(longestWaitSeconds, asa);
        if (estimate <= 0) {
            return 0;
        }
        return (long) Math.ceil(estimate / 60.0) * 60;
    }
}
