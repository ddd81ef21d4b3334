package cc.core.app.integration;

import io.vertx.core.Future;

import java.util.List;

/**
 * Where outbox events go: a webhook subscription, a Kafka cluster. The relay hands each sink the events after its
 * cursor, in outbox order, and moves the cursor past a batch only when {@link #deliver} succeeds; so a sink sees an
 * event at least once, and again after a crash between delivery and cursor.
 *
 * <p>Threading: called on the relay's event loop, one batch at a time per sink; returns at once.
 */
public interface EventSink {

    /** Unique and stable across restarts: it names the sink's cursor ({@code webhook:crm}, {@code kafka}). */
    String name();

    /** Whether this sink takes events of this wire type at all (others move its cursor without a delivery). */
    boolean wants(String wireType);

    /**
     * Delivers the batch, in order. Succeeds when every event is delivered or, by the sink's own rule, parked (a
     * dead-letter list); fails to have the relay offer the same batch again later.
     */
    Future<Void> deliver(List<StoredEvent> batch);
}
