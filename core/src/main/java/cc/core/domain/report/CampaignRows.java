package cc.core.domain.report;

import java.util.List;
import java.util.Map;

/**
 * A campaign report: rows per campaign and bucket, and each campaign's prices (for cost, revenue and ROI, in the
 * campaign's own currency). A campaign removed since has rows and no terms: its money is then not shown.
 */
public record CampaignRows(List<ReportRow<CampaignFigures>> rows, Map<String, CampaignTerms> terms) {
    public CampaignRows {
        rows = List.copyOf(rows);
        terms = Map.copyOf(terms);
    }
}
