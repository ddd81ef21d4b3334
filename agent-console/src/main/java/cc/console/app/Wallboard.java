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
 * <p>Threading: {@link #onStats} and {@link #onAgentState} are called on the console verticle's context only; the
 * snapshot is published through a volatile field for readers on any thread.
 */
public final class Wallboard {
    private final QueueHistory history = new QueueHistory();
    private final Map<String, QueueStatsUpdated.QueueFigures> queues = new TreeMap<>();
    private final Map<String, JsonObject> agents = new TreeMap<>();
    private volatile JsonObject snapshot = new JsonObject().put("queues", new JsonArray()).put("agents", new JsonArray())
            .put("at", Instant.EPOCH.toString());

    /** Folds in the ACD's figures and returns the new snapshot. */
    public JsonObject onStats(QueueStatsUpdated s) {
        for (QueueStatsUpdated.QueueFigures q : s.queues()) {
            queues.put(q.queue(), q);
            history.record(q.queue(), s.at(), q.waiting(), q.answered(), q.abandoned(), q.serviceLevel());
        }
        for (QueueStatsUpdated.AgentFigures a : s.agents()) {
            agents.put(a.agentId(), agent(a.agentId(), a.state(), a.reason(), a.since()).put("callsHandled", a.callsHandled()));
        }
        return publish(s.at());
    }

    /** Folds in one agent's change; returns the agent's row. */
    public JsonObject onAgentState(AgentStateChanged e) {
        JsonObject old = agents.get(e.agentId());
        JsonObject row = agent(e.agentId(), e.state(), e.reason(), e.since())
                .put("callsHandled", old == null ? 0L : old.getLong("callsHandled", 0L));
        agents.put(e.agentId(), row);
        publish(e.since());
        return row;
    }

    public JsonObject snapshot() {
        return snapshot;
    }

    private JsonObject publish(Instant at) {
        JsonArray qs = new JsonArray();
        for (QueueStatsUpdated.QueueFigures q : queues.values()) {
            JsonArray points = new JsonArray();
            for (QueueHistory.Point p : history.lastHour(q.queue(), at)) {
                points.add(new JsonObject().put("minute", p.minute().toString()).put("waiting", p.maxWaiting())
                        .put("answered", p.answered()).put("abandoned", p.abandoned())
                        .put("serviceLevel", p.serviceLevel()));
            }
            qs.add(new JsonObject().put("queue", q.queue()).put("waiting", q.waiting())
                    .put("longestWaitSeconds", q.longestWaitSeconds()).put("serviceLevel", q.serviceLevel())
                    .put("abandoned", q.abandoned()).put("answered", q.answered())
                    .put("asaSeconds", q.averageSpeedOfAnswerSeconds()).put("ahtSeconds", q.averageHandleTimeSeconds())
                    .put("lastHour", points));
        }
        JsonObject s = new JsonObject().put("at", at.toString()).put("queues", qs)
                .put("agents", new JsonArray(agents.values().stream().map(JsonObject::copy).toList()));
        snapshot = s;
        return s;
    }

    private static JsonObject agent(String id, String state, String reason, Instant since) {
        return new JsonObject().put("agentId", id).put("state", state).put("reason", reason)
                .put("since", since.toString());
    }
}
