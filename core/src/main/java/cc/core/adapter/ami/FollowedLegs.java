package cc.core.adapter.ami;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.Leg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live legs of each server as its call events tell them, on a node that may have to take the server's AMI link
 * over: what the new owner's channel book starts from, so the channel list it reads after the login ends the calls
 * that ended while no node owned the link (and starts those that began).
 *
 * <p>Threading: events of one server come from one context at a time; the maps are concurrent because the owner
 * changes.
 */
public final class FollowedLegs {
    /** One live leg: its identity, the caller ID last reported and the bridge it is in (empty: none). */
    public record Followed(Leg leg, String callerNumber, String callerName, String bridgeId) {}

    private final Map<String, Map<String, Followed>> byServer = new ConcurrentHashMap<>();

    /** Follows one event of any server. */
    public void apply(CallEvent event) {
        Leg leg = event.leg();
        Map<String, Followed> legs = byServer.computeIfAbsent(leg.server(), s -> new ConcurrentHashMap<>());
        if (event instanceof CallEvent.CallStarted) {
            CallEvent.CallStarted e = (CallEvent.CallStarted) event;
            legs.put(leg.uniqueId(), new Followed(leg, e.callerNumber(), e.callerName(), ""));
        } else if (event instanceof CallEvent.CallHungUp) {
            legs.remove(leg.uniqueId());
        } else if (event instanceof CallEvent.CallerIdChanged) {
            CallEvent.CallerIdChanged e = (CallEvent.CallerIdChanged) event;
            Followed f = legs.get(leg.uniqueId());
            legs.put(leg.uniqueId(), new Followed(leg, e.callerNumber(), e.callerName(),
                    f == null ? "" : f.bridgeId()));
        } else if (event instanceof CallEvent.LegsBridged) {
            Followed f = legs.get(leg.uniqueId());
            legs.put(leg.uniqueId(), new Followed(leg, f == null ? "" : f.callerNumber(),
                    f == null ? "" : f.callerName(), ((CallEvent.LegsBridged) event).bridgeId()));
        } else if (event instanceof CallEvent.LegUnbridged) {
            Followed f = legs.get(leg.uniqueId());
            if (f != null) {
                legs.put(leg.uniqueId(), new Followed(leg, f.callerNumber(), f.callerName(), ""));
            }
        } else if (!legs.containsKey(leg.uniqueId())) {
            // a leg first heard of mid-call (this node joined after it began): known from now on
            legs.put(leg.uniqueId(), new Followed(leg, "", "", ""));
        }
    }

    /** The live legs of {@code server} now. */
    public List<Followed> legs(String server) {
        Map<String, Followed> legs = byServer.get(server);
        return legs == null ? List.of() : new ArrayList<>(legs.values());
    }
}
