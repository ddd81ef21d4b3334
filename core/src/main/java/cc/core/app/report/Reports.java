package cc.core.app.report;

import cc.core.domain.report.AgentReport;
import cc.core.domain.report.Buckets;
import cc.core.domain.report.QueueReport;
import cc.core.domain.report.ReportSettings;
import io.vertx.core.Future;

import java.time.InstantSource;

/**
 * Runs the report engine over what the {@link ReportSource} streams: the queue report over the range's calls (and
 * the repeat window after it, for first-contact resolution), the agent report over its calls and state spells.
 *
 * <p>Threading: may be called from any context; the engine is fed on the source's worker thread, one record after
 * another, and handed back when the source has finished.
 */
public final class Reports {
    private final ReportSource source;
    private final ReportSettings settings;
    private final InstantSource clock;

    public Reports(ReportSource source, ReportSettings settings, InstantSource clock) {
        this.source = source;
        this.settings = settings;
        this.clock = clock;
    }

    public ReportSettings settings() {
        return settings;
    }

    public Future<QueueReport> queues(ReportQuery q) {
        Buckets buckets = new Buckets(q.interval(), q.calendar(), settings.zone());
        QueueReport report = new QueueReport(q.from(), q.to(), buckets, settings, q.subject());
        return source.interactions(q.from(), q.to(), report::add)
                .compose(n -> source.contacts(q.to(), report.readUntil(), report::add))
                .map(n -> report);
    }

    public Future<AgentReport> agents(ReportQuery q) {
        Buckets buckets = new Buckets(q.interval(), q.calendar(), settings.zone());
        AgentReport report = new AgentReport(q.from(), q.to(), clock.instant(), buckets, q.subject());
        // one after the other: the engine is fed by one thread at a time
        return source.interactions(q.from(), q.to(), report::add)
                .compose(n -> source.spells(q.from(), q.to(), q.subject(), report::add))
                .map(n -> report);
    }
}
