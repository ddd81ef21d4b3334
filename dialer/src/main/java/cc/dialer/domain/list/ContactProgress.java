package cc.dialer.domain.list;

import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.RetryPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a contact stands in a campaign. Immutable; each attempt or callback returns the next state.
 *
 * @param contactId   the contact
 * @param attempts    dial attempts so far
 * @param lastOutcome how the last attempt ended
 * @param retryAt     not to be dialled before this (after a busy, no answer...)
 * @param callbackAt  a callback the customer asked for: dialled first once due, retry rules aside
 * @param finished    reached, or out of attempts, or a final outcome: never dialled again
 */
public record ContactProgress(String contactId, int attempts, Optional<AttemptOutcome> lastOutcome,
                              Optional<Instant> retryAt, Optional<Instant> callbackAt, boolean finished) {
    public ContactProgress {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(lastOutcome, "lastOutcome");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(callbackAt, "callbackAt");
    }

    public static ContactProgress fresh(String contactId) {
        return new ContactProgress(contactId, 0, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** The state after an attempt ending in {@code outcome} at {@code at}, under the campaign's retry rules. */
    public ContactProgress afterAttempt(AttemptOutcome outcome, Instant at, RetryPolicy retries) {
        int n = attempts + 1;
        Optional<Duration> delay = retries.delayAfter(outcome);
        boolean done = delay.isEmpty() || n >= retries.maxAttempts();
        return new ContactProgress(contactId, n, Optional.of(outcome),
                done ? Optional.empty() : Optional.of(at.plus(delay.get())), Optional.empty(), done);
    }

    /** The customer asked to be called back at {@code at}; a callback reopens a finished contact. */
    public ContactProgress withCallback(Instant at) {
        return new ContactProgress(contactId, attempts, lastOutcome, Optional.empty(), Optional.of(at), false);
    }
}
