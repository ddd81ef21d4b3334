package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

/** Event-bus addresses the agent console adds, with the records they carry. */
public final class ConsoleAddresses {
    private ConsoleAddresses() {}

    /**
     * {@link ScheduleCallback}: an agent promises the customer a call back at a time (request to whoever schedules
     * outbound calls, the dialer; the reply is empty, or a failure with the reason).
     */
    public static final String CALLBACK_SCHEDULE = "cc.console.callback.schedule";

    /** Registers the local codecs of this file's records (call once per Vert.x instance, like the core contracts). */
    public static void registerCodecs(EventBus bus) {
        LocalRecordCodec.register(bus, ScheduleCallback.class);
    }
}
