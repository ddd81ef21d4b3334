package cc.acd.app;

import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the agent state history: every {@link AgentStateChanged} the ACD publishes on
 * {@link Addresses#ACD_AGENT_STATE_CHANGED} is recorded in the {@link AgentStateHistory}.
 *
 * <p>Threading: all state lives on this verticle's context. Changes of one agent are written one at a time, in the
 * order they were published; agents are written in parallel. When a write fails the change stays at the head of its
 * agent's line and every agent's writes hold: one write is retried every {@value #RETRY_MS} ms until the store takes
 * it, then all agents' lines drain, so a dead database neither loses nor reorders a change and is not hammered by one
 * retry per agent. The outage is logged once, and the recovery once. Changes still unwritten when the verticle stops
 * are lost, and logged as such.
 *
 * <p>Deploy it on every node: only the node that routes publishes agent states.
 */
public final class AgentStateRecorder extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(AgentStateRecorder.class);
    static final long RETRY_MS = 1_000;

    private final AgentStateHistory history;
    private final MeterRegistry metrics;

    /** Changes not yet stored, per agent, oldest first; an agent is here while it has any. */
    private final Map<String, ArrayDeque<AgentStateChanged>> unwritten = new LinkedHashMap<>();
    /** Agents whose head change is being written now. */
    private final Set<String> writing = new HashSet<>();
    private final Map<AgentStateHistory.Outcome, Counter> written = new EnumMap<>(AgentStateHistory.Outcome.class);
    private Counter writeFailures;
    private Counter dropped;
    private volatile int backlog;
    private boolean storeFailing;
    private long retryTimer = -1;
    /** Writes that succeeded so far; a failure of a write begun before the latest success is not a new outage. */
    private long successes;
    private MessageConsumer<AgentStateChanged> consumer;

    public AgentStateRecorder(AgentStateHistory history, MeterRegistry metrics) {
        this.history = history;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        for (AgentStateHistory.Outcome o : AgentStateHistory.Outcome.values()) {
            written.put(o, Counter.builder("cc.acd.agent.states.written")
                    .description("Agent state changes stored in the history, by what storing did")
                    .tag("outcome", o.wireName()).register(metrics));
        }
        writeFailures = Counter.builder("cc.acd.agent.states.write.failures")
                .description("Agent state history writes that failed and were retried").register(metrics);
        dropped = Counter.builder("cc.acd.agent.states.dropped")
                .description("Agent state changes the history refused as unstorable (logged), never retried")
                .register(metrics);
        Gauge.builder("cc.acd.agent.states.unwritten", this, r -> r.backlog)
                .description("Agent state changes received and not yet stored").register(metrics);
        consumer = vertx.eventBus().consumer(Addresses.ACD_AGENT_STATE_CHANGED, m -> changed(m.body()));
        return consumer.completion();
    }

    @Override
    public Future<?> stop() {
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
        }
        if (backlog > 0) {
            log.warn("Stopping with {} agent state changes of {} agents not stored in the history", backlog,
                    unwritten.size());
        }
        return consumer.unregister();
    }

    private void changed(AgentStateChanged change) {
        unwritten.computeIfAbsent(change.agentId(), a -> new ArrayDeque<>()).addLast(change);
        backlog++;
        if (!storeFailing) {
            writeNext(change.agentId());
        }
    }

    /** Writes the agent's oldest unwritten change, unless one of its writes is in flight. */
    private void writeNext(String agentId) {
        ArrayDeque<AgentStateChanged> line = unwritten.get(agentId);
        if (line == null || writing.contains(agentId)) {
            return;
        }
        AgentStateChanged change = line.peekFirst();
        writing.add(agentId);
        long successesBefore = successes;
        history.record(change).onComplete(r -> {
            writing.remove(agentId);
            if (r.succeeded()) {
                stored(agentId, r.result());
            } else {
                failed(change, r.cause(), successesBefore);
            }
        });
    }

    /** The agent's head change is done with: stored with this outcome, or dropped (null). */
    private void stored(String agentId, AgentStateHistory.Outcome outcome) {
        if (outcome != null) {
            successes++;
            written.get(outcome).increment();
        }
        ArrayDeque<AgentStateChanged> line = unwritten.get(agentId);
        line.removeFirst();
        backlog--;
        if (line.isEmpty()) {
            unwritten.remove(agentId);
        }
        if (storeFailing) {
            storeFailing = false;
            log.info("Agent state history is writable again; writing the {} changes held meanwhile", backlog);
            for (String waiting : new ArrayList<>(unwritten.keySet())) {
                writeNext(waiting);
            }
        } else {
            writeNext(agentId);
        }
    }

    private void failed(AgentStateChanged change, Throwable cause, long successesBefore) {
        if (cause instanceof IllegalArgumentException) {
            // never storable: holding it would hold every agent's history behind it for good
            log.error("Dropping an agent state change the history refuses: {}", cause.getMessage());
            dropped.increment();
            stored(change.agentId(), null);
            return;
        }
        writeFailures.increment();
        if (!storeFailing && successes == successesBefore) {
            storeFailing = true;
            log.error("Cannot store agent states ({} of {} at {} not stored: {}); holding every change and retrying "
                    + "every {} ms until the store is back", change.state(), change.agentId(), change.since(),
                    cause.getMessage(), RETRY_MS);
        }
        if (storeFailing) {
            scheduleRetry();
        } else {
            // the store took another write since this one began: not an outage (yet); this agent tries again later
            vertx.setTimer(RETRY_MS, t -> {
                if (!storeFailing) {
                    writeNext(change.agentId());
                }
            });
        }
    }

    /** One probe at a time, the first waiting agent's oldest change; the rest wait for it to succeed. */
    private void scheduleRetry() {
        if (retryTimer >= 0) {
            return;
        }
        retryTimer = vertx.setTimer(RETRY_MS, t -> {
            retryTimer = -1;
            if (!storeFailing) {
                return;
            }
            unwritten.keySet().stream().filter(a -> !writing.contains(a)).findFirst().ifPresentOrElse(
                    this::writeNext, this::scheduleRetry);
        });
    }
}
