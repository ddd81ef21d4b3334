package cc.core.app.sales;

import cc.core.domain.sales.PipelineReport;
import cc.core.domain.sales.SalesPipeline;
import cc.core.domain.sales.SalesSettings;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The sales pipeline report: the source's facts run through {@link SalesPipeline}, now read from the clock.
 * Threading: may be called from any context.
 */
public final class PipelineReports {
    private final PipelineSource source;
    private final SalesPipeline pipeline;
    private final InstantSource clock;

    public PipelineReports(PipelineSource source, SalesSettings settings, InstantSource clock) {
        this.source = source;
        this.pipeline = new SalesPipeline(settings);
        this.clock = clock;
    }

    public SalesSettings settings() {
        return pipeline.settings();
    }

    /** Open opportunities as of now, and those won and lost in [from, to). */
    public Future<PipelineReport> report(Instant from, Instant to) {
        Instant now = clock.instant();
        // computed where the facts were read: a large book takes seconds, which must not block an event loop
        return source.facts(from, to, f -> pipeline.report(f.opportunities(), f.contacts(), f.kept(), from, to, now));
    }
}
