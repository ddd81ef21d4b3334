package cc.acd.app;

import cc.core.contract.QueueStatsUpdated;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which agents' wallboard figures a publication carries: those that changed since the last one, and every agent once
 * every {@link #FULL_EVERY}, so a node or a page that started listening late learns the agents that do not change.
 *
 * <p>Why: the figures go to every node's console (and, across nodes, through the cluster relay) up to five times a
 * second; with 1,500 agents every publication carried 1,500 rows, encoded, sent to each peer, decoded and compared
 * row by row on each node, while a few dozen had changed. Readers fold rows in by agent (the console's wallboard, the
 * dialer's agent board), so an agent missing from a publication means "unchanged".
 */
final class AgentFiguresDelta {
    static final Duration FULL_EVERY = Duration.ofSeconds(10);

    private final Map<String, QueueStatsUpdated.AgentFigures> published = new HashMap<>();
    private Instant lastFull;

    /** The figures to publish at {@code at}, from every agent's; {@link #wasFull()} says whether all are in. */
    QueueStatsUpdated select(QueueStatsUpdated all, Instant at) {
        boolean full = lastFull == null || !at.isBefore(lastFull.plus(FULL_EVERY));
        List<QueueStatsUpdated.AgentFigures> rows = full ? all.agents() : new ArrayList<>();
        for (QueueStatsUpdated.AgentFigures a : all.agents()) {
            if (!a.equals(published.put(a.agentId(), a)) && !full) {
                rows.add(a);
            }
        }
        if (full) {
            lastFull = at;
        }
        this.full = full;
        return full ? all : new QueueStatsUpdated(all.queues(), rows, all.at());
    }

    private boolean full;

    /** Whether the last {@link #select} carried every agent. */
    boolean wasFull() {
        return full;
    }

    /** Forgets what was published: the next publication carries every agent (a fresh router after a takeover). */
    void reset() {
        published.clear();
        lastFull = null;
    }
}
