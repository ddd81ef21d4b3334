package cc.core.contract;

import java.util.Objects;

/**
 * The agent passes on the preview record reserved to them: it is not dialled now and comes back later.
 *
 * @param campaignId the preview campaign
 * @param contactId  the reserved contact
 * @param agentId    the agent holding the reservation
 * @param reason     why (audited), may be empty
 */
public record SkipPreviewRecord(String campaignId, String contactId, String agentId, String reason) {
    public SkipPreviewRecord {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(agentId, "agentId");
        reason = reason == null ? "" : reason;
    }
}
