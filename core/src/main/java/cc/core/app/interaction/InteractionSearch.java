package cc.core.app.interaction;

import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Interaction records searched by customer, time and outcome, a page at a time (the back-office API). Pages follow
 * each other by a cursor (the last row's offer time and id), so rows written meanwhile never shift a page.
 *
 * <p>Threading: returns at once; blocking work runs on the store's worker pool.
 */
public interface InteractionSearch {

    /** What ended an interaction, as the search filters it. */
    enum Outcome {
        /** an agent talked to the customer */
        ANSWERED,
        /** the customer hung up before any agent (in the IVR, the queue or while ringing) */
        ABANDONED,
        /** still in progress */
        OPEN
    }

    /**
     * @param customerId  0 for every customer
     * @param from        offered at or after
     * @param to          offered before
     * @param outcome     empty for any
     * @param disposition empty for any
     * @param limit       rows per page, 1 to {@link #MAX_LIMIT}
     * @param after       the previous page's {@link Page#next} cursor, empty for the first page
     */
    record Query(long customerId, Instant from, Instant to, Optional<Outcome> outcome, Optional<String> disposition,
                 int limit, Optional<Cursor> after) {
        public Query {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
            }
        }
    }

    /** Where a page ended: rows come newest first, so the next page holds rows before this one. */
    record Cursor(Instant offeredAt, String id) {}

    /** One interaction as a back-office system reads it. */
    record Row(String id, String channel, String direction, Instant offeredAt, Optional<Instant> agentAnsweredAt,
               Optional<Instant> endedAt, String callerNumber, String dialedNumber, Optional<String> queue,
               Optional<String> agentId, Optional<String> disposition, String notes, Optional<String> abandonedWhere,
               Optional<Long> customerId, Optional<String> campaignId) {}

    record Page(List<Row> rows, Optional<Cursor> next) {}

    int MAX_LIMIT = 500;

    Future<Page> search(Query query);
}
