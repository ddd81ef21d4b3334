package cc.core.contract;

import java.util.Objects;

/**
 * Start, pause or stop a campaign. Pausing places no new calls and lets calls in progress finish; stopping ends it
 * for good.
 *
 * @param campaignId the campaign
 * @param action     {@code START}, {@code PAUSE} or {@code STOP}
 * @param byUser     who asked, for the audit log
 */
public record ControlCampaign(String campaignId, String action, String byUser) {
    public ControlCampaign {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(byUser, "byUser");
    }
}
