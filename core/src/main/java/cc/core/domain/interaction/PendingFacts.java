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
    /**
     * No fact kept is older than this (a lower bound: a fact taken may have been the oldest). Lets {@link #expire},
     * called on every event, skip its walk over all kept facts until one may really have expired: with a steady
     * stream of facts for channels that never show up the walk was a visible share of the event loop.
     */
    private Instant oldest;

    void add(String uniqueId, UnaryOperator<Interaction> fact, Instant at) {
        facts.computeIfAbsent(uniqueId, k -> new ArrayList<>()).add(fact);
        if (since.putIfAbsent(uniqueId, at) == null && (oldest == null || at.isBefore(oldest))) {
            oldest = at;
        }
    }

    /** The facts kept for the channel, in the order they came; they are no longer kept. */
    List<UnaryOperator<Interaction>> take(String uniqueId) {
        since.remove(uniqueId);
        List<UnaryOperator<Interaction>> taken = facts.remove(uniqueId);
        return taken == null ? List.of() : taken;
    }

    void expire(Instant now) {
        if (since.isEmpty() || oldest == null || !oldest.plus(LIMIT).isBefore(now)) {
            return;
        }
        Instant kept = null;
        for (Iterator<Map.Entry<String, Instant>> it = since.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().plus(LIMIT).isBefore(now)) {
                expired += facts.remove(e.getKey()).size();
                it.remove();
            } else if (kept == null || e.getValue().isBefore(kept)) {
                kept = e.getValue();
            }
        }
        oldest = kept;
    }

    long expired() {
        return expired;
    }
}
