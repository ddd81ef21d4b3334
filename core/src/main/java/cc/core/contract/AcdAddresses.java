package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.util.List;

/**
 * Event-bus addresses of the ACD that only the ACD and the IVR use, {@code cc.acd.<entity>.<verb>}: commands
 * imperative, events past tense. Each constant names the body record it carries. The ones consoles and wallboards
 * use are in {@link Addresses} ({@code ACD_*}); the IVR's hand-over, {@link Addresses#ACD_CALL_ENQUEUE}, replies
 * with {@link CallQueued}.
 */
public final class AcdAddresses {
    private AcdAddresses() {}

    /** {@link EndWrapUp}: an agent finished wrap-up early (request; reply {@link AgentStateChanged} or 409). */
    public static final String AGENT_END_WRAP_UP = "cc.acd.agent.end-wrap-up";

    /** {@link QueuePositionAnnounced}: tell a waiting caller the place in line and the estimated wait (published). */
    public static final String CALL_POSITION_ANNOUNCED = "cc.acd.call.position-announced";

    /** {@link CallOverflowed}: a caller left the queue for another queue, voicemail or a callback (published). */
    public static final String CALL_OVERFLOWED = "cc.acd.call.overflowed";

    /** {@link CallbackRequest}: a waiting caller trades the wait for a callback (request; reply {@link CallQueued}). */
    public static final String CALL_REQUEST_CALLBACK = "cc.acd.call.request-callback";

    /**
     * {@link TransferCall}: call control hands a connected call back to be routed to a queue or one agent (request;
     * reply {@link CallQueued}, or fail 404 no such call / 409 refused with the reason).
     */
    public static final String CALL_TRANSFER = "cc.acd.call.transfer";

    /**
     * {@link RingAgentFor}: ring one agent to consult on, or join a conference of, a call in progress (request;
     * reply {@link CallQueued}, or fail 404 / 409 with the reason, e.g. the agent is not available).
     */
    public static final String CALL_RING_AGENT_FOR = "cc.acd.call.ring-agent-for";

    /**
     * {@link CancelRing}: withdraw a ring of one agent nobody answered yet (request; reply {@link CallQueued}, or fail
     * 409 when it is no longer ringing).
     */
    public static final String CALL_CANCEL_RING = "cc.acd.call.cancel-ring";

    /** {@link CallConnected}: an agent was joined to a call (published; call control takes it from there). */
    public static final String CALL_CONNECTED = "cc.acd.call.connected";

    /** {@link CallScoreRouted}: the score rules acted on a caller at enqueue (published; kept on the interaction). */
    public static final String CALL_SCORE_ROUTED = "cc.acd.call.score-routed";

    /**
     * {@link CallbackSettled}: a callback the customer must confirm was confirmed (the agent talks to the customer),
     * declined or not reached (the agent is available again at once) (published).
     */
    public static final String CALLBACK_SETTLED = "cc.acd.callback.settled";

    /**
     * {@link RoutingLeadChanged}: this node's ACD began or stopped routing (published on the node's own bus, not
     * relayed to other nodes).
     */
    public static final String ROUTING_LEAD_CHANGED = "cc.acd.routing.lead-changed";

    /** The body records of these addresses, for {@link #registerCodecs}. */
    public static final List<Class<? extends Record>> RECORDS = List.of(EndWrapUp.class, QueuePositionAnnounced.class, CallOverflowed.class,
            CallbackRequest.class, CallQueued.class, TransferCall.class, RingAgentFor.class, CancelRing.class, CallConnected.class,
            CallScoreRouted.class, CallbackSettled.class, RoutingLeadChanged.class);

    /**
     * Registers the local codec of every ACD record that has none yet on this event bus (safe to call from each
     * component that needs them).
     */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
