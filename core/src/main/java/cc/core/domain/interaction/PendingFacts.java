package cc.core.domain.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Facts about channels not seen yet: the FastAGI session, the event bus and the AMI event stream are separate paths,
 * so the IVR or the ACD may report before the channel's Newchannel has arrived. Kept until the channel shows up or
 * {@link #LIMIT} has passed in event time, then counted as expired.
 *
 * <p>Pure and single-threaded, owned by {@link InteractionTracker}.
 */
final class PendingFacts {
    static final Duration LIMIT = Duration.ofMinutes(2);

    private final Map<String, List<UnaryOperator<Interaction>>> facts = new HashMap<>();
    private final Map<String, Instant> since = new HashMap<>();
    private long expired;

    void add(String uniqueId, UnaryOperator<Interaction> fact, Instant at) {
        facts.computeIfAbsent(uniqueId, k -> new ArrayList<>()).add(fact);
        since.putIfAbsent(uniqueId, at);
    }

    /** The facts kept for the channel, in the order they came; they are no longer kept. */
    List<UnaryOperator<Interaction>> take(String uniqueId) {
        since.remove(uniqueId);
        List<UnaryOperator<Interaction>> taken = facts.remove(uniqueId);
        return taken == null ? List.of() : taken;
    }

    void expire(Instant now) {
        if (since.isEmpty()) {
            return;
        }
        for (Iterator<Map.Entry<String, Instant>> it = since.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().plus(LIMIT).isBefore(now)) {
                expired += facts.remove(e.getKey()).size();
                it.remove();
            }
        }
    }

    long expired() {
        return expired;
    }
}
