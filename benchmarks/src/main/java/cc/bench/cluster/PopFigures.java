package cc.bench.cluster;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * Pop latencies of the offers made within one window, split by whether the agent's browser is on the node that routed
 * the offer. Pops arrive on the clients' event loops and are kept as they come; which node routed each offer is
 * looked up when the figures are printed (the routing node's own record of the offer may come after the pop).
 */
final class PopFigures {
    /** One pop: the offer's key (agent|offeredAt), its latency, the node of the agent's browser. */
    private record Sample(String offer, long nanos, int agentNode) {}

    private final String name;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Histogram sameNode = new Histogram(3);
    private final Histogram otherNode = new Histogram(3);
    private final Histogram unknownNode = new Histogram(3);
    private volatile Instant from = Instant.MAX;
    private volatile Instant until = Instant.MAX;

    PopFigures(String name) {
        this.name = name;
    }

    /** Offers made from now on count (until {@link #close}). */
    void open(Instant at) {
        from = at;
    }

    void close(Instant at) {
        until = at;
    }

    boolean covers(Instant offeredAt) {
        return !offeredAt.isBefore(from) && offeredAt.isBefore(until);
    }

    /** A pop of the offer {@code offer} (agent|offeredAt) reached a browser on node {@code agentNode}. */
    void record(String offer, Instant offeredAt, Instant received, int agentNode) {
        if (covers(offeredAt)) {
            samples.add(new Sample(offer, Math.max(0, Duration.between(offeredAt, received).toNanos()), agentNode));
        }
    }

    /** Sorts the pops by the node that routed each offer ({@code routedBy}: -1 when no node's ACD was seen making it). */
    void classify(ToIntFunction<String> routedBy) {
        for (Sample p : samples) {
            int routed = routedBy.applyAsInt(p.offer());
            (routed < 0 ? unknownNode : routed == p.agentNode() ? sameNode : otherNode).recordValue(p.nanos());
        }
    }

    long count() {
        return samples.size();
    }

    static void header() {
        System.out.printf("%-52s %8s %8s %8s %8s %8s %8s%n", "pop latency, ms (offer decided -> pop on the socket)",
                "count", "p50", "p90", "p99", "p99.9", "max");
    }

    void print() {
        Histogram all = new Histogram(3);
        all.add(sameNode);
        all.add(otherNode);
        all.add(unknownNode);
        row(name + ": every agent", all);
        row(name + ": agent on the routing node", sameNode);
        row(name + ": agent on another node", otherNode);
        if (unknownNode.getTotalCount() > 0) {
            row(name + ": routing node not seen", unknownNode);
        }
    }

    /** The p99 of every pop in the window, in ms. */
    double p99Ms() {
        Histogram all = new Histogram(3);
        all.add(sameNode);
        all.add(otherNode);
        all.add(unknownNode);
        return all.getValueAtPercentile(99) / 1e6;
    }

    private static void row(String label, Histogram h) {
        System.out.printf("%-52s %8d %8.1f %8.1f %8.1f %8.1f %8.1f%n", label, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
    }
}
