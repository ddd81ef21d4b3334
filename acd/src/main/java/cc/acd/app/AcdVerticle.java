package cc.acd.app;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.media.MediaSettings;
import cc.acd.domain.metrics.IntervalSnapshot;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdEvent;
import cc.acd.domain.routing.AcdState;
import cc.acd.domain.routing.CallPhase;
import cc.acd.domain.routing.CallView;
import cc.core.app.livestate.LiveStateStore;
import cc.core.app.telephony.Telephony;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallOverflowed;
import cc.core.contract.QueuePositionAnnounced;
import cc.core.contract.RoutingLeadChanged;
import cc.core.domain.call.CallEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Owns the {@link AcdState} and carries out its commands: rings agents through {@link AgentOffers} (the agent's leg
 * waits in the agent-wait context once answered and is joined to the caller with the AMI {@code Bridge} action, as in
 * trace ami-17; originate results become router events there), turns hang-ups into router events, and publishes
 * announcements, overflows and agent states on the event bus. What it is asked on the bus is {@link AcdRequests}; the book of callers,
 * offers and legs {@link AcdCalls}; the routing lease, takeover and live-state mirror of several nodes
 * {@link RoutingLease}.
 *
 * <p>Threading: every router call happens on this verticle's context. Telephony events arrive on the telephony
 * server's context and are hopped onto this one; originate futures and live-state store results (lease renewals,
 * the takeover's reads) complete here because they are started here.
 */
public final class AcdVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(AcdVerticle.class);

    private final AcdSettings settings;
    private final Telephony telephony;
    private final InstantSource clock;
    private final AcdMeters meters;
    private final Consumer<IntervalSnapshot> intervals;
    private final Map<String, String> dialStrings = new HashMap<>();
    /** The callers held, the offers made and the legs whose hang-up matters. */
    private final AcdCalls calls = new AcdCalls();
    /** The routing lease's name in the live-state store. */
    public static final String LEASE = "acd-router";

    /**
     * Several nodes sharing one live-state store.
     *
     * @param store    where the lease, the waiting calls and the agent states live
     * @param nodeId   this node's name
     * @param leaseTtl how long the lease holds without renewal: a dead leader is replaced after at most this long
     * @param routeThroughStoreOutage how long the routing node goes on routing while the store answers nothing (no
     *                 other node can take the lease from a store that is down); 0 stops it at once
     */
    public record Cluster(LiveStateStore store, String nodeId, Duration leaseTtl, Duration routeThroughStoreOutage) {
        public Cluster(LiveStateStore store, String nodeId, Duration leaseTtl) {
            this(store, nodeId, leaseTtl, Duration.ofSeconds(60));
        }
    }

    private final Optional<Cluster> cluster;
    /** The routing lease, the takeover and the live-state mirror (several nodes). */
    private RoutingLease lease;
    /** Whether this node routes now: always with one node; with several, while it holds the lease. */
    private boolean leader;
    /** Set by {@link #stop()}: replies still in flight find the node stopped and do nothing. */
    private boolean stopped;
    private long leaseTimer = -1;
    private final boolean loginAllAtStart;
    private final long statsEveryMs;
    private AcdState state;
    private EventBus bus;
    private CallProgress progress;
    /** Rings agents and turns what their rings come to into router events. */
    private AgentOffers offers;
    /** Whether the router handled an event since the last wallboard figures. */
    private boolean changed = true;
    private final AgentFiguresDelta figures = new AgentFiguresDelta();
    private long lastStatsAt;
    private long tickTimer = -1;
    private long intervalTimer = -1;

    /**
     * @param intervals receives each closed reporting interval (to store it); called on this verticle's context
     */
    public AcdVerticle(AcdSettings settings, Telephony telephony, InstantSource clock, AcdMeters meters,
                       Consumer<IntervalSnapshot> intervals) {
        this(settings, telephony, clock, meters, intervals, false, Duration.ofSeconds(1));
    }

    /**
     * @param intervals        receives each closed reporting interval (to store it); called on this verticle's context
     * @param loginAllAtStart  every agent is made available at start (the demo, with no console to log in from)
     * @param statsEvery       the longest time between two wallboard figures; they are also sent soon after a change
     */
    public AcdVerticle(AcdSettings settings, Telephony telephony, InstantSource clock, AcdMeters meters,
                       Consumer<IntervalSnapshot> intervals, boolean loginAllAtStart, Duration statsEvery) {
        this(settings, telephony, clock, meters, intervals, loginAllAtStart, statsEvery, Optional.empty());
    }

    /**
     * @param cluster with several nodes: only the holder of the routing lease routes, and the waiting calls and
     *                agent states are kept in the shared store so a standby node can take over
     */
    public AcdVerticle(AcdSettings settings, Telephony telephony, InstantSource clock, AcdMeters meters,
                       Consumer<IntervalSnapshot> intervals, boolean loginAllAtStart, Duration statsEvery,
                       Optional<Cluster> cluster) {
        this.cluster = cluster;
        this.leader = cluster.isEmpty();
        this.loginAllAtStart = loginAllAtStart;
        this.statsEveryMs = statsEvery.toMillis();
        this.settings = settings;
        this.telephony = telephony;
        this.clock = clock;
        this.meters = meters;
        this.intervals = intervals;
    }

    /**
     * The call being handed over by the IVR right now (its caller is still in the IVR's session, not on hold) or
     * restored at a takeover: its first announcement is not played.
     */
    private String arriving = "";

    /** The score rules applied at enqueue; none unless {@link #withScoreRouting} is called before deployment. */
    private ScoreRouting scoreRouting = ScoreRouting.off();

    /** Capacities per channel, offer timeout and wrap-ups of chats and emails; the defaults unless set. */
    private MediaSettings mediaSettings = MediaSettings.DEFAULT;
    /** The chat and email contract's requests and publications. */
    private MediaRequests media;

    /**
     * Where a standby sends the requests it gets when the nodes share a clustered event bus: to the node holding the
     * routing lease, whose answer (or refusal) it relays. Without one a standby answers 503.
     */
    public interface StandbyForward {
        /** Passes the request to the routing node and answers {@code request} with that node's reply. */
        void toLeader(String address, io.vertx.core.eventbus.Message<Object> request);
    }

    private Optional<StandbyForward> standbyForward = Optional.empty();

    /** A standby passes the requests it gets to the routing node through {@code forward}. Call before deploying. */
    public AcdVerticle withStandbyForward(StandbyForward forward) {
        this.standbyForward = Optional.of(java.util.Objects.requireNonNull(forward, "forward"));
        return this;
    }

    /** Routes chats and emails with these settings. Call before deploying. */
    public AcdVerticle withMedia(MediaSettings settings) {
        this.mediaSettings = java.util.Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Applies the score rules to callers of known customers as they are enqueued. Call before deploying. */
    public AcdVerticle withScoreRouting(ScoreRouting routing) {
        this.scoreRouting = java.util.Objects.requireNonNull(routing, "routing");
        return this;
    }


    @Override
    public Future<?> start() {
        List<AgentProfile> profiles = settings.agents().stream().map(AcdSettings.AgentPhone::profile).toList();
        settings.agents().forEach(a -> dialStrings.put(a.profile().agentId(), a.dialString()));
        state = new AcdState(settings.priorityPointWorth(), settings.queues(), profiles, clock.instant(),
                mediaSettings);
        bus = vertx.eventBus();
        progress = new CallProgress(bus);
        AcdAddresses.registerCodecs(bus);
        RoutingView view = new RoutingView();
        offers = new AgentOffers(settings, telephony, calls, meters, dialStrings, vertx, progress, view);
        lease = new RoutingLease(cluster, settings, calls, view);
        new AcdRequests(settings, calls, view, scoreRouting, vertx).register(bus);
        media = new MediaRequests(view, id -> lease.mirrorMedia(id));
        media.register(bus);
        telephony.onCallEvent(e -> context.runOnContext(v -> onCallEvent(e)));
        tickTimer = vertx.setPeriodic(settings.tickEvery().toMillis(), id -> tick());
        intervalTimer = vertx.setPeriodic(settings.interval().toMillis(), id -> closeInterval());
        if (lease.clustered()) {
            leaseTimer = vertx.setPeriodic(1, lease.renewEveryMs(), id -> lease.renew());
            return Future.succeededFuture();
        }
        loginAll();
        publishStats();
        return Future.succeededFuture();
    }

    private void loginAll() {
        loginAll(Set.of());
    }

    /** Logs in every logged-out agent not in {@code known} (agents whose state another node recorded). */
    private void loginAll(Set<String> known) {
        if (!loginAllAtStart) {
            return;
        }
        int n = 0;
        for (String agentId : state.agentIds()) {
            if (!known.contains(agentId)
                    && state.agentState(agentId).map(a -> a.status() == AgentStatus.LOGGED_OUT).orElse(false)) {
                run(new AcdEvent.AgentStateChanged(agentId, AgentStatus.AVAILABLE, "", now()));
                n++;
            }
        }
        log.info("{} agents logged in as available at start", n);
    }

    /** A fresh router and an empty call book: before a takeover, or when the lease is lost. */
    private void resetState() {
        List<AgentProfile> profiles = settings.agents().stream().map(AcdSettings.AgentPhone::profile).toList();
        state = new AcdState(settings.priorityPointWorth(), settings.queues(), profiles, clock.instant(),
                mediaSettings);
        calls.clear();
        lease.clear();
        figures.reset();
    }

    @Override
    public Future<?> stop() {
        // The lease is not given up here: a stopping node may still have offers in flight; the standby takes over
        // when the lease runs out.
        stopped = true;
        if (leader && lease != null && lease.clustered()) {
            bus.publish(AcdAddresses.ROUTING_LEAD_CHANGED, new RoutingLeadChanged(false, now()));
        }
        leader = false;
        vertx.cancelTimer(leaseTimer);
        vertx.cancelTimer(tickTimer);
        vertx.cancelTimer(intervalTimer);
        return Future.succeededFuture();
    }

    // --------------------------------------------------------------------------------- telephony events


    private void onCallEvent(CallEvent e) {
        if (!leader) {
            if (e instanceof CallEvent.CallHungUp h) {
                lease.hungUpWhileStandby(h.leg().server(), h.leg().uniqueId());
            }
            return;
        }
        if (e instanceof CallEvent.CallHungUp h && lease.freedAgentBusyAtTakeover(h.leg().server(),
                h.leg().uniqueId())) {
            return;
        }
        if (e instanceof CallEvent.VariableSet v && AcdTranslation.OFFER_VARIABLE.equals(v.name())) {
            offers.agentLegSeen(v);
            return;
        }
        if (e instanceof CallEvent.VariableSet v && AcdTranslation.CONFIRM_VARIABLE.equals(v.name())) {
            offers.customerConfirm(v);
            return;
        }
        if (!(e instanceof CallEvent.CallHungUp h)) {
            return;
        }
        String callId = calls.removeLeg(legKey(h.leg().server(), h.leg().uniqueId()));
        if (callId == null) {
            return;
        }
        Optional<CallView> view = state.call(callId);
        if (view.isEmpty()) {
            return;
        }
        boolean connected = view.get().phase() == CallPhase.CONNECTED;
        AcdCalls.Offer offer = calls.offers.get(callId);
        if (connected && offer != null && offer.confirmFirst && !"confirmed".equals(offer.confirm)) {
            // the agent's leg ended without the customer's 1: nobody talked
            offers.settleUnconfirmed(callId, offer);
            return;
        }
        if (connected && offer != null && h.leg().uniqueId().equals(callId) && !offer.agentChannel.isEmpty()) {
            // the caller hung up: the agent's leg went back to waiting in the agent-wait context, so end it too
            offers.hangup(settings.server(), offer.agentChannel);
        }
        run(connected ? new AcdEvent.CallEnded(callId, now()) : new AcdEvent.CallAbandoned(callId, now()));
    }

    // ------------------------------------------------------------------------------------------ commands

    /** Applies the event and carries out its commands; the refusal reason when the router refused it. */
    private Optional<String> run(AcdEvent event) {
        changed = true;
        String eventCall = callIdOf(event);
        Optional<CallView> before = eventCall.isEmpty() ? Optional.empty() : state.call(eventCall);
        List<AcdCommand> commands;
        try {
            commands = state.apply(event);
        } catch (RuntimeException defect) {
            log.error("router failed on {}", event, defect);
            return Optional.of("internal error");
        }
        if (commands.stream().noneMatch(c -> c instanceof AcdCommand.EventRefused)) {
            // before the commands: a queue is entered before an overflow leaves it
            progress.accepted(event, before, event.at());
        }
        Optional<String> refused = Optional.empty();
        for (AcdCommand c : commands) {
            if (c instanceof AcdCommand.EventRefused r) {
                log.debug("refused {}: {}", r.event(), r.reason());
                refused = Optional.of(r.reason());
            } else {
                execute(c);
            }
        }
        if (lease.clustered()) {
            touched.add(callIdOf(event));
            touched.remove("");
            for (String callId : touched) {
                lease.mirrorCall(callId);
            }
        }
        // emptied on one node too: a call per offer kept here for good was the soak's one heap leak
        touched.clear();
        media.publishStats(false);
        if (event instanceof AcdEvent.CallEnded || event instanceof AcdEvent.CallAbandoned) {
            String callId = event instanceof AcdEvent.CallEnded ce ? ce.callId()
                    : ((AcdEvent.CallAbandoned) event).callId();
            if (state.call(callId).isEmpty()) {
                forget(callId);
            }
        }
        return refused;
    }

    /** Calls a router step changed, to write to the live-state store once the step is done. */
    private final Set<String> touched = new HashSet<>();

    private static String callIdOf(AcdEvent e) {
        if (e instanceof AcdEvent.CallArrived a) {
            return a.callId();
        } else if (e instanceof AcdEvent.CallbackRequested r) {
            return r.callId();
        } else if (e instanceof AcdEvent.CallbackScheduled s) {
            return s.callId();
        } else if (e instanceof AcdEvent.CallbackDeclined d) {
            return d.callId();
        } else if (e instanceof AcdEvent.AgentAnswered a) {
            return a.callId();
        } else if (e instanceof AcdEvent.RingNoAnswer r) {
            return r.callId();
        } else if (e instanceof AcdEvent.RingFailed r) {
            return r.callId();
        } else if (e instanceof AcdEvent.CallAbandoned a) {
            return a.callId();
        } else if (e instanceof AcdEvent.CallEnded c) {
            return c.callId();
        }
        return "";
    }

    private void execute(AcdCommand c) {
        if (media.execute(c)) {
            return;
        }
        if (c instanceof AcdCommand.OfferCall o) {
            touched.add(o.callId());
        } else if (c instanceof AcdCommand.CancelOffer x) {
            touched.add(x.callId());
        } else if (c instanceof AcdCommand.Overflow o) {
            touched.add(o.callId());
        }
        if (c instanceof AcdCommand.OfferCall o) {
            offers.offer(o);
        } else if (c instanceof AcdCommand.PlaceCallback p) {
            offers.placeCallback(p);
        } else if (c instanceof AcdCommand.CancelOffer x) {
            offers.cancel(x);
        } else if (c instanceof AcdCommand.Overflow o) {
            overflow(o);
        } else if (c instanceof AcdCommand.AnnouncePosition a) {
            AcdCalls.Caller caller = calls.callers.get(a.callId());
            long waitSeconds = a.estimatedWait().map(d -> d.toSeconds()).orElse(-1L);
            bus.publish(AcdAddresses.CALL_POSITION_ANNOUNCED, new QueuePositionAnnounced(a.callId(),
                    caller == null ? "" : caller.channel(), a.queueId(), a.position(), waitSeconds, now()));
            if (caller != null && !a.callId().equals(arriving)) {
                playAnnouncement(caller, a.position(), waitSeconds);
            }
        } else if (c instanceof AcdCommand.AgentStateEntered s) {
            lease.mirrorAgent(s.agentId(), s.state());
            bus.publish(Addresses.ACD_AGENT_STATE_CHANGED, AcdTranslation.statusChanged(s.agentId(), s.state()));
        }
    }

    /**
     * Sends the waiting caller to the announcement context: the IVR says the place and the wait, then the dialplan
     * returns the caller to the music. The router announces only callers with no offer in flight, and both actions
     * go out on the control link ahead of any later originate, so the redirect has taken effect before an agent's
     * phone can be answered. If an agent is bridged in while the announcement plays, Asterisk moves the caller out of
     * the AGI into the bridge and the context hangs the caller up when that bridge ends (see extensions.conf).
     * Not done while the IVR is still handing the caller over (a redirect then would cut the IVR session short).
     */
    private void playAnnouncement(AcdCalls.Caller caller, int position, long waitSeconds) {
        if (settings.announceContext().isEmpty() || caller.channel().isEmpty()) {
            return;
        }
        String channel = caller.channel();
        telephony.setVariable(caller.server(), channel, AcdTranslation.ANNOUNCE_VARIABLE,
                        AcdTranslation.announcement(position, waitSeconds, caller.language()))
                .onFailure(err -> log.debug("announcement for {} not set: {}", channel, err.getMessage()));
        telephony.redirect(caller.server(), channel, settings.announceContext(), "s", 1)
                .onFailure(err -> log.debug("announcement redirect of {} failed: {}", channel, err.getMessage()));
    }

    private void overflow(AcdCommand.Overflow o) {
        AcdCalls.Caller caller = calls.callers.get(o.callId());
        String channel = caller == null ? "" : caller.channel();
        CallOverflowed published = AcdTranslation.overflowed(o, channel, now());
        meters.overflowed(o.fromQueue(), published.reason());
        bus.publish(AcdAddresses.CALL_OVERFLOWED, published);
        progress.overflowed(published);
        if (caller == null) {
            return;
        }
        if (o.target() instanceof OverflowTarget.ToVoicemail v) {
            forget(o.callId());
            telephony.redirect(caller.server(), channel, settings.voicemailContext(), v.mailbox(), 1)
                    .onFailure(err -> log.warn("voicemail redirect of {} failed: {}", channel, err.getMessage()));
        } else if (o.target() instanceof OverflowTarget.ToCallback) {
            calls.removeLeg(legKey(caller.server(), o.callId()));
            telephony.redirect(caller.server(), channel, settings.callbackContext(), "s", 1)
                    .onFailure(err -> log.warn("callback redirect of {} failed: {}", channel, err.getMessage()));
        }
    }

    private void forget(String callId) {
        progress.forget(callId);
        calls.forget(callId);
    }

    // ------------------------------------------------------------------------------------- time, metrics

    private void tick() {
        if (!leader) {
            return;
        }
        run(new AcdEvent.Tick(now()));
        Map<AgentStatus, Integer> byStatus = new EnumMap<>(AgentStatus.class);
        for (String agentId : state.agentIds()) {
            state.agentState(agentId).ifPresent(s -> byStatus.merge(s.status(), 1, Integer::sum));
        }
        meters.update(state.queueMetrics(now()), byStatus);
        long elapsed = System.nanoTime() / 1_000_000 - lastStatsAt;
        if (elapsed >= statsEveryMs || changed && elapsed >= Math.min(statsEveryMs, WALLBOARD_MIN_GAP_MS)) {
            publishStats();
        }
    }

    /** The wallboard figures from the router's metrics; the tick just before counts as no change. */
    private void publishStats() {
        Instant at = now();
        bus.publish(Addresses.ACD_QUEUE_STATS_UPDATED, figures.select(
                AcdTranslation.stats(state.queueMetrics(at), state.agentMetrics(at), at), at));
        // the media figures also go out with every agent only as often; in between, only when a load changed
        media.publishStats(figures.wasFull());
        lastStatsAt = System.nanoTime() / 1_000_000;
        changed = false;
    }

    /** Changes are shown this soon at the earliest: at 100 calls/s every event would otherwise send figures. */
    private static final long WALLBOARD_MIN_GAP_MS = 200;

    private void closeInterval() {
        if (!leader) {
            return;
        }
        run(new AcdEvent.Tick(now()));
        IntervalSnapshot snapshot = state.closeInterval(now());
        try {
            intervals.accept(snapshot);
        } catch (RuntimeException e) {
            log.error("storing the ACD interval {} - {} failed", snapshot.start(), snapshot.end(), e);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static String legKey(String server, String uniqueId) {
        return AcdCalls.legKey(server, uniqueId);
    }

    /** The router as the event-bus requests see it. */
    private final class RoutingView implements AcdRequests.Routing, RoutingLease.Node, AgentOffers.Router {
        /** A request another node forwarded is answered here (or refused 503), never forwarded again. */
        @Override
        @SuppressWarnings("unchecked")
        public <T> io.vertx.core.Handler<io.vertx.core.eventbus.Message<T>> orForward(
                String address, io.vertx.core.Handler<io.vertx.core.eventbus.Message<T>> handler) {
            if (standbyForward.isEmpty()) {
                return handler;
            }
            StandbyForward forward = standbyForward.get();
            return m -> {
                if (!leader && m.headers().get(cc.core.contract.ClusterAddresses.FORWARDED_HEADER) == null) {
                    forward.toLeader(address, (io.vertx.core.eventbus.Message<Object>) m);
                } else {
                    handler.handle(m);
                }
            };
        }

        @Override
        public boolean leads() {
            return leader;
        }

        @Override
        public void leads(boolean leads) {
            boolean was = leader;
            leader = leads;
            if (was != leads) {
                // call control on this node carries out what facts about calls call for only while this node routes
                bus.publish(AcdAddresses.ROUTING_LEAD_CHANGED, new RoutingLeadChanged(leads, now()));
            }
        }

        @Override
        public boolean stopped() {
            return stopped;
        }

        @Override
        public void reset() {
            resetState();
        }

        @Override
        public void loginAll(Set<String> known) {
            AcdVerticle.this.loginAll(known);
        }

        @Override
        public void publishStats() {
            AcdVerticle.this.publishStats();
        }

        @Override
        public AcdState state() {
            return state;
        }

        @Override
        public Optional<String> run(AcdEvent event) {
            return AcdVerticle.this.run(event);
        }

        @Override
        public void forget(String callId) {
            AcdVerticle.this.forget(callId);
        }

        @Override
        public void mirror(String callId) {
            lease.mirrorCall(callId);
        }

        @Override
        public Optional<AcdCalls.Caller> connectedAtTakeover(String callId) {
            return lease.connectedAtTakeover(callId);
        }

        @Override
        public void handedOn(String callId) {
            lease.handedOn(callId);
        }

        @Override
        public void ringFor(String ringId) {
            progress.ringFor(ringId);
        }

        @Override
        public void arriving(String callId) {
            arriving = callId;
        }

        @Override
        public Instant now() {
            return AcdVerticle.this.now();
        }
    }
}
