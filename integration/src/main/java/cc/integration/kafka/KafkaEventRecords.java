package cc.integration.kafka;

import cc.core.app.integration.StoredEvent;
import cc.core.domain.integration.BusinessEvent;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How an outbox event looks on Kafka: topic {@code <prefix>.<family>}, key the entity id (so one entity's events
 * land in one partition and keep their order), value the event as JSON, and headers {@code cc-event-id} and
 * {@code cc-event-type} so a consumer can drop duplicates or filter without parsing the value.
 */
final class KafkaEventRecords {
    static final String ID_HEADER = "cc-event-id";
    static final String TYPE_HEADER = "cc-event-type";

    private KafkaEventRecords() {}

    static ProducerRecord<String, String> record(String topicPrefix, StoredEvent stored) {
        BusinessEvent e = stored.event();
        String topic = topicPrefix + "." + e.type().family();
        return new ProducerRecord<>(topic, null, e.entityId(), json(e), List.of(
                new RecordHeader(ID_HEADER, e.id().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(TYPE_HEADER, e.type().wire().getBytes(StandardCharsets.UTF_8))));
    }

    /** {@code {"id","type","entityId","occurredAt","payload"}}: the same fields a webhook receiver reads. */
    static String json(BusinessEvent e) {
        return new JsonObject()
                .put("id", e.id())
                .put("type", e.type().wire())
                .put("entityId", e.entityId())
                .put("occurredAt", e.occurredAt().toString())
                .put("payload", new JsonObject(e.payloadJson()))
                .encode();
    }
}
