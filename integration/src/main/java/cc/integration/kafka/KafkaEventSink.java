package cc.integration.kafka;

import cc.core.app.integration.EventSink;
import cc.core.app.integration.StoredEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers outbox events to Kafka: one topic per event family, keyed by entity id. The producer is idempotent with
 * {@code acks=all}, so the broker neither loses an acknowledged record nor writes a retried one twice, and records
 * of one key stay in order; a batch succeeds only when the broker acknowledged every record of it.
 *
 * <p>Threading: {@link #deliver} returns at once. The producer's blocking calls (creating it, {@code send} while it
 * waits for metadata) run on this sink's own single worker, so batches are handed over in order and no event loop
 * waits; the producer's callbacks complete the batch's future on the caller's context. After a failed batch the
 * producer is closed and a new one made for the next, so a broker back after an outage is met with fresh
 * connections and a fresh producer epoch.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);
    /** Records wait this long for others to share a request: a little batching, little delay. */
    private static final int LINGER_MS = 5;

    private final Vertx vertx;
    private final KafkaSettings settings;
    private final WorkerExecutor worker;
    /** Touched only on {@link #worker}. */
    private KafkaProducer<String, String> producer;

    public KafkaEventSink(Vertx vertx, KafkaSettings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.worker = vertx.createSharedWorkerExecutor("cc-kafka-sink", 1,
                settings.deliveryTimeout().toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return "kafka";
    }

    /** Every event type has a family, so every event has a topic. */
    @Override
    public boolean wants(String wireType) {
        return true;
    }

    @Override
    public Future<Void> deliver(List<StoredEvent> batch) {
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        Context caller = vertx.getOrCreateContext();
        Promise<Void> done = Promise.promise();
        AtomicInteger pending = new AtomicInteger(batch.size());
        AtomicBoolean failed = new AtomicBoolean();
        worker.<Void>executeBlocking(() -> {
            KafkaProducer<String, String> p = producer();
            for (StoredEvent e : batch) {
                p.send(KafkaEventRecords.record(settings.topicPrefix(), e), (metadata, error) -> {
                    if (error != null) {
                        if (failed.compareAndSet(false, true)) {
                            caller.runOnContext(v -> done.tryFail(new KafkaDeliveryException(e, error)));
                        }
                    } else if (pending.decrementAndGet() == 0 && !failed.get()) {
                        caller.runOnContext(v -> done.tryComplete());
                    }
                });
            }
            return null;
        }, true).onFailure(e -> {
            failed.set(true);
            done.tryFail(e);
        });
        return done.future().onFailure(e -> {
            log.warn("Kafka batch of {} events not delivered (the relay offers it again): {}", batch.size(),
                    e.getMessage());
            worker.executeBlocking(() -> {
                discardProducer();
                return null;
            }, true);
        });
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(properties(settings), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            KafkaProducer<String, String> p = producer;
            producer = null;
            p.close(Duration.ZERO);
        }
    }

    static Properties properties(KafkaSettings s) {
        long deliveryMs = s.deliveryTimeout().toMillis();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, s.clientId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // idempotence keeps order per partition with up to 5 requests in flight
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        // the whole wait for one record (metadata, retries, acknowledgement) stays within the delivery timeout
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, deliveryMs - LINGER_MS));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
        return p;
    }

    /** Closes the producer, waiting up to the delivery timeout for records in flight. */
    @Override
    public void close() {
        worker.executeBlocking(() -> {
            if (producer != null) {
                producer.close(settings.deliveryTimeout());
                producer = null;
            }
            return null;
        }, true).onComplete(r -> worker.close());
    }

    /** One record of a batch was not acknowledged: the batch fails as a whole. */
    public static final class KafkaDeliveryException extends RuntimeException {
        KafkaDeliveryException(StoredEvent e, Throwable cause) {
            super("event " + e.event().id() + " (" + e.event().type().wire() + ") not acknowledged: "
                    + cause.getMessage(), cause);
        }
    }
}
