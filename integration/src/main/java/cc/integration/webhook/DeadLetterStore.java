package cc.integration.webhook;

import cc.core.app.integration.StoredEvent;
import cc.core.contract.WebhookAddresses.DeadLetter;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webhook dead-letter list. Futures complete on the caller's context. */
public interface DeadLetterStore {

    /** Parks the events of a subscription, whole (the outbox need not keep them). */
    Future<Void> park(String subscription, List<StoredEvent> events, int attempts, String lastError, Instant at);

    /** Newest first; {@code subscription} empty for all. */
    Future<List<DeadLetter>> list(String subscription, boolean includeReplayed, int limit);

    /** A dead letter with its event, to replay it. */
    Future<Optional<Parked>> find(long id);

    /** Records an accepted replay. */
    Future<Void> replayed(long id, String by, Instant at);

    /** Dead letters not yet replayed, by subscription. */
    Future<Map<String, Long>> waiting();

    record Parked(DeadLetter letter, StoredEvent event) {}
}
