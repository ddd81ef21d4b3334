package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.util.List;

/**
 * Event-bus addresses of call control on a call in progress: what an agent, a supervisor or a module asks of a call
 * (hold, transfer, conference, recording...) and what the call became. Each constant names the body record it carries.
 */
public final class CallControlAddresses {
    private CallControlAddresses() {}

    /**
     * {@link CallControlRequest}: carry out an intent on a call (request; reply {@link CallControlReply}, never a
     * failure: a refused intent is a reply with its error code).
     */
    public static final String REQUEST = "cc.callcontrol.call.request";

    /** {@link CallControlChanged}: a call's control state changed (published; consoles push it to the call's agent). */
    public static final String CHANGED = "cc.callcontrol.call.changed";

    /** {@link RecordingChanged}: a recording file of a call started or ended (published; the recordings library stores it). */
    public static final String RECORDING_CHANGED = "cc.callcontrol.recording.changed";

    /** The body records of these addresses, for {@link #registerCodecs}. */
    public static final List<Class<? extends Record>> RECORDS = List.of(CallControlRequest.class,
            CallControlReply.class, CallControlChanged.class, RecordingChanged.class);

    /** Registers the local codec of every call-control record that has none yet on this event bus. */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
