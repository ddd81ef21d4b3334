package cc.core.app.sales;

import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.SalesPipeline;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the pipeline report's facts are read. Threading: returns at once; the reading, and what the caller computes
 * from the facts, run on the source's worker thread, off the event loop.
 */
public interface PipelineSource {
    /**
     * @param opportunities the open ones and those closed in [from, to)
     * @param contacts      contacts with their customers from the earliest one's creation on: every one, or (with
     *                      {@code kept}) those of customers with two or more of one owner's opportunities
     * @param kept          the effort kept with opportunities by id (see {@link SalesPipeline#report})
     */
    record Facts(List<Opportunity> opportunities, List<SalesPipeline.Contact> contacts,
                 Map<Long, SalesPipeline.KeptEffort> kept) {}

    /** Reads the facts for [from, to) and hands them to {@code compute} on the same worker thread. */
    <T> Future<T> facts(Instant from, Instant to, Function<Facts, T> compute);
}
