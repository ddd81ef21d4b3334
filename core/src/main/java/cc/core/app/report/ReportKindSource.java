package cc.core.app.report;

import cc.core.domain.report.CampaignFigures;
import cc.core.domain.report.CampaignTerms;
import cc.core.domain.report.QualityBy;
import cc.core.domain.report.QualityFigures;
import cc.core.domain.report.Slice;
import cc.core.domain.report.SliceGrain;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The campaign and quality reports' facts, already added up per subject and slice of time by the database, so a
 * month of millions of calls comes back as a few thousand narrow rows. Slices are quarter hours, or days in
 * {@code zone} (their start is the local midnight), as {@code grain} says.
 *
 * <p>Threading: each method returns at once and completes on the source's worker thread.
 */
public interface ReportKindSource {

    /** Dial attempts placed, and decisions not to dial taken, in [from, to) per campaign (or of one). */
    Future<List<Slice<CampaignFigures>>> campaigns(Instant from, Instant to, SliceGrain grain, ZoneId zone,
                                                   Optional<String> campaign);

    /** Every campaign's prices. */
    Future<List<CampaignTerms>> campaignTerms();

    /**
     * Survey answers of the calls offered in [from, to) and QA evaluations made in it, per queue or agent (or of
     * one); calls and evaluations with no queue (or agent) are in no row.
     */
    Future<List<Slice<QualityFigures>>> quality(Instant from, Instant to, SliceGrain grain, ZoneId zone,
                                                QualityBy by, Optional<String> subject);
}
