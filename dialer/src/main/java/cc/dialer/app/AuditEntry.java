package cc.dialer.app;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the dial audit: a dial, a refusal, or how an attempt ended.
 *
 * @param campaignId the campaign
 * @param contactId  the contact
 * @param attemptId  the attempt, empty for a refusal (nothing was dialled)
 * @param number     the contact's number as listed
 * @param event      what happened
 * @param detail     why, or the outcome's particulars (dial string, refusal reason, AMD cause)
 * @param channel    the customer's channel once known
 * @param at         when
 */
public record AuditEntry(String campaignId, String contactId, Optional<Long> attemptId, String number, Event event,
                         String detail, Optional<String> channel, Instant at) {

    /** The kinds of audit line. */
    public enum Event {
        /** The number was dialled. */
        DIALLED,
        /** The dial permissions refused the number: never dialled. */
        REFUSED,
        /** The contact was stopped at dial time (do-not-call, hours closed since the pick). */
        SKIPPED,
        CONNECTED,
        ABANDONED,
        BUSY,
        NO_ANSWER,
        MACHINE,
        FAILED,
        /** A callback was booked on the contact (who booked it, for when). */
        CALLBACK,
        /** A click-to-talk customer answered but did not press 1: never connected to anyone. */
        UNCONFIRMED
    }

    public AuditEntry {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
    }
}
