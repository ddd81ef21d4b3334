package cc.dialer.app;

import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.QueueStatsUpdated;
import cc.dialer.domain.pacing.AgentView;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agents of each ACD queue as the ACD reports them ({@link Addresses#ACD_AGENT_STATE_CHANGED}, and the
 * wallboard figures of {@link Addresses#ACD_QUEUE_STATS_UPDATED} for agents whose last change came before we
 * listened), turned into what a campaign's pacer sees; and the talk and wrap-up times the changes reveal, for its
 * estimates. Which agents serve which queue comes from the ACD's settings (the dialer does not depend on the acd
 * module).
 *
 * <p>Threading: the bus handlers run on the context that called {@link #start}; campaigns read from their own
 * contexts, so the states are kept in a concurrent map and listeners are called on the bus context.
 */
public final class AcdAgentBoard {
    private record State(String state, Instant since) {}

    /** Told the talk or wrap-up time an agent of the queue just finished. */
    public interface TimesListener {
        void finished(Optional<Duration> talk, Optional<Duration> wrapUp);
    }

    private record Listener(String queue, TimesListener listener) {}

    private final Map<String, Set<String>> queueAgents;
    private final InstantSource clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    public AcdAgentBoard(Map<String, Set<String>> queueAgents, InstantSource clock) {
        this.queueAgents = Map.copyOf(queueAgents);
        this.clock = clock;
    }

    public Future<Void> start(EventBus bus) {
        // with several nodes the routing ACD may run on another node than this dialer: its reports arrive under
        // the peers' addresses (only one node routes at a time, so the two never both speak of one agent)
        List<Future<Void>> listening = new ArrayList<>();
        for (String address : List.of(Addresses.ACD_AGENT_STATE_CHANGED,
                ClusterAddresses.fromPeers(Addresses.ACD_AGENT_STATE_CHANGED))) {
            MessageConsumer<AgentStateChanged> changes = bus.consumer(address, m -> changed(m.body()));
            consumers.add(changes);
            listening.add(changes.completion());
        }
        for (String address : List.of(Addresses.ACD_QUEUE_STATS_UPDATED,
                ClusterAddresses.fromPeers(Addresses.ACD_QUEUE_STATS_UPDATED))) {
            MessageConsumer<QueueStatsUpdated> figures = bus.consumer(address, m -> {
                for (QueueStatsUpdated.AgentFigures a : m.body().agents()) {
                    states.putIfAbsent(a.agentId(), new State(a.state(), a.since()));
                }
            });
            consumers.add(figures);
            listening.add(figures.completion());
        }
        return Future.all(listening).mapEmpty();
    }

    public Future<Void> stop() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    }

    public boolean knowsQueue(String queue) {
        return queueAgents.containsKey(queue);
    }

    /** The queue's agents as the pacer sees them, read when asked. */
    public CampaignAgents agentsOf(String queue) {
        Set<String> agents = queueAgents.getOrDefault(queue, Set.of());
        return () -> {
            Instant now = clock.instant();
            List<AgentView> out = new ArrayList<>();
            for (String id : agents) {
                State s = states.get(id);
                if (s != null) {
                    view(s, now).ifPresent(out::add);
                }
            }
            return out;
        };
    }

    /** The agent's last known ACD state ({@code available}, {@code paused}...), empty when none was heard yet. */
    public Optional<String> stateOf(String agentId) {
        State s = states.get(agentId);
        return s == null ? Optional.empty() : Optional.of(s.state());
    }

    /** Tells {@code listener} the talk and wrap-up times of the queue's agents until the returned action runs. */
    public Runnable listen(String queue, TimesListener listener) {
        Listener l = new Listener(queue, listener);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    private void changed(AgentStateChanged c) {
        State before = states.put(c.agentId(), new State(c.state(), c.since()));
        if (before == null || before.since().isAfter(c.since())) {
            return;
        }
        Duration spent = Duration.between(before.since(), c.since());
        Optional<Duration> talk = before.state().equals("on-call") && !c.state().equals("on-call")
                ? Optional.of(spent) : Optional.empty();
        Optional<Duration> wrapUp = before.state().equals("wrap-up") && !c.state().equals("wrap-up")
                ? Optional.of(spent) : Optional.empty();
        if (talk.isEmpty() && wrapUp.isEmpty()) {
            return;
        }
        for (Listener l : listeners) {
            if (queueAgents.getOrDefault(l.queue(), Set.of()).contains(c.agentId())) {
                l.listener().finished(talk, wrapUp);
            }
        }
    }

    /** Reserved and ringing agents are about to talk: the pacer counts them as talking from now. */
    private static Optional<AgentView> view(State s, Instant now) {
        double seconds = Math.max(0, Duration.between(s.since(), now).toMillis() / 1000.0);
        switch (s.state()) {
            case "available":
                return Optional.of(new AgentView(AgentView.Activity.IDLE, seconds));
            case "reserved":
            case "ringing":
                return Optional.of(AgentView.talking(0));
            case "on-call":
                return Optional.of(AgentView.talking(seconds));
            case "wrap-up":
                return Optional.of(AgentView.wrapUp(seconds));
            case "paused":
                return Optional.of(new AgentView(AgentView.Activity.UNAVAILABLE, seconds));
            default:
                return Optional.empty();
        }
    }
}
