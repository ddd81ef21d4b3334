package cc.core.app.livestate;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Live state that must survive one node and be seen by all: agent presence, live calls, and the lease that lets
 * exactly one node route at a time. In memory for one node; in Redis for several.
 *
 * <p>Threading: every method returns at once and completes on the caller's Vert.x context when there is one.
 */
public interface LiveStateStore extends AutoCloseable {

    Future<Void> putAgent(AgentPresence presence);

    Future<Optional<AgentPresence>> agent(String agentId);

    Future<List<AgentPresence>> agents();

    Future<Void> removeAgent(String agentId);

    Future<Void> putCall(LiveCall call);

    Future<Optional<LiveCall>> call(String interactionId);

    Future<List<LiveCall>> calls();

    Future<Void> removeCall(String interactionId);

    /**
     * Takes or renews the named lease for {@code nodeId}: true when this node holds it for {@code ttl} from now,
     * false when another node holds it.
     */
    Future<Boolean> acquireLease(String lease, String nodeId, Duration ttl);

    /** Gives the lease up if this node holds it. */
    Future<Void> releaseLease(String lease, String nodeId);

    /** The node holding the lease now, if any. */
    Future<Optional<String>> leaseHolder(String lease);

    /** Whether the store answers now (for /health). */
    Future<Boolean> ping();

    @Override
    void close();
}
