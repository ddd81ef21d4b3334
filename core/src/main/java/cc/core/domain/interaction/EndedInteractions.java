package cc.core.domain.interaction;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Interactions whose call has ended, kept a while for what still comes: the IVR's and the ACD's reports that travel
 * on their own paths and may arrive just after the hang-up, the agent's wrap-up and disposition. Each is found by its
 * id or by the Uniqueid of any leg of the customer's side. Remembers which segments the hang-up closed, so a report
 * may still correct them.
 *
 * <p>Pure and single-threaded, owned by {@link InteractionTracker}; time is event time.
 */
final class EndedInteractions {
    private final Map<String, Kept> byId = new HashMap<>();
    private final Map<String, String> idByUniqueId = new HashMap<>();
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>(Comparator.comparing(Expiry::at));

    /** An ended interaction and what is known of its end. */
    static final class Kept {
        Interaction interaction;
        private final List<String> customerUniqueIds;
        /** Until when it is kept. */
        private Instant keepUntil;
        /** Segments the hang-up closed, which the IVR's or the ACD's later word may correct. */
        final Set<Segment> closedAtHangUp = new HashSet<>();

        private Kept(Interaction interaction, List<String> customerUniqueIds, Instant keepUntil) {
            this.interaction = interaction;
            this.customerUniqueIds = List.copyOf(customerUniqueIds);
            this.keepUntil = keepUntil;
        }
    }

    private record Expiry(Instant at, String interactionId) {}

    /**
     * Keeps an interaction that just ended at {@code at} until {@code until}; {@code closedAtHangUp} are the segments
     * the hang-up closed.
     */
    void keep(Interaction ended, List<String> customerUniqueIds, Set<Segment> closedAtHangUp, Instant until) {
        Kept kept = new Kept(ended, customerUniqueIds, until);
        kept.closedAtHangUp.addAll(closedAtHangUp);
        byId.put(ended.id(), kept);
        customerUniqueIds.forEach(u -> idByUniqueId.put(u, ended.id()));
        expiries.add(new Expiry(until, ended.id()));
    }

    /** Keeps it until then instead (longer while its agent wraps up, shorter again once that is over). */
    void keepUntil(String interactionId, Instant until) {
        Kept kept = byId.get(interactionId);
        if (kept != null) {
            kept.keepUntil = until;
            expiries.add(new Expiry(until, interactionId));
        }
    }

    Optional<Kept> get(String interactionId) {
        return Optional.ofNullable(byId.get(interactionId));
    }

    /** The id of the kept interaction with this leg on its customer's side; null when none. */
    String idOfChannel(String uniqueId) {
        return idByUniqueId.get(uniqueId);
    }

    /** Lets go of the interactions whose time has passed; {@code released} hears each id. */
    void expire(Instant now, Consumer<String> released) {
        while (!expiries.isEmpty() && expiries.peek().at().isBefore(now)) {
            Expiry e = expiries.poll();
            Kept kept = byId.get(e.interactionId());
            if (kept == null || kept.keepUntil.isAfter(now)) {
                // gone already, or kept longer since: a later expiry stands for it
                continue;
            }
            byId.remove(e.interactionId());
            kept.customerUniqueIds.forEach(u -> idByUniqueId.remove(u, e.interactionId()));
            released.accept(e.interactionId());
        }
    }

    /** The kept interactions of calls on one Asterisk server. */
    List<Interaction> ofServer(String server) {
        List<Interaction> out = new java.util.ArrayList<>();
        for (Kept k : byId.values()) {
            if (k.interaction.server().equals(server)) {
                out.add(k.interaction);
            }
        }
        return out;
    }

    int size() {
        return byId.size();
    }
}
