package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.util.List;

/**
 * Event-bus addresses of click-to-talk, {@code cc.dialer.click-to-talk.<verb>}: a customer on the public web page asks
 * the center to call them now or at a time. The public page checks who asks (limits per address, number and day) and
 * hands the request to the dialer, which owns the lines: it dials the customer when due, within the dial rules, the
 * do-not-call list and the line caps, plays the confirmation ("you asked us to call you; press 1 to talk to us") and
 * only on a 1 puts the customer in the queue, keeping the place the request took when it was made.
 */
public final class ClickToTalkAddresses {
    private ClickToTalkAddresses() {}

    /**
     * {@link ClickToTalkRequest}: schedule a call to the customer (request; reply {@link ClickToTalkStatus} with state
     * {@code scheduled}, or fail 409 with the reason when the dial rules, the do-not-call list or the dialer's own
     * limits refuse it).
     */
    public static final String REQUEST = "cc.dialer.click-to-talk.request";

    /** {@link ClickToTalkQuery}: the request's latest state (reply {@link ClickToTalkStatus}; 404 unknown). */
    public static final String QUERY = "cc.dialer.click-to-talk.query";

    /** {@link ClickToTalkQuery}: cancel a request not yet dialled (reply {@link ClickToTalkStatus}; 409 too late). */
    public static final String CANCEL = "cc.dialer.click-to-talk.cancel";

    /** {@link ClickToTalkStatus}: a request changed state (published). */
    public static final String STATUS = "cc.dialer.click-to-talk.status";

    /** The body records of these addresses, for {@link #registerCodecs}. */
    public static final List<Class<? extends Record>> RECORDS = List.of(ClickToTalkRequest.class,
            ClickToTalkQuery.class, ClickToTalkStatus.class);

    /** Registers the local codec of every record here that has none yet on this event bus. */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
