package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.util.List;

/**
 * Event-bus addresses of lookups into other systems ({@code cc.integration.lookup.<verb>}): the pop and the IVR ask,
 * for example, an order system for the customer's last orders. The integration module owns the HTTP calls, their
 * timeouts, cache and circuit breaker; an asker never waits beyond the budget it names and shows what it got or says
 * the system did not answer.
 */
public final class LookupAddresses {
    private LookupAddresses() {}

    /** {@link LookupRequest}: ask one configured lookup (request; reply {@link LookupReply}, never a failure). */
    public static final String ASK = "cc.integration.lookup.ask";

    /** The body records of these addresses, for {@link #registerCodecs}. */
    public static final List<Class<? extends Record>> RECORDS = List.of(LookupRequest.class, LookupReply.class);

    /** Registers the local codec of every record here that has none yet on this event bus. */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
