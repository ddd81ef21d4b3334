package cc.core.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer of a campaign contact asked to be called back: the campaign calls the contact again at that time
 * (not before), ahead of its other contacts and whatever its retry rules said; a finished contact is reopened.
 *
 * @param campaignId the campaign
 * @param contactId  the contact on its lists
 * @param at         when to call
 * @param byUser     the console user who booked it
 */
public record ScheduleCampaignCallback(String campaignId, String contactId, Instant at, String byUser) {
    public ScheduleCampaignCallback {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(byUser, "byUser");
    }
}
