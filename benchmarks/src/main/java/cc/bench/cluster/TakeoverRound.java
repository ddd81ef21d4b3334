package cc.bench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one round measured, in ms from the kill; -1 not (yet) seen, {@link #NOT_THIS_ROUND} not asked. */
final class TakeoverRound {
    static final long NOT_THIS_ROUND = -2;
    final int number;
    final String killed;
    final boolean routed;
    final boolean dialled;
    final String load;
    long routingLease;
    long firstOffer;
    long dialerLease;
    long firstCampaignCall;
    /** The AMI link owned and logged in by another node (when the killed node owned it). */
    long amiLink = NOT_THIS_ROUND;
    String newLinkOwner = "";
    int mostLines;
    String newRouting = "";
    String newDialing = "";

    TakeoverRound(int number, String killed, boolean routed, boolean dialled, String load) {
        this.number = number;
        this.killed = killed;
        this.routed = routed;
        this.dialled = dialled;
        this.load = load;
        routingLease = routed ? -1 : NOT_THIS_ROUND;
        firstOffer = routed ? -1 : NOT_THIS_ROUND;
        dialerLease = dialled ? -1 : NOT_THIS_ROUND;
        firstCampaignCall = dialled ? -1 : NOT_THIS_ROUND;
    }

    boolean complete() {
        return routingLease != -1 && firstOffer != -1 && dialerLease != -1 && firstCampaignCall != -1
                && amiLink != -1;
    }

    String row() {
        return String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %d | %s |", number, killed,
                (routed && dialled ? "routing, dialer" : routed ? "routing" : "dialer")
                        + (amiLink != NOT_THIS_ROUND ? ", AMI link" : ""),
                ms(routingLease) + (routed ? " (" + newRouting + ")" : ""), ms(firstOffer),
                ms(dialerLease) + (dialled ? " (" + newDialing + ")" : ""), ms(firstCampaignCall),
                ms(amiLink) + (amiLink != NOT_THIS_ROUND ? " (" + newLinkOwner + ")" : ""), mostLines, load);
    }

    private static String ms(long v) {
        return v == NOT_THIS_ROUND ? "" : v < 0 ? "not within 60 s" : String.format(Locale.ROOT, "%.2f s", v / 1e3);
    }

    /** Prints one figure's row; its largest value, {@link Long#MAX_VALUE} when a round did not see it in 60 s. */
    static long summary(String what, List<TakeoverRound> rounds,
                        java.util.function.ToLongFunction<TakeoverRound> figure) {
        List<Long> values = new ArrayList<>();
        int missing = 0;
        for (TakeoverRound r : rounds) {
            long v = figure.applyAsLong(r);
            if (v == NOT_THIS_ROUND) {
                continue;
            }
            if (v < 0) {
                missing++;
            } else {
                values.add(v);
            }
        }
        values.sort(null);
        String seen = values.size() + (missing > 0 ? " (and " + missing + " not within 60 s)" : "");
        if (values.isEmpty()) {
            System.out.printf("| %s | %s | | | |%n", what, seen);
        } else {
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f s | %.2f s | %.2f s |%n", what, seen,
                    rank(values, 0.5) / 1e3, rank(values, 0.9) / 1e3, values.get(values.size() - 1) / 1e3);
        }
        return missing > 0 ? Long.MAX_VALUE : values.isEmpty() ? 0 : values.get(values.size() - 1);
    }

    /** Nearest-rank percentile of sorted values. */
    static long rank(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
