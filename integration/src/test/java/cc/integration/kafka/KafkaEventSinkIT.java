package cc.integration.kafka;

import cc.core.app.integration.StoredEvent;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka sink against a real Apache Kafka broker (KRaft, child JVM, loopback): what a consumer of the contact
 * center's events reads, and what the relay sees while the broker is down and after it is back.
 */
class KafkaEventSinkIT {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    private static KafkaBroker broker;
    private static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.start(3);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            Await.result(vertx.close());
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @DisplayName("events reach one topic per family, keyed by entity, in order per entity with ids intact; a stopped broker fails the batch and the same batch is delivered after it is back")
    void deliversInOrderAndSurvivesBrokerOutage() throws Exception {
        String prefix = "cc-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaSettings settings = new KafkaSettings(true, broker.bootstrapServers(), prefix, "cc-test",
                Duration.ofSeconds(4));
        KafkaEventSink sink = new KafkaEventSink(vertx, settings);

        // three interactions and two customers, their events interleaved as the outbox would hold them
        List<String> entities = List.of("i-1", "i-2", "i-3", "c-7", "c-8");
        List<StoredEvent> events = new ArrayList<>();
        long seq = 0;
        for (int round = 0; round < 6; round++) {
            for (String entity : entities) {
                BusinessEventType type = entity.startsWith("i-")
                        ? (round == 0 ? BusinessEventType.INTERACTION_STARTED : BusinessEventType.INTERACTION_TRANSFERRED)
                        : BusinessEventType.CUSTOMER_CHANGED;
                seq++;
                events.add(new StoredEvent(seq, BusinessEvent.of(type, entity, T0.plusSeconds(seq),
                        "{\"round\":" + round + ",\"name\":\"\u0645\u0634\u062a\u0631\u06cc " + entity + "\"}")));
            }
        }
        // delivered in three batches, as the relay hands them over
        for (int from = 0; from < events.size(); from += 10) {
            Await.result(sink.deliver(events.subList(from, from + 10)));
        }

        try (KafkaConsumer<String, String> consumer = consumer(prefix)) {
            List<ConsumerRecord<String, String>> read = readAtLeast(consumer, events.size());
            assertEquals(events.size(), read.size(), "each event once (no failure happened, so no copy)");
            Map<String, List<String>> readByKey = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : read) {
                JsonObject value = new JsonObject(r.value());
                String family = value.getString("type").substring(0, value.getString("type").indexOf('.'));
                assertEquals(prefix + "." + family, r.topic(), "one topic per family");
                assertEquals(value.getString("entityId"), r.key(), "keyed by the entity");
                assertEquals(value.getString("id"), header(r, KafkaEventRecords.ID_HEADER));
                assertEquals(value.getString("type"), header(r, KafkaEventRecords.TYPE_HEADER));
                readByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(value.getString("id"));
            }
            for (String entity : entities) {
                assertEquals(events.stream().filter(e -> e.event().entityId().equals(entity))
                                .map(e -> e.event().id()).toList(), readByKey.get(entity),
                        "events of " + entity + " in the order they were written, ids intact");
            }
            JsonObject first = new JsonObject(read.stream().filter(r -> r.key().equals("c-7")).findFirst()
                    .orElseThrow().value());
            assertEquals("customer.changed", first.getString("type"));
            assertEquals("\u0645\u0634\u062a\u0631\u06cc c-7", first.getJsonObject("payload").getString("name"));
            assertEquals(events.get(3).event().occurredAt().toString(), first.getString("occurredAt"));

            // the broker goes away: the batch fails (the relay keeps its cursor and offers it again)
            List<StoredEvent> during = List.of(
                    new StoredEvent(++seq, BusinessEvent.of(BusinessEventType.INTERACTION_ENDED, "i-1", T0, "{}")),
                    new StoredEvent(++seq, BusinessEvent.of(BusinessEventType.INTERACTION_DISPOSED, "i-1", T0, "{}")));
            broker.stop();
            Throwable failure = Await.failure(sink.deliver(during), Duration.ofSeconds(20));
            assertTrue(failure.getMessage() != null && !failure.getMessage().isBlank(), "says why: " + failure);

            // the broker is back: the same batch is delivered
            broker.start();
            Await.result(sink.deliver(during));
            List<ConsumerRecord<String, String>> after = readAtLeast(consumer, 2);
            assertEquals(List.of(during.get(0).event().id(), during.get(1).event().id()),
                    after.stream().map(r -> header(r, KafkaEventRecords.ID_HEADER)).toList(),
                    "the batch offered again arrives, in order, recognisable by id");
            assertInstanceOf(String.class, after.get(0).key());
        } finally {
            sink.close();
        }
    }

    private static KafkaConsumer<String, String> consumer(String prefix) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + prefix);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of(prefix + ".interaction", prefix + ".customer"));
        return c;
    }

    /** Polls until {@code count} records arrived (then a little longer, so a duplicate would show). */
    private static List<ConsumerRecord<String, String>> readAtLeast(KafkaConsumer<String, String> c, int count) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            c.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        c.poll(Duration.ofMillis(500)).forEach(out::add);
        return out;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
