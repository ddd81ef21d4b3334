package cc.console.app;

import cc.console.domain.wallboard.QueueHistory;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.QueueStatsUpdated;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the wallboard shows: the latest figures of every queue, every agent's state and time in it, and the last
 * hour per queue as per-minute points.
 *
 * <p>Two forms: the full {@link #snapshot()} (every agent, the whole last hour; for a page that just opened) and the
 * update each change produces (queue figures with only the current minute's point, and only the agents whose row
 * changed), which is what goes to every supervisor socket, so fan-out stays small however many agents there are.
 *
 * <p>Threading: {@link #onStats} and {@link #onAgentState} are called on the console verticle's context only; the
 * snapshot and an agent's row are read from any thread. The snapshot is built when read, not on every change: with
 * 1,500 agents, copying every row on each agent's change took a fifth of the cluster benchmark's CPU, while pages
 * ask for the snapshot only when they open.
 */
public final class Wallboard {
    private final QueueHistory history = new QueueHistory();
    private final Map<String, QueueStatsUpdated.QueueFigures> queues = new TreeMap<>();
    private final Map<String, JsonObject> agents = new TreeMap<>();
    /** Built on demand from the maps above and kept until the next change; guarded by {@code this}. */
    private JsonObject snapshot;
    private Instant at = Instant.EPOCH;

    /** Folds in the ACD's figures; returns the update for live sockets. */
    public synchronized JsonObject onStats(QueueStatsUpdated s) {
        JsonArray changedAgents = new JsonArray();
        for (QueueStatsUpdated.AgentFigures a : s.agents()) {
            JsonObject row = agent(a.agentId(), a.state(), a.reason(), a.since()).put("callsHandled", a.callsHandled());
            if (!row.equals(agents.put(a.agentId(), row))) {
                changedAgents.add(row);
            }
        }
        JsonArray qs = new JsonArray();
        for (QueueStatsUpdated.QueueFigures q : s.queues()) {
            queues.put(q.queue(), q);
            history.record(q.queue(), s.at(), q.waiting(), q.answered(), q.abandoned(), q.serviceLevel());
            JsonObject row = queue(q);
            var points = history.lastHour(q.queue(), s.at());
            if (!points.isEmpty()) {
                row.put("point", point(points.get(points.size() - 1)));
            }
            qs.add(row);
        }
        changed(s.at());
        return new JsonObject().put("at", s.at().toString()).put("queues", qs).put("agents", changedAgents.copy());
    }

    /** Folds in one agent's change; returns the agent's row. */
    public synchronized JsonObject onAgentState(AgentStateChanged e) {
        JsonObject old = agents.get(e.agentId());
        JsonObject row = agent(e.agentId(), e.state(), e.reason(), e.since())
                .put("callsHandled", old == null ? 0L : old.getLong("callsHandled", 0L));
        agents.put(e.agentId(), row);
        changed(e.since());
        return row.copy();
    }

    /** The agent's current row, if the ACD has reported the agent. */
    public synchronized java.util.Optional<JsonObject> agentRow(String agentId) {
        return java.util.Optional.ofNullable(agents.get(agentId)).map(JsonObject::copy);
    }

    /**
     * Everything: every queue with its last hour, every agent. A copy for each reader: readers add to it (the
     * supervisor's hello puts the calls' control states into the rows), and the one kept serves the next reader.
     */
    public synchronized JsonObject snapshot() {
        if (snapshot == null) {
            snapshot = full();
        }
        return snapshot.copy();
    }

    private void changed(Instant when) {
        at = when;
        snapshot = null;
    }

    private JsonObject full() {
        JsonArray qs = new JsonArray();
        for (QueueStatsUpdated.QueueFigures q : queues.values()) {
            JsonArray points = new JsonArray();
            history.lastHour(q.queue(), at).forEach(p -> points.add(point(p)));
            qs.add(queue(q).put("lastHour", points));
        }
        return new JsonObject().put("at", at.toString()).put("queues", qs)
                .put("agents", new JsonArray(agents.values().stream().map(JsonObject::copy).toList()));
    }

    private static JsonObject queue(QueueStatsUpdated.QueueFigures q) {
        return new JsonObject().put("queue", q.queue()).put("waiting", q.waiting())
                .put("longestWaitSeconds", q.longestWaitSeconds()).put("serviceLevel", q.serviceLevel())
                .put("abandoned", q.abandoned()).put("answered", q.answered())
                .put("asaSeconds", q.averageSpeedOfAnswerSeconds()).put("ahtSeconds", q.averageHandleTimeSeconds());
    }

    private static JsonObject point(QueueHistory.Point p) {
        return new JsonObject().put("minute", p.minute().toString()).put("waiting", p.maxWaiting())
                .put("answered", p.answered()).put("abandoned", p.abandoned()).put("serviceLevel", p.serviceLevel());
    }

    private static JsonObject agent(String id, String state, String reason, Instant since) {
        return new JsonObject().put("agentId", id).put("state", state).put("reason", reason)
                .put("since", since.toString());
    }
}
