package cc.core.adapter.memory;

import cc.core.app.livestate.AgentPresence;
import cc.core.app.livestate.LiveCall;
import cc.core.app.livestate.LiveStateStore;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live state of a single node, in this JVM's memory: nothing survives a restart and no other node sees it.
 *
 * <p>Threading: safe from any thread; every future is already complete when returned, so its handlers run at once
 * on the calling thread (the caller's context). Lease expiry follows the injected clock.
 */
public final class MemoryLiveState implements LiveStateStore {

    private record Lease(String holder, Instant expiresAt) {
    }

    private final InstantSource clock;
    private final Map<String, AgentPresence> agents = new ConcurrentHashMap<>();
    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    public MemoryLiveState(InstantSource clock) {
        this.clock = clock;
    }

    /** On the system clock. */
    public MemoryLiveState() {
        this(InstantSource.system());
    }

    @Override
    public Future<Void> putAgent(AgentPresence presence) {
        agents.put(presence.agentId(), presence);
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<AgentPresence>> agent(String agentId) {
        return Future.succeededFuture(Optional.ofNullable(agents.get(agentId)));
    }

    @Override
    public Future<List<AgentPresence>> agents() {
        return Future.succeededFuture(agents.values().stream()
                .sorted(Comparator.comparing(AgentPresence::agentId)).toList());
    }

    @Override
    public Future<Void> removeAgent(String agentId) {
        agents.remove(agentId);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> putCall(LiveCall call) {
        calls.put(call.interactionId(), call);
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<LiveCall>> call(String interactionId) {
        return Future.succeededFuture(Optional.ofNullable(calls.get(interactionId)));
    }

    @Override
    public Future<List<LiveCall>> calls() {
        return Future.succeededFuture(calls.values().stream()
                .sorted(Comparator.comparing(LiveCall::interactionId)).toList());
    }

    @Override
    public Future<Void> removeCall(String interactionId) {
        calls.remove(interactionId);
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> acquireLease(String lease, String nodeId, Duration ttl) {
        Instant now = clock.instant();
        Lease after = leases.compute(lease, (name, current) ->
                current == null || !now.isBefore(current.expiresAt()) || current.holder().equals(nodeId)
                        ? new Lease(nodeId, now.plus(ttl))
                        : current);
        return Future.succeededFuture(after.holder().equals(nodeId));
    }

    @Override
    public Future<Void> releaseLease(String lease, String nodeId) {
        leases.computeIfPresent(lease, (name, current) -> current.holder().equals(nodeId) ? null : current);
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<String>> leaseHolder(String lease) {
        Lease current = leases.get(lease);
        return Future.succeededFuture(current == null || !clock.instant().isBefore(current.expiresAt())
                ? Optional.empty()
                : Optional.of(current.holder()));
    }

    @Override
    public Future<Boolean> ping() {
        return Future.succeededFuture(true);
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
