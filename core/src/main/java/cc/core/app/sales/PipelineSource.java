package cc.core.app.sales;

import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.SalesPipeline;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/** Where the pipeline report's facts are read. Threading: returns at once; the reading runs on a worker pool. */
public interface PipelineSource {
    /**
     * @param opportunities the open ones and those closed in [from, to)
     * @param contacts      every contact with their customers from the earliest one's creation on
     */
    record Facts(List<Opportunity> opportunities, List<SalesPipeline.Contact> contacts) {}

    Future<Facts> facts(Instant from, Instant to);
}
