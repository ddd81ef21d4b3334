package cc.acd.app;

import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.media.MediaView;
import cc.acd.domain.queue.SkillRequirement;
import cc.acd.domain.routing.AcdEvent;
import cc.acd.domain.routing.AcdState;
import cc.acd.domain.routing.CallPhase;
import cc.acd.domain.routing.CallView;
import cc.core.app.livestate.AgentPresence;
import cc.core.app.livestate.LiveCall;
import cc.core.app.livestate.LiveStateStore;
import cc.core.domain.interaction.InteractionChannel;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Several ACD nodes on one live-state store: the routing lease (renewed, lost, taken over when the leader dies), the
 * takeover itself (agents' states and waiting callers restored from the store, each caller at its place; calls the old
 * leader had with an agent left alone until their legs hang up), and the mirror of every call and agent state written
 * to the store so a standby can take over. With one node it only answers that this node leads.
 *
 * <p>Threading: on the ACD verticle's context only.
 */
final class RoutingLease {
    private static final Logger log = LoggerFactory.getLogger(RoutingLease.class);

    /** What the lease needs of the verticle that owns the router. */
    interface Node {
        boolean leads();

        void leads(boolean leads);

        /** Set when the verticle stopped: replies still in flight do nothing. */
        boolean stopped();

        /** A fresh router and an empty call book (before a takeover, or when the lease is lost). */
        void reset();

        AcdState state();

        Optional<String> run(AcdEvent event);

        void forget(String callId);

        void arriving(String callId);

        /** Logs in every logged-out agent not in {@code known}, when the configuration says so. */
        void loginAll(Set<String> known);

        void publishStats();

        Instant now();
    }

    /** {@link AcdCalls.Caller#data()} key: when a scheduled callback falls due (ISO-8601), for a new leader. */
    static final String CALLBACK_DUE_KEY = "callbackDue";
    /** Live-state routing key: the agent leg's Uniqueid, whose hang-up frees the agent after a takeover. */
    static final String AGENT_LEG_KEY = "agentLeg";

    private final Optional<AcdVerticle.Cluster> cluster;
    private final AcdSettings settings;
    private final AcdCalls calls;
    private final Node node;
    private boolean takingOver;
    /**
     * Calls talking to (or ringing) an agent when this node took over, by the leg keys whose hang-up ends them (the
     * caller's, and the agent's when the old leader had learnt it): the agent to free then.
     */
    private final Map<String, BusyAtTakeover> busyAtTakeover = new HashMap<>();

    /**
     * An agent's call the old leader had, under both its legs' keys (the caller's and the agent's).
     *
     * @param call the call as the old leader wrote it, to hand it on when its agent transfers it; null on the entry
     *             of an agent leg whose call was handed on (its hang-up only frees the agent)
     */
    private record BusyAtTakeover(String agentId, String callId, List<String> legKeys, LiveCall call) {}
    /** The same calls by call id (those not handed on yet), for a transfer asked by call control. */
    private final Map<String, BusyAtTakeover> busyByCall = new HashMap<>();
    /**
     * Legs that hung up while this node stood by (most recent only): a call the store still lists may have ended in
     * the moments before the takeover, and must then neither be queued again nor hold its agent.
     */
    private final Map<String, Boolean> hungUpWhileStandby = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 100_000;
        }
    };

    RoutingLease(Optional<AcdVerticle.Cluster> cluster, AcdSettings settings, AcdCalls calls, Node node) {
        this.cluster = cluster;
        this.settings = settings;
        this.calls = calls;
        this.node = node;
    }

    boolean clustered() {
        return cluster.isPresent();
    }

    /** How often the lease is renewed: a third of its time to live, at least every 100 ms. */
    long renewEveryMs() {
        return Math.max(100, cluster.orElseThrow().leaseTtl().toMillis() / 3);
    }

    /** Forgets the calls that were busy at the last takeover (the router is being reset). */
    void clear() {
        busyAtTakeover.clear();
        busyByCall.clear();
    }

    /** A leg hung up while this node stands by: the call may still be listed in the store at a takeover. */
    void hungUpWhileStandby(String server, String uniqueId) {
        if (cluster.isPresent()) {
            hungUpWhileStandby.put(AcdCalls.legKey(server, uniqueId), Boolean.TRUE);
        }
    }

    /**
     * A leg hung up while this node leads: when it ends a call the old leader had with an agent, that agent is made
     * available and the call leaves the store. Whether it was such a leg.
     */
    boolean freedAgentBusyAtTakeover(String server, String uniqueId) {
        if (busyAtTakeover.isEmpty()) {
            return false;
        }
        BusyAtTakeover busy = busyAtTakeover.remove(AcdCalls.legKey(server, uniqueId));
        if (busy == null) {
            return false;
        }
        // its other leg's key too, found directly: a scan of every busy call per hang-up cost the whole map's size
        // each time after a takeover of hundreds of calls
        busy.legKeys().forEach(busyAtTakeover::remove);
        if (busy.call() != null) {
            busyByCall.remove(busy.callId());
            cluster.ifPresent(c -> c.store().removeCall(busy.callId()));
        }
        node.run(new AcdEvent.AgentStateChanged(busy.agentId(), AgentStatus.AVAILABLE, "", node.now()));
        return true;
    }

    /**
     * A call the old leader had connected to an agent, as it wrote it (its caller's server and channel, queue and
     * data), while it still talks: call control may transfer it, having learnt it from the old leader.
     */
    Optional<AcdCalls.Caller> connectedAtTakeover(String callId) {
        return Optional.ofNullable(busyByCall.get(callId)).map(b -> {
            Map<String, String> data = new HashMap<>(b.call().routing());
            data.remove(AGENT_LEG_KEY);
            return new AcdCalls.Caller(b.call().server(), b.call().channel(), b.call().queue(), "", data);
        });
    }

    /**
     * The call {@link #connectedAtTakeover} named is handed on (transferred): its caller's hang-up is the router's
     * again, while its first agent stays busy until that agent's leg hangs up (call control hangs it up next); the
     * agent is freed at once when the old leader never learnt the leg.
     */
    void handedOn(String callId) {
        BusyAtTakeover busy = busyByCall.remove(callId);
        if (busy == null) {
            return;
        }
        busy.legKeys().forEach(busyAtTakeover::remove);
        String agentLeg = busy.call().routing().getOrDefault(AGENT_LEG_KEY, "");
        if (agentLeg.isEmpty()) {
            node.run(new AcdEvent.AgentStateChanged(busy.agentId(), AgentStatus.AVAILABLE, "", node.now()));
        } else {
            String key = AcdCalls.legKey(settings.server(), agentLeg);
            busyAtTakeover.put(key, new BusyAtTakeover(busy.agentId(), callId, List.of(key), null));
        }
    }

    /** When the store last answered a renewal ({@link System#nanoTime()}). */
    private long storeAnsweredNanos = System.nanoTime();
    /** The store did not answer the last renewal, or has not answered since it stopped. */
    private boolean storeDown;
    /** A standby back from an outage: since when the store has answered again (nanoTime), or -1. */
    private long reachableSinceNanos = -1;

    /**
     * Renews (or takes) the routing lease; takes over routing when it was a standby, stops routing when it lost it.
     *
     * <p>A store that answers nothing says nothing about who holds the lease: no other node can take it from a store
     * that is down, so the routing node goes on routing from what it holds for up to
     * {@link AcdVerticle.Cluster#routeThroughStoreOutage()} (callers keep reaching agents; the ones queued meanwhile
     * are not lost), and when the store answers again it takes the lease back and writes its whole state to it (a
     * Redis without persistence comes back empty). A standby back from an outage only reads the lease for two lease
     * times before it may take it, so the node that was routing gets it back first.
     */
    void renew() {
        AcdVerticle.Cluster c = cluster.orElseThrow();
        if (storeDown && !node.leads()) {
            probeAfterOutage(c);
            return;
        }
        c.store().acquireLease(AcdVerticle.LEASE, c.nodeId(), c.leaseTtl()).onComplete(ar -> {
            if (node.stopped()) {
                // a renewal still in flight when the node stopped must not make a stopping node route again
                return;
            }
            if (ar.failed()) {
                storeUnreachable(c, ar.cause());
                return;
            }
            boolean holds = ar.result();
            storeAnsweredNanos = System.nanoTime();
            boolean backFromOutage = storeDown;
            storeDown = false;
            if (holds && node.leads() && backFromOutage) {
                log.info("node {} reaches the live state again and still routes; writing its calls and agents to it",
                        c.nodeId());
                mirrorAll(c);
            }
            if (holds && !node.leads() && !takingOver) {
                takeOver(c);
            } else if (!holds && node.leads()) {
                log.error("node {} lost the routing lease; it stops routing", c.nodeId());
                node.leads(false);
                node.reset();
            }
        });
    }

    private void storeUnreachable(AcdVerticle.Cluster c, Throwable cause) {
        if (!storeDown) {
            log.warn("renewing the routing lease failed: {}{}", cause.getMessage(), node.leads()
                    ? "; routing goes on for up to " + c.routeThroughStoreOutage().toSeconds() + " s" : "");
        }
        storeDown = true;
        reachableSinceNanos = -1;
        if (node.leads() && System.nanoTime() - storeAnsweredNanos > c.routeThroughStoreOutage().toNanos()) {
            log.error("node {} has not reached the live state for {} s; it stops routing", c.nodeId(),
                    c.routeThroughStoreOutage().toSeconds());
            node.leads(false);
            node.reset();
        }
    }

    /** A standby after an outage: reads the lease until a holder shows or the store has answered for two TTLs. */
    private void probeAfterOutage(AcdVerticle.Cluster c) {
        c.store().leaseHolder(AcdVerticle.LEASE).onComplete(ar -> {
            if (node.stopped()) {
                return;
            }
            if (ar.failed()) {
                reachableSinceNanos = -1;
                return;
            }
            long now = System.nanoTime();
            if (reachableSinceNanos < 0) {
                reachableSinceNanos = now;
            }
            if (ar.result().isPresent() || now - reachableSinceNanos >= 2 * c.leaseTtl().toNanos()) {
                storeDown = false;
                storeAnsweredNanos = now;
            }
        });
    }

    /** Writes every call and agent this node holds to the store, and removes the calls it no longer holds. */
    private void mirrorAll(AcdVerticle.Cluster c) {
        for (String callId : List.copyOf(calls.callers.keySet())) {
            mirrorCall(callId);
        }
        for (String agentId : node.state().agentIds()) {
            node.state().agentState(agentId).ifPresent(s -> mirrorAgent(agentId, s));
        }
        c.store().calls().onSuccess(stored -> {
            for (LiveCall call : stored) {
                if (!call.state().startsWith(MEDIA_STATE_PREFIX) && !calls.callers.containsKey(call.interactionId())) {
                    c.store().removeCall(call.interactionId());
                }
            }
        });
    }

    /**
     * Becomes the routing node: restores the agents' states and the waiting callers (with their original enqueue
     * time, so each keeps its place) from the store, then routes. Calls that were ringing or talking to an agent on
     * the old leader are not offered again: their agent stays busy until the caller's leg hangs up.
     */
    private void takeOver(AcdVerticle.Cluster c) {
        takingOver = true;
        long started = System.nanoTime();
        Future.all(c.store().agents(), c.store().calls()).onComplete(ar -> {
            takingOver = false;
            if (node.stopped()) {
                return;
            }
            if (ar.failed()) {
                log.warn("taking over routing failed, will retry: {}", ar.cause().getMessage());
                return;
            }
            List<AgentPresence> agents = ar.result().resultAt(0);
            List<LiveCall> calls = ar.result().resultAt(1);
            node.reset();
            node.leads(true);
            Map<String, AgentPresence> presence = new HashMap<>();
            agents.forEach(a -> presence.put(a.agentId(), a));
            int restoredCalls = 0;
            int restoredMedia = 0;
            for (LiveCall call : calls.stream().sorted(Comparator.comparing(LiveCall::since)).toList()) {
                if (call.state().startsWith(MEDIA_STATE_PREFIX)) {
                    Optional<String> refused = restoreMedia(call);
                    if (refused.isPresent()) {
                        log.warn("chat or email {} could not be restored: {}", call.interactionId(), refused.get());
                        c.store().removeCall(call.interactionId());
                    } else {
                        restoredMedia++;
                    }
                    continue;
                }
                boolean lineExpected = !STATE_CALLBACK.equals(call.state())
                        && !STATE_CALLBACK_SCHEDULED.equals(call.state());
                if (lineExpected
                        && hungUpWhileStandby.containsKey(AcdCalls.legKey(call.server(), call.interactionId()))) {
                    c.store().removeCall(call.interactionId());
                    continue;
                }
                if (!call.agentId().isEmpty()) {
                    String agentLeg = call.routing().getOrDefault(AGENT_LEG_KEY, "");
                    List<String> keys = agentLeg.isEmpty() ? List.of(AcdCalls.legKey(call.server(), call.interactionId()))
                            : List.of(AcdCalls.legKey(call.server(), call.interactionId()),
                                    AcdCalls.legKey(settings.server(), agentLeg));
                    BusyAtTakeover busy = new BusyAtTakeover(call.agentId(), call.interactionId(), keys, call);
                    keys.forEach(k -> busyAtTakeover.put(k, busy));
                    busyByCall.put(call.interactionId(), busy);
                    continue;
                }
                // no announcement now: a burst of redirects at takeover would only delay the offers it makes
                node.arriving(call.interactionId());
                Optional<String> refused;
                try {
                    refused = restoreWaiting(call);
                } finally {
                    node.arriving("");
                }
                if (refused.isPresent()) {
                    log.warn("waiting call {} could not be restored: {}", call.interactionId(), refused.get());
                    node.forget(call.interactionId());
                } else {
                    restoredCalls++;
                }
            }
            Set<String> busyAgents = new HashSet<>();
            busyAtTakeover.values().forEach(b -> busyAgents.add(b.agentId()));
            for (String agentId : node.state().agentIds()) {
                AgentPresence p = presence.get(agentId);
                if (busyAgents.contains(agentId)) {
                    node.run(new AcdEvent.AgentStateChanged(agentId, AgentStatus.PAUSED, TAKEOVER_BUSY, node.now()));
                } else if (p != null && p.state().equals(AgentStatus.PAUSED.wireName())) {
                    node.run(new AcdEvent.AgentStateChanged(agentId, AgentStatus.PAUSED, p.reason(), node.now()));
                } else if (p != null && !p.state().equals(AgentStatus.LOGGED_OUT.wireName())) {
                    node.run(new AcdEvent.AgentStateChanged(agentId, AgentStatus.AVAILABLE, "", node.now()));
                }
            }
            hungUpWhileStandby.clear();
            node.loginAll(presence.keySet());
            node.publishStats();
            log.info("node {} took over routing in {} ms: {} waiting calls, {} agents busy with calls of the old "
                            + "leader, {} chats and emails", c.nodeId(), (System.nanoTime() - started) / 1_000_000,
                    restoredCalls, busyAgents.size(), restoredMedia);
        });
    }

    /**
     * Puts a call the old leader had waiting back in line at its place (its original enqueue time), with the skills,
     * caller data and callback it had: a caller on hold, a caller who traded the wait for a callback, or a callback
     * scheduled for later.
     */
    private Optional<String> restoreWaiting(LiveCall call) {
        String id = call.interactionId();
        Map<String, String> data = call.routing();
        int priority = call.priority() - node.state().queueConfig(call.queue()).map(q -> q.priorityBoost()).orElse(0);
        List<SkillRequirement> skills;
        try {
            skills = AcdTranslation.parseSkills(data.getOrDefault(AcdTranslation.SKILLS_KEY, ""));
        } catch (IllegalArgumentException bad) {
            return Optional.of("skills: " + bad.getMessage());
        }
        String callbackNumber = data.getOrDefault(AcdTranslation.CALLBACK_NUMBER_KEY,
                data.getOrDefault("callerNumber", ""));
        calls.callers.put(id, new AcdCalls.Caller(call.server(), call.channel(), call.queue(), "", data));
        if (data.containsKey(CALLBACK_DUE_KEY)) {
            Instant due = Instant.parse(data.get(CALLBACK_DUE_KEY));
            // one already due keeps its place from its due time; one still to come is scheduled from now
            Instant kept = null;
            try {
                kept = Instant.parse(data.getOrDefault(AcdTranslation.KEPT_PLACE_KEY, ""));
            } catch (java.time.format.DateTimeParseException none) {
                kept = null;
            }
            return node.run(new AcdEvent.CallbackScheduled(id, call.queue(), skills, priority, callbackNumber, due,
                    due.isBefore(node.now()) ? due : node.now(), kept));
        }
        Optional<String> refused = node.run(new AcdEvent.CallArrived(id, call.queue(), skills, priority, callbackNumber,
                call.since()));
        if (refused.isPresent() || !STATE_CALLBACK.equals(call.state())) {
            if (refused.isEmpty()) {
                calls.putLeg(AcdCalls.legKey(call.server(), id), id);
            }
            return refused;
        }
        // the caller has hung up and waits for the call back: no leg to watch
        return node.run(new AcdEvent.CallbackRequested(id, callbackNumber, call.since()));
    }

    /** Live-state call states the ACD writes. */
    static final String STATE_QUEUED = "queued";
    static final String STATE_CALLBACK = "callback";
    static final String STATE_CALLBACK_SCHEDULED = "callback-scheduled";
    static final String STATE_RINGING_AGENT = "ringing-agent";
    static final String STATE_TALKING = "talking";

    /** The pause reason of an agent who was busy on the old leader when this node took over. */
    public static final String TAKEOVER_BUSY = "busy-at-takeover";

    void mirrorCall(String callId) {
        if (cluster.isEmpty() || !node.leads()) {
            return;
        }
        LiveStateStore store = cluster.get().store();
        Optional<CallView> view = node.state().call(callId);
        AcdCalls.Caller caller = calls.callers.get(callId);
        if (view.isEmpty() || caller == null) {
            store.removeCall(callId).onFailure(e -> log.warn("live state: removing call {} failed: {}", callId,
                    e.getMessage()));
            return;
        }
        CallView v = view.get();
        boolean waiting = v.phase() == CallPhase.WAITING || v.phase() == CallPhase.SCHEDULED;
        String phase = v.phase() == CallPhase.SCHEDULED ? STATE_CALLBACK_SCHEDULED
                : v.phase() == CallPhase.WAITING ? (v.virtual() ? STATE_CALLBACK : STATE_QUEUED)
                : v.phase() == CallPhase.CONNECTED ? STATE_TALKING : STATE_RINGING_AGENT;
        Map<String, String> routing = caller.data();
        AcdCalls.Offer offer = calls.offers.get(callId);
        if (!waiting && offer != null && !offer.agentLeg.isEmpty()) {
            routing = caller.with(AGENT_LEG_KEY, offer.agentLeg).data();
        }
        store.putCall(new LiveCall(callId, caller.server(), caller.channel(), phase, v.queueId(), v.priority(),
                        v.enqueuedAt(), waiting ? "" : v.agentId(), routing))
                .onFailure(e -> log.warn("live state: writing call {} failed: {}", callId, e.getMessage()));
    }

    /** Live-state call states of chats and emails: {@code media-waiting}, {@code media-offered}, {@code media-held}. */
    static final String MEDIA_STATE_PREFIX = "media-";
    /** Live-state routing keys of a chat or email: its base priority (without the queue's boost). */
    static final String MEDIA_PRIORITY_KEY = "mediaPriority";

    /**
     * Writes a chat or email to the store (or removes it when the router no longer holds it), kept with the calls so a
     * standby restores it at a takeover: the channel in the entry's channel, the agent holding it, its data.
     */
    void mirrorMedia(String interactionId) {
        if (cluster.isEmpty() || !node.leads()) {
            return;
        }
        LiveStateStore store = cluster.get().store();
        Optional<MediaView> view = node.state().media().contact(interactionId);
        if (view.isEmpty()) {
            store.removeCall(interactionId).onFailure(e -> log.warn("live state: removing contact {} failed: {}",
                    interactionId, e.getMessage()));
            return;
        }
        MediaView v = view.get();
        int boost = node.state().queueConfig(v.queueId()).map(q -> q.priorityBoost()).orElse(0);
        Map<String, String> routing = new HashMap<>(v.data());
        routing.put(MEDIA_PRIORITY_KEY, Integer.toString(v.priority() - boost));
        boolean held = v.phase().equals(MediaView.HELD);
        store.putCall(new LiveCall(interactionId, "", v.channel().name(), MEDIA_STATE_PREFIX + v.phase(), v.queueId(),
                        v.priority(), v.enqueuedAt(), held ? v.agentId() : "", routing))
                .onFailure(e -> log.warn("live state: writing contact {} failed: {}", interactionId, e.getMessage()));
    }

    private Optional<String> restoreMedia(LiveCall call) {
        Map<String, String> data = new HashMap<>(call.routing());
        int priority;
        InteractionChannel channel;
        try {
            priority = Integer.parseInt(data.getOrDefault(MEDIA_PRIORITY_KEY, "0"));
            channel = InteractionChannel.valueOf(call.channel());
        } catch (IllegalArgumentException bad) {
            return Optional.of(bad.getMessage());
        }
        data.remove(MEDIA_PRIORITY_KEY);
        String heldBy = call.state().equals(MEDIA_STATE_PREFIX + MediaView.HELD) ? call.agentId() : "";
        return node.run(new AcdEvent.MediaRestored(call.interactionId(), channel, call.queue(), priority, data,
                call.since(), heldBy, node.now()));
    }

    void mirrorAgent(String agentId, AgentState s) {
        if (cluster.isEmpty() || !node.leads()) {
            return;
        }
        AcdVerticle.Cluster c = cluster.get();
        c.store().putAgent(new AgentPresence(agentId, s.status().wireName(), s.reason(), s.since(), c.nodeId(), ""))
                .onFailure(e -> log.warn("live state: writing agent {} failed: {}", agentId, e.getMessage()));
    }
}
