package cc.core.app.report;

import cc.core.domain.report.Buckets;
import cc.core.domain.report.CampaignFigures;
import cc.core.domain.report.CampaignRows;
import cc.core.domain.report.CampaignTerms;
import cc.core.domain.report.QualityBy;
import cc.core.domain.report.QualityFigures;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.ReportRow;
import cc.core.domain.report.ReportSettings;
import cc.core.domain.report.SkillRollUp;
import cc.core.domain.report.SliceGrain;
import cc.core.domain.report.SliceRollUp;
import io.vertx.core.Future;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The skill, campaign and quality reports. Skills roll the queue report's rows up by each queue's required skills
 * ({@link SkillRollUp} says why); campaigns and quality add up the database's per-slice aggregates into buckets
 * ({@link cc.core.domain.report.SliceRollUp}).
 *
 * <p>Threading: may be called from any context; the roll-ups run where the source's futures complete.
 */
public final class ReportKinds {
    private final Reports reports;
    private final ReportKindSource source;
    private final Map<String, Set<String>> skillsByQueue;

    /** @param skillsByQueue each ACD queue's required skill names ({@code acd.queues[].skills}, levels left out) */
    public ReportKinds(Reports reports, ReportKindSource source, Map<String, Set<String>> skillsByQueue) {
        this.reports = reports;
        this.source = source;
        Map<String, Set<String>> copy = new HashMap<>();
        skillsByQueue.forEach((q, s) -> copy.put(q, Set.copyOf(s)));
        this.skillsByQueue = Map.copyOf(copy);
    }

    public ReportSettings settings() {
        return reports.settings();
    }

    /** Per skill ({@code q.subject()}: one skill) and bucket. */
    public Future<List<ReportRow<QueueFigures>>> skills(ReportQuery q) {
        ReportQuery allQueues = new ReportQuery(q.from(), q.to(), q.interval(), q.calendar(), Optional.empty());
        return reports.queues(allQueues).map(r -> SkillRollUp.rows(r.rows(), skillsByQueue, q.subject()));
    }

    /** Per campaign ({@code q.subject()}: one campaign) and bucket. */
    public Future<CampaignRows> campaigns(ReportQuery q) {
        Buckets buckets = buckets(q);
        Future<List<CampaignTerms>> terms = source.campaignTerms();
        return source.campaigns(q.from(), q.to(), SliceGrain.of(q.interval()), settings().zone(), q.subject())
                .compose(slices -> terms.map(t -> {
                    Map<String, CampaignTerms> byId = new HashMap<>();
                    t.forEach(c -> byId.put(c.campaignId(), c));
                    return new CampaignRows(SliceRollUp.rows(q.from(), q.to(), buckets, slices,
                            CampaignFigures.ZERO, CampaignFigures::plus), byId);
                }));
    }

    /** Per queue or agent ({@code q.subject()}: one of them) and bucket. */
    public Future<List<ReportRow<QualityFigures>>> quality(ReportQuery q, QualityBy by) {
        Buckets buckets = buckets(q);
        return source.quality(q.from(), q.to(), SliceGrain.of(q.interval()), settings().zone(), by, q.subject())
                .map(slices -> SliceRollUp.rows(q.from(), q.to(), buckets, slices, QualityFigures.ZERO,
                        QualityFigures::plus));
    }

    private Buckets buckets(ReportQuery q) {
        return new Buckets(q.interval(), q.calendar(), settings().zone());
    }
}
