package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Event-bus addresses of the webhook deliveries ({@code cc.integration.webhook.<verb>}): what the console's admin pages
 * ask the integration module. Every request is an admin's; the console checks the role before it asks.
 */
public final class WebhookAddresses {
    private WebhookAddresses() {}

    /** {@link StatusQuery}: each subscription's progress (request; reply {@link Status}). */
    public static final String STATUS = "cc.integration.webhook.status";

    /** {@link ListDeadLetters}: parked events, newest first (request; reply {@link DeadLetters}). */
    public static final String DEAD_LETTERS = "cc.integration.webhook.dead-letters";

    /**
     * {@link ReplayDeadLetter}: send one parked event to its subscription again now, signed afresh (request; reply
     * {@link Replayed}; fails 404 for an unknown id).
     */
    public static final String REPLAY = "cc.integration.webhook.replay";

    /** Asks for every subscription's progress. */
    public record StatusQuery() {}

    /**
     * One subscription as the relay sees it.
     *
     * @param cursor    the outbox seq delivered (or parked) last
     * @param behind    events in the outbox after the cursor
     * @param lagMillis how old the oldest undelivered event is (0 when none waits)
     * @param failures  failed attempts in a row on the current batch (0: delivering normally)
     * @param lastError the last attempt's failure, empty once one succeeded
     * @param parked    dead letters not yet replayed
     */
    public record Subscription(String name, String url, List<String> events, long cursor, long behind,
                               long lagMillis, int failures, String lastError, long parked) {}

    public record Status(List<Subscription> subscriptions) {}

    /** @param subscription empty for every subscription; {@code includeReplayed} false lists only waiting ones */
    public record ListDeadLetters(String subscription, boolean includeReplayed, int limit) {}

    /** One parked event. {@code replayedAt} is set once an admin's replay was accepted by the receiver. */
    public record DeadLetter(long id, String subscription, long seq, String eventId, String type, String entityId,
                             Instant occurredAt, Instant parkedAt, int attempts, String lastError,
                             Optional<Instant> replayedAt, Optional<String> replayedBy) {}

    public record DeadLetters(List<DeadLetter> deadLetters) {}

    /** @param by the admin's login, kept with the dead letter */
    public record ReplayDeadLetter(long id, String by) {}

    /** @param delivered whether the receiver answered 2xx; {@code error} says why not */
    public record Replayed(long id, boolean delivered, int httpStatus, String error) {}

    /** The body records of these addresses. */
    public static final List<Class<? extends Record>> RECORDS = List.of(StatusQuery.class, Status.class,
            ListDeadLetters.class, DeadLetters.class, ReplayDeadLetter.class, Replayed.class);

    /** Registers the local codec of every record here that has none yet on this event bus. */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
