package cc.dialer.app;

import cc.dialer.domain.campaign.AttemptOutcome;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One dial attempt as stored: written when it is placed and again as it goes, the last write is the whole truth.
 *
 * @param campaignId       the campaign
 * @param attemptId        unique within the campaign, increasing
 * @param contactId        the contact dialled
 * @param number           the number dialled (E.164)
 * @param placedAt         when the originate left
 * @param answeredAt       when the customer's phone answered (AMD started)
 * @param connectedAt      when an agent was offered the live call
 * @param endedAt          when the customer's line hung up
 * @param outcome          how it ended, once decided
 * @param agentId          the agent offered the call
 * @param interactionId    the interaction record of the call, once known (dispositions mark conversions by it)
 * @param talkSeconds      from connected to hang-up
 * @param amdFalsePositive a machine verdict counted as a live person (see {@code AmdFalsePositiveEstimate})
 */
public record AttemptState(String campaignId, long attemptId, String contactId, String number, Instant placedAt,
                           Optional<Instant> answeredAt, Optional<Instant> connectedAt, Optional<Instant> endedAt,
                           Optional<AttemptOutcome> outcome, Optional<String> agentId,
                           Optional<String> interactionId, double talkSeconds, boolean amdFalsePositive) {
    public AttemptState {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(interactionId, "interactionId");
    }
}
