package cc.core.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * A campaign contact reserved to one agent for preview: no other agent gets it until it is dialled, skipped, or the
 * reservation runs out.
 *
 * @param campaignId    the preview campaign
 * @param contactId     the contact on the campaign's lists
 * @param name          the customer's name as listed
 * @param phone         the number, E.164
 * @param customerId    the CRM customer, 0 when unknown
 * @param attempts      dial attempts so far
 * @param lastOutcome   how the last attempt ended ({@code BUSY}, {@code NO_ANSWER}...), empty before the first
 * @param reservedUntil when the reservation runs out unless the agent dials or skips before
 */
public record PreviewRecord(String campaignId, String contactId, String name, String phone, long customerId,
                            int attempts, String lastOutcome, Instant reservedUntil) {
    public PreviewRecord {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(lastOutcome, "lastOutcome");
        Objects.requireNonNull(reservedUntil, "reservedUntil");
    }
}
