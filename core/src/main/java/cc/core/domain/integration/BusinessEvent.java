package cc.core.domain.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * One fact told to other systems: written to the outbox in the same transaction as the change it describes, and
 * delivered at least once, in order per entity.
 *
 * @param id          unique per event (a UUID): a receiver that sees an id twice drops the second copy
 * @param type        what happened
 * @param entityId    the interaction id, customer id, opportunity id, attempt id or agent id the event is about;
 *                    events of one entity are delivered in the order they were written
 * @param occurredAt  when the change happened (the server's clock at the change, not at delivery)
 * @param payloadJson the event's body as a JSON object, built by the adapter that writes the change
 */
public record BusinessEvent(String id, BusinessEventType type, String entityId, Instant occurredAt,
        String payloadJson) {

    public BusinessEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
        if (!payloadJson.startsWith("{")) {
            throw new IllegalArgumentException("payload must be a JSON object: " + payloadJson);
        }
    }

    /** A new event with a random id. */
    public static BusinessEvent of(BusinessEventType type, String entityId, Instant occurredAt, String payloadJson) {
        return new BusinessEvent(java.util.UUID.randomUUID().toString(), type, entityId, occurredAt, payloadJson);
    }
}
