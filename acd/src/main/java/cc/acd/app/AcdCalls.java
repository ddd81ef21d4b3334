package cc.acd.app;

import java.util.HashMap;
import java.util.Map;

/**
 * The ACD's book of calls on the telephony side: the callers it holds (their channels and data), the agent each is
 * being offered to (with the agent's leg once known), and which legs' hang-ups end which call. Used on the ACD
 * verticle's context only.
 */
final class AcdCalls {
    /**
     * @param language the caller's language for announcements ({@code fa}, {@code en}); empty = the channel's (which
     *                 the IVR set to the caller's choice)
     * @param data     the caller's data from the IVR, shown in the pop; also what another node needs to route the call
     *                 after a takeover (skills, callback number, a scheduled callback's due time)
     */
    record Caller(String server, String channel, String queue, String language, Map<String, String> data) {
        Caller with(String key, String value) {
            Map<String, String> more = new HashMap<>(data);
            more.put(key, value);
            return new Caller(server, channel, queue, language, more);
        }
    }


    static final class Offer {
        final String agentId;
        final String queue;
        String agentChannel = "";
        /** The agent leg's Uniqueid once known: its hang-up ends the call for a node that takes over. */
        String agentLeg = "";
        /** A callback being placed: the agent's leg dials the customer itself, there is no caller to join. */
        boolean callback;
        /** A callback the customer must confirm ({@link AcdTranslation#CONFIRM_VARIABLE}) before it is connected. */
        boolean confirmFirst;
        /** The customer's last {@link AcdTranslation#CONFIRM_VARIABLE}: empty (not answered), asked, confirmed... */
        String confirm = "";
        String customerChannel = "";
        boolean cancelled;
        boolean answered;

        Offer(String agentId, String queue) {
            this.agentId = agentId;
            this.queue = queue;
        }
    }

    /** Callers handed over by the IVR, by call id (the caller's Uniqueid). */
    final Map<String, Caller> callers = new HashMap<>();
    /** The current offer of each call; an originate result for any other offer is stale. */
    final Map<String, Offer> offers = new HashMap<>();
    /** Legs whose hang-up matters, by server and Uniqueid: the caller's, and the agent's once answered. */
    private final Map<String, String> legs = new HashMap<>();
    /**
     * The same the other way round, call id to its legs' keys: forgetting a call used to scan every leg of every call
     * (a thousand calls up, each call's end).
     */
    private final Map<String, java.util.Set<String>> legsOf = new HashMap<>();

    static String legKey(String server, String uniqueId) {
        return server + "/" + uniqueId;
    }

    void clear() {
        callers.clear();
        offers.clear();
        legs.clear();
        legsOf.clear();
    }

    /** A leg whose hang-up ends (or matters to) the call. */
    void putLeg(String legKey, String callId) {
        String before = legs.put(legKey, callId);
        if (before != null && !before.equals(callId)) {
            unlink(before, legKey);
        }
        legsOf.computeIfAbsent(callId, k -> new java.util.HashSet<>()).add(legKey);
    }

    /** The call of the leg, which is forgotten; null if the leg did not matter. */
    String removeLeg(String legKey) {
        String callId = legs.remove(legKey);
        if (callId != null) {
            unlink(callId, legKey);
        }
        return callId;
    }

    boolean hasLeg(String legKey) {
        return legs.containsKey(legKey);
    }

    private void unlink(String callId, String legKey) {
        java.util.Set<String> keys = legsOf.get(callId);
        if (keys != null && keys.remove(legKey) && keys.isEmpty()) {
            legsOf.remove(callId);
        }
    }

    /** Forgets everything about a call that left the ACD. */
    void forget(String callId) {
        callers.remove(callId);
        offers.remove(callId);
        java.util.Set<String> keys = legsOf.remove(callId);
        if (keys != null) {
            keys.forEach(legs::remove);
        }
    }
}
