package cc.acd.app;

import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdEvent;
import cc.acd.domain.routing.AcdState;
import cc.acd.domain.routing.CallPhase;
import cc.acd.domain.routing.CallView;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallQueued;
import cc.core.contract.CallbackRequest;
import cc.core.contract.CancelRing;
import cc.core.contract.ChangeAgentState;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.EndWrapUp;
import cc.core.contract.EnqueueCall;
import cc.core.contract.RingAgentFor;
import cc.core.contract.ScheduleCallback;
import cc.core.contract.TransferCall;
import cc.acd.domain.rules.RuleDecision;
import cc.core.contract.CallScoreRouted;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the ACD is asked on the event bus: callers handed over by the IVR and the dialer, agents' state changes and
 * early wrap-up ends, callbacks asked for by a waiting caller or promised by an agent, and call control's hand-overs
 * (a transfer routed again, one agent rung for a consultation or a conference). Each is turned into router events;
 * a standby node answers 503, or, on a clustered event bus, passes the request to the node that routes.
 *
 * <p>Threading: on the ACD verticle's context only.
 */
final class AcdRequests {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AcdRequests.class);
    static final String STANDBY = "this node is a standby; the node holding the routing lease routes";

    /** What the requests need of the verticle that owns the router. */
    interface Routing {
        /** Whether this node routes now. */
        boolean leads();

        AcdState state();

        /** Applies the event and carries out its commands; the refusal reason when the router refused it. */
        Optional<String> run(AcdEvent event);

        void forget(String callId);

        /** Writes the call to the shared live state (several nodes). */
        void mirror(String callId);

        /**
         * A call the old leader had connected to an agent when this node took routing over, still talking (its
         * caller as the old leader wrote it); empty for any other call.
         */
        default Optional<AcdCalls.Caller> connectedAtTakeover(String callId) {
            return Optional.empty();
        }

        /** The call {@link #connectedAtTakeover} named is transferred: the router follows its caller from now. */
        default void handedOn(String callId) {
        }

        /** Marks a ring for one agent: its progress is no queue wait of the customer's. */
        void ringFor(String ringId);

        /** The call being handed over right now (its first announcement is not played); empty when none. */
        void arriving(String callId);

        Instant now();

        /**
         * The handler of requests at {@code address}: {@code handler} itself, or, on a clustered event bus, one that
         * passes what a standby gets to the node that routes and relays its answer.
         */
        default <T> io.vertx.core.Handler<Message<T>> orForward(String address,
                                                                io.vertx.core.Handler<Message<T>> handler) {
            return handler;
        }
    }

    private final AcdSettings settings;
    private final AcdCalls calls;
    private final Routing routing;
    private final ScoreRouting scoreRouting;
    private final Vertx vertx;
    private EventBus bus;

    AcdRequests(AcdSettings settings, AcdCalls calls, Routing routing, ScoreRouting scoreRouting, Vertx vertx) {
        this.settings = settings;
        this.calls = calls;
        this.routing = routing;
        this.scoreRouting = scoreRouting;
        this.vertx = vertx;
    }

    void register(EventBus bus) {
        this.bus = bus;
        bus.<EnqueueCall>consumer(Addresses.ACD_CALL_ENQUEUE,
                routing.orForward(Addresses.ACD_CALL_ENQUEUE, this::onEnqueue));
        bus.<ChangeAgentState>consumer(Addresses.ACD_AGENT_CHANGE_STATE,
                routing.orForward(Addresses.ACD_AGENT_CHANGE_STATE, this::onAgentStateRequest));
        bus.<EndWrapUp>consumer(AcdAddresses.AGENT_END_WRAP_UP,
                routing.orForward(AcdAddresses.AGENT_END_WRAP_UP, this::onEndWrapUp));
        bus.<CallbackRequest>consumer(AcdAddresses.CALL_REQUEST_CALLBACK,
                routing.orForward(AcdAddresses.CALL_REQUEST_CALLBACK, this::onCallbackRequest));
        bus.<ScheduleCallback>consumer(ConsoleAddresses.CALLBACK_SCHEDULE,
                routing.orForward(ConsoleAddresses.CALLBACK_SCHEDULE, this::onScheduleCallback));
        bus.<TransferCall>consumer(AcdAddresses.CALL_TRANSFER,
                routing.orForward(AcdAddresses.CALL_TRANSFER, this::onTransfer));
        bus.<RingAgentFor>consumer(AcdAddresses.CALL_RING_AGENT_FOR,
                routing.orForward(AcdAddresses.CALL_RING_AGENT_FOR, this::onRingAgentFor));
        bus.<CancelRing>consumer(AcdAddresses.CALL_CANCEL_RING,
                routing.orForward(AcdAddresses.CALL_CANCEL_RING, this::onCancelRing));
    }

    private void onEnqueue(Message<EnqueueCall> msg) {
        if (!routing.leads()) {
            msg.fail(503, STANDBY);
            return;
        }
        EnqueueCall e = msg.body();
        try {
            AcdTranslation.callArrived(e, routing.now());
        } catch (IllegalArgumentException bad) {
            msg.fail(400, "call " + e.uniqueId() + ": " + bad.getMessage());
            return;
        }
        if (calls.callers.containsKey(e.uniqueId())) {
            msg.fail(409, "call " + e.uniqueId() + " is already in the ACD");
            return;
        }
        String server = e.data().getOrDefault("server", settings.server());
        OptionalLong customer = scoreRouting.customerOf(e);
        if (customer.isEmpty()) {
            admit(msg, e, server, e.queue(), e.priority());
            return;
        }
        // the caller holds its place in the book while its scores are read: its hang-up, or a second request, is seen
        String leg = AcdCalls.legKey(server, e.uniqueId());
        calls.callers.put(e.uniqueId(), new AcdCalls.Caller(server, e.channel(), e.queue(), e.language(), e.data()));
        calls.putLeg(leg, e.uniqueId());
        Instant asked = routing.now();
        scoreRouting.decide(vertx, customer.getAsLong(), e.queue(), e.priority(), asked).onComplete(ar -> {
            boolean left = !calls.hasLeg(leg);
            calls.callers.remove(e.uniqueId());
            calls.removeLeg(leg);
            if (!routing.leads()) {
                msg.fail(503, STANDBY);
                return;
            }
            if (left) {
                msg.fail(409, "call " + e.uniqueId() + " hung up before it was queued");
                return;
            }
            Optional<RuleDecision> decision = ar.result();
            if (decision.isEmpty() || !decision.get().matched()) {
                admit(msg, e, server, e.queue(), e.priority());
                return;
            }
            RuleDecision d = decision.get();
            log.info("call {} of customer {}: score rules {} -> queue {}, priority {}: {}", e.uniqueId(),
                    customer.getAsLong(), d.changed() ? "applied" : "matched, nothing changed", d.queue(),
                    d.priority(), d.detail());
            bus.publish(AcdAddresses.CALL_SCORE_ROUTED, new CallScoreRouted(e.uniqueId(), d.queue(),
                    d.changed() ? CallScoreRouted.APPLIED : CallScoreRouted.UNCHANGED, d.detail(), routing.now()));
            admit(msg, e, server, d.queue(), d.priority());
        });
    }

    /** Puts the caller in the book and in the router, in {@code queue} with {@code priority}. */
    private void admit(Message<EnqueueCall> msg, EnqueueCall e, String server, String queue, int priority) {
        AcdEvent.CallArrived asked = AcdTranslation.callArrived(e, routing.now());
        AcdEvent.CallArrived arrived = new AcdEvent.CallArrived(asked.callId(), queue, asked.skills(), priority,
                asked.callbackNumber(), asked.at(), asked.direct());
        calls.callers.put(e.uniqueId(), new AcdCalls.Caller(server, e.channel(), queue, e.language(), e.data())
                .with(AcdTranslation.PRIORITY_KEY, String.valueOf(priority)));
        calls.putLeg(AcdCalls.legKey(server, e.uniqueId()), e.uniqueId());
        routing.arriving(e.uniqueId());
        Optional<String> refused;
        try {
            refused = routing.run(arrived);
        } finally {
            routing.arriving("");
        }
        if (refused.isPresent()) {
            calls.callers.remove(e.uniqueId());
            calls.removeLeg(AcdCalls.legKey(server, e.uniqueId()));
            msg.fail(409, refused.get());
            return;
        }
        msg.reply(queued(e.uniqueId()));
    }

    /**
     * Call control hands a connected call back to be routed again (a transfer to a queue, to an agent, or a
     * supervisor's take-over). The caller is already on hold; the agent on it goes to wrap-up, and that agent's leg is
     * call control's to hang up, so its hang-up no longer ends this call. A call the old leader connected (this node
     * took routing over since) is taken from what the old leader wrote to the store; its agent, paused as busy at the
     * takeover, is available again once that leg hangs up.
     */
    private void onTransfer(Message<TransferCall> msg) {
        if (!routing.leads()) {
            msg.fail(503, STANDBY);
            return;
        }
        TransferCall t = msg.body();
        AcdCalls.Caller caller = calls.callers.get(t.callId());
        Optional<CallView> view = routing.state().call(t.callId());
        // a call the node that routed before connected: this node's router never had it, the store did
        Optional<AcdCalls.Caller> adopted = caller == null ? routing.connectedAtTakeover(t.callId()) : Optional.empty();
        if (adopted.isEmpty() && (caller == null || view.isEmpty() || view.get().phase() != CallPhase.CONNECTED)) {
            msg.fail(404, "call " + t.callId() + " is not connected to an agent");
            return;
        }
        String queue = !t.queue().isBlank() ? t.queue()
                : adopted.isPresent() ? adopted.get().queue() : view.get().queueId();
        if (settings.queues().stream().noneMatch(q -> q.id().equals(queue))) {
            msg.fail(404, "no queue " + queue);
            return;
        }
        Optional<String> unavailable = unavailable(t.agentId());
        if (unavailable.isPresent()) {
            msg.fail(409, unavailable.get());
            return;
        }
        if (adopted.isPresent()) {
            caller = adopted.get();
        } else {
            AcdCalls.Offer old = calls.offers.remove(t.callId());
            if (old != null && !old.agentLeg.isEmpty()) {
                calls.removeLeg(AcdCalls.legKey(settings.server(), old.agentLeg));
            }
            routing.run(new AcdEvent.CallEnded(t.callId(), routing.now()));
        }
        Map<String, String> data = new HashMap<>(caller.data());
        data.put(AcdTranslation.TRANSFERRED_BY_KEY, t.byAgent());
        data.put(AcdTranslation.TRANSFER_NOTES_KEY, t.notes());
        calls.callers.put(t.callId(), new AcdCalls.Caller(caller.server(), caller.channel(), queue, caller.language(),
                data));
        calls.putLeg(AcdCalls.legKey(caller.server(), t.callId()), t.callId());
        Optional<String> refused = arrive(t.callId(), queue, data,
                t.agentId().isBlank() ? null : new AcdEvent.Direct(t.agentId(), false));
        if (refused.isPresent()) {
            // a call adopted at the takeover stays as it was: its caller's hang-up frees its agent
            routing.forget(t.callId());
            msg.fail(409, refused.get());
            return;
        }
        if (adopted.isPresent()) {
            routing.handedOn(t.callId());
        }
        msg.reply(queued(t.callId()));
    }

    /**
     * Rings one agent to consult on, or join a conference of, a call in progress (this node's, or one the node that
     * routed before connected).
     */
    private void onRingAgentFor(Message<RingAgentFor> msg) {
        if (!routing.leads()) {
            msg.fail(503, STANDBY);
            return;
        }
        RingAgentFor r = msg.body();
        AcdCalls.Caller customer = calls.callers.get(r.forCall());
        if (customer == null) {
            // a call the node that routed before connected: its caller as that node wrote it to the store (the call
            // stays with its agent, so it is not handed on)
            customer = routing.connectedAtTakeover(r.forCall()).orElse(null);
        }
        if (customer == null) {
            msg.fail(404, "call " + r.forCall() + " is not in the ACD");
            return;
        }
        if (calls.callers.containsKey(r.ringId())) {
            msg.fail(409, "ring " + r.ringId() + " is already in the ACD");
            return;
        }
        Optional<String> unavailable = unavailable(r.agentId());
        if (unavailable.isPresent()) {
            msg.fail(409, unavailable.get());
            return;
        }
        Map<String, String> data = new HashMap<>(customer.data());
        data.put(AcdTranslation.FOR_CALL_KEY, r.forCall());
        data.put(AcdTranslation.CONFERENCE_KEY, r.conference());
        data.put(AcdTranslation.TRANSFERRED_BY_KEY, r.byAgent());
        data.put(AcdTranslation.TRANSFER_NOTES_KEY, r.notes());
        data.put(AcdTranslation.PRIORITY_KEY, "1000");
        calls.callers.put(r.ringId(), new AcdCalls.Caller(customer.server(), r.bridgeWith(), customer.queue(),
                customer.language(),
                data));
        routing.ringFor(r.ringId());
        Optional<String> refused = arrive(r.ringId(), customer.queue(), data, new AcdEvent.Direct(r.agentId(), true));
        if (refused.isPresent()) {
            routing.forget(r.ringId());
            msg.fail(409, refused.get());
            return;
        }
        msg.reply(queued(r.ringId()));
    }

    /** Withdraws a ring nobody answered: the router stops the offer (the agent's leg is hung up), frees the agent. */
    private void onCancelRing(Message<CancelRing> msg) {
        if (!routing.leads()) {
            msg.fail(503, STANDBY);
            return;
        }
        String ringId = msg.body().ringId();
        Optional<CallView> view = routing.state().call(ringId);
        if (!calls.callers.containsKey(ringId) || view.isEmpty() || view.get().phase() != CallPhase.OFFERED) {
            msg.fail(409, "ring " + ringId + " is not ringing");
            return;
        }
        Optional<String> refused = routing.run(new AcdEvent.CallAbandoned(ringId, routing.now()));
        if (refused.isPresent()) {
            msg.fail(409, refused.get());
            return;
        }
        msg.reply(queued(ringId));
    }

    /** Why the agent cannot take a call meant for them now; empty when they can (or when no agent is named). */
    private Optional<String> unavailable(String agentId) {
        if (agentId.isBlank()) {
            return Optional.empty();
        }
        Optional<AgentState> agent = routing.state().agentState(agentId);
        if (agent.isEmpty()) {
            return Optional.of("no agent " + agentId);
        }
        if (agent.get().status() != AgentStatus.AVAILABLE) {
            return Optional.of("agent " + agentId + " is not available (" + agent.get().status().wireName() + ")");
        }
        return Optional.empty();
    }

    /** Routes a call (again) with the priority, skills and number its data keeps, without announcing its place. */
    private Optional<String> arrive(String callId, String queue, Map<String, String> data, AcdEvent.Direct direct) {
        int priority;
        try {
            priority = Integer.parseInt(data.getOrDefault(AcdTranslation.PRIORITY_KEY, "0"));
        } catch (NumberFormatException notANumber) {
            priority = 0;
        }
        String number = data.getOrDefault(AcdTranslation.CALLBACK_NUMBER_KEY, data.getOrDefault("callerNumber", ""));
        routing.arriving(callId);
        try {
            return routing.run(new AcdEvent.CallArrived(callId, queue,
                    AcdTranslation.parseSkills(data.getOrDefault(AcdTranslation.SKILLS_KEY, "")), priority, number,
                    routing.now(), direct));
        } catch (IllegalArgumentException badSkills) {
            return Optional.of(badSkills.getMessage());
        } finally {
            routing.arriving("");
        }
    }

    private void onCallbackRequest(Message<CallbackRequest> msg) {
        if (!routing.leads()) {
            msg.fail(503, STANDBY);
            return;
        }
        CallbackRequest r = msg.body();
        Optional<String> refused = routing.run(new AcdEvent.CallbackRequested(r.callId(), r.number(),
                routing.now()));
        if (refused.isPresent()) {
            msg.fail(409, refused.get());
            return;
        }
        AcdCalls.Caller c = calls.callers.get(r.callId());
        if (c != null) {
            // the caller now hangs up on purpose; that hang-up must not count as an abandon
            calls.removeLeg(AcdCalls.legKey(c.server(), r.callId()));
            calls.callers.put(r.callId(), c.with(AcdTranslation.CALLBACK_NUMBER_KEY, r.number()));
            routing.mirror(r.callId());
        }
        msg.reply(queued(r.callId()));
    }

    /**
     * An agent promised the customer a call back at a time: it waits as a virtual caller that becomes eligible at
     * that time, in the requested queue (or the first one). The console has already checked the number against the
     * dial rules.
     */
    private void onScheduleCallback(Message<ScheduleCallback> msg) {
        if (!routing.leads()) {
            msg.fail(503, STANDBY);
            return;
        }
        ScheduleCallback r = msg.body();
        String queue = r.queue().isBlank() ? settings.queues().get(0).id() : r.queue();
        String callId = r.callId().isBlank() ? "callback-" + java.util.UUID.randomUUID() : r.callId();
        if (calls.callers.containsKey(callId)) {
            msg.fail(409, "call " + callId + " is already in the ACD");
            return;
        }
        // a caller with no channel yet: its data pops the customer for the agent, and is what a new leader needs
        // to keep the promise
        Map<String, String> data = new HashMap<>(r.data());
        data.put(AcdTranslation.CALLBACK_NUMBER_KEY, r.number());
        if (r.confirmFirst()) {
            data.put(AcdTranslation.CALLBACK_DIAL_KEY, r.dial());
        }
        r.keptPlaceSince().ifPresent(t -> data.put(AcdTranslation.KEPT_PLACE_KEY, t.toString()));
        data.put(RoutingLease.CALLBACK_DUE_KEY, r.at().toString());
        if (r.customerId() > 0) {
            data.put("customerId", Long.toString(r.customerId()));
        }
        if (r.note() != null && !r.note().isBlank()) {
            data.put("topic", r.note());
        }
        calls.callers.put(callId, new AcdCalls.Caller(settings.server(), "", queue, "", data));
        Optional<String> refused = routing.run(new AcdEvent.CallbackScheduled(callId, queue, List.of(), 0, r.number(),
                r.at(), routing.now(), r.keptPlaceSince().orElse(null)));
        if (refused.isPresent()) {
            calls.callers.remove(callId);
            msg.fail(409, refused.get());
        } else {
            msg.reply(queued(callId));
        }
    }

    private void onAgentStateRequest(Message<ChangeAgentState> msg) {
        if (!routing.leads()) {
            msg.fail(503, STANDBY);
            return;
        }
        ChangeAgentState r = msg.body();
        AgentStatus target;
        try {
            target = AcdTranslation.requestedStatus(r.state());
        } catch (IllegalArgumentException bad) {
            msg.fail(400, bad.getMessage());
            return;
        }
        replyWithAgent(msg, r.agentId(), routing.run(new AcdEvent.AgentStateChanged(r.agentId(), target, r.reason(),
                routing.now())));
    }

    private void onEndWrapUp(Message<EndWrapUp> msg) {
        if (!routing.leads()) {
            msg.fail(503, STANDBY);
            return;
        }
        String agentId = msg.body().agentId();
        replyWithAgent(msg, agentId, routing.run(new AcdEvent.WrapUpEnded(agentId, routing.now())));
    }

    private void replyWithAgent(Message<?> msg, String agentId, Optional<String> refused) {
        if (refused.isPresent()) {
            msg.fail(409, refused.get());
        } else {
            msg.reply(AcdTranslation.statusChanged(agentId, routing.state().agentState(agentId).orElseThrow()));
        }
    }

    private CallQueued queued(String callId) {
        Optional<CallView> view = routing.state().call(callId);
        if (view.isEmpty()) {
            return new CallQueued(callId, "", "overflowed", 0, -1);
        }
        CallView c = view.get();
        if (c.phase() != CallPhase.WAITING) {
            return new CallQueued(callId, c.queueId(), c.virtual() ? "callback" : "offered", 0, -1);
        }
        AcdCommand.AnnouncePosition p = routing.state().position(callId).orElseThrow();
        return new CallQueued(callId, c.queueId(), c.virtual() ? "callback" : "waiting", p.position(),
                p.estimatedWait().map(d -> d.toSeconds()).orElse(-1L));
    }
}
