package cc.integration.relay;

import cc.core.app.integration.StoredEvent;
import io.vertx.core.Future;

import java.util.Collection;
import java.util.List;

/**
 * The outbox as the relay reads it, and the sinks' cursors. Futures complete on the caller's context.
 */
public interface OutboxSource {

    /** Up to {@code limit} events with {@code seq > after}, in seq order (committed ones only). */
    Future<List<StoredEvent>> after(long after, int limit);

    /** The events among these seqs that are committed now, in seq order. */
    Future<List<StoredEvent>> bySeq(Collection<Long> seqs);

    /** The sink's cursor; a sink never seen starts at 0, the beginning of the outbox. */
    Future<Long> cursor(String sink);

    /** Stores the sink's cursor. */
    Future<Void> moveCursor(String sink, long seq);

    /** The highest seq committed now (0 for an empty outbox). */
    Future<Long> lastSeq();
}
