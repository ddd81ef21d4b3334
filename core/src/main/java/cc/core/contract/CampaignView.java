package cc.core.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * A campaign and where it stands.
 *
 * @param definition        what the manager defined
 * @param status            {@code DRAFT}, {@code RUNNING}, {@code PAUSED}, {@code STOPPED} or {@code FINISHED}
 * @param contacts          contacts on its lists
 * @param dialled           dial attempts so far
 * @param inFlight          calls of it in progress now
 * @param remaining         contacts still to be dialled or retried
 * @param abandonRateWindow abandoned over live answers in the regulator's window so far
 * @param changedAt         when the status last changed
 */
public record CampaignView(CampaignDefinition definition, String status, int contacts, long dialled, int inFlight,
                           int remaining, double abandonRateWindow, Instant changedAt) {
    public CampaignView {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
