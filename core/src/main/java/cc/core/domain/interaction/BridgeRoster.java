package cc.core.domain.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in which bridge, and which legs are agents' phones: what tells the tracker that an agent and a customer
 * talk. Asterisk reports each leg entering and leaving a bridge; an agent's leg is known by the {@code CC_AGENT}
 * variable set on it when it is originated, or from the ACD when the agent answered. Either may come first.
 *
 * <p>Pure and single-threaded, owned by {@link InteractionTracker}.
 */
final class BridgeRoster {
    /** Members of each bridge (by server and bridge id), with the time each entered. */
    private final Map<BridgeKey, Map<LegKey, Instant>> members = new HashMap<>();
    /** The bridge each leg is in now. */
    private final Map<LegKey, BridgeKey> bridgeOf = new HashMap<>();
    /** Agents' phone legs. */
    private final Map<LegKey, String> agentLegs = new HashMap<>();

    /** Two legs that are in one bridge now, and since when both have been. */
    record Together(LegKey other, Instant since) {}

    /** Notes the leg entered the bridge; returns the legs already in it. */
    List<Together> entered(LegKey leg, String bridgeId, Instant at) {
        BridgeKey bridge = new BridgeKey(leg.server(), bridgeId);
        left(leg);
        Map<LegKey, Instant> in = members.computeIfAbsent(bridge, k -> new LinkedHashMap<>());
        List<Together> others = new ArrayList<>(in.size());
        in.forEach((other, since) -> others.add(new Together(other, at)));
        in.put(leg, at);
        bridgeOf.put(leg, bridge);
        return others;
    }

    /** Notes the leg left its bridge (or hung up); returns the legs that stay in it. */
    List<LegKey> left(LegKey leg) {
        BridgeKey bridge = bridgeOf.remove(leg);
        if (bridge == null) {
            return List.of();
        }
        Map<LegKey, Instant> in = members.get(bridge);
        in.remove(leg);
        if (in.isEmpty()) {
            members.remove(bridge);
            return List.of();
        }
        return List.copyOf(in.keySet());
    }

    /** The legs in one bridge with this leg now, each with the time since when both have been there. */
    List<Together> with(LegKey leg) {
        BridgeKey bridge = bridgeOf.get(leg);
        if (bridge == null) {
            return List.of();
        }
        Map<LegKey, Instant> in = members.get(bridge);
        Instant mine = in.get(leg);
        List<Together> others = new ArrayList<>(in.size());
        in.forEach((other, since) -> {
            if (!other.equals(leg)) {
                others.add(new Together(other, since.isAfter(mine) ? since : mine));
            }
        });
        return others;
    }

    void markAgent(LegKey leg, String agentId) {
        agentLegs.put(leg, agentId);
    }

    /** The agent whose phone this leg is; null when it is no agent's. */
    String agentOf(LegKey leg) {
        return agentLegs.get(leg);
    }

    /** Forgets a leg that hung up; returns the legs that stay in its bridge. */
    List<LegKey> gone(LegKey leg) {
        agentLegs.remove(leg);
        return left(leg);
    }

    private record BridgeKey(String server, String bridgeId) {}
}
