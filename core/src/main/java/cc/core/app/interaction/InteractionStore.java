package cc.core.app.interaction;

import cc.core.domain.interaction.Interaction;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where interaction records are kept for good.
 *
 * <p>Threading: every method returns at once; blocking work (JDBC) runs on the store's own worker pool.
 */
public interface InteractionStore {

    /** Inserts the record, or replaces the stored one with the same id (the IVR path is replaced whole). */
    Future<Void> save(Interaction interaction);

    Future<Optional<Interaction>> find(String id);

    /** The interaction of a telephony call, by server and call id. */
    Future<Optional<Interaction>> findByCall(String server, String callId);

    /** Interactions offered in [from, to), oldest first, at most {@code limit}. */
    Future<List<Interaction>> offeredBetween(Instant from, Instant to, int limit);

    /** A customer's timeline, newest first, at most {@code limit}. */
    Future<List<Interaction>> forCustomer(long customerId, int limit);

    /** Interactions not yet ended (to complete after a restart or a lost link). */
    Future<List<Interaction>> open();
}
