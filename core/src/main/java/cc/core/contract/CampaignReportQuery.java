package cc.core.contract;

import java.time.LocalDate;
import java.util.Objects;

/** The day reports of one campaign from {@code from} to {@code to}, inclusive (reply {@link CampaignReport}). */
public record CampaignReportQuery(String campaignId, LocalDate from, LocalDate to) {
    public CampaignReportQuery {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
