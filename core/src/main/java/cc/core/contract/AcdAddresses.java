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

    /** The body records of these addresses, for {@link #registerCodecs}. */
    public static final List<Class<? extends Record>> RECORDS = List.of(EndWrapUp.class, QueuePositionAnnounced.class, CallOverflowed.class,
            CallbackRequest.class, CallQueued.class);

    /**
     * Registers the local codec of every ACD record that has none yet on this event bus (safe to call from each
     * component that needs them).
     */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
