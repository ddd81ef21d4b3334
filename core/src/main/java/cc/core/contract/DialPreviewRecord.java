package cc.core.contract;

import java.util.Objects;

/**
 * The agent dials the preview record reserved to them: their phone rings first, then the customer's.
 *
 * @param campaignId the preview campaign
 * @param contactId  the reserved contact
 * @param agentId    the agent holding the reservation
 */
public record DialPreviewRecord(String campaignId, String contactId, String agentId) {
    public DialPreviewRecord {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(agentId, "agentId");
    }
}
