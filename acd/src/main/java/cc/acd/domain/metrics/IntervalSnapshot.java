package cc.acd.domain.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The figures of one closed reporting interval (typically 15 minutes), ready to store.
 *
 * @param start  the interval's start, inclusive
 * @param end    its end, exclusive
 * @param queues per-queue figures, by queue id
 * @param agents per-agent figures, by agent id
 */
public record IntervalSnapshot(Instant start, Instant end, List<QueueMetrics> queues, List<AgentMetrics> agents) {
    public IntervalSnapshot {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }
}
