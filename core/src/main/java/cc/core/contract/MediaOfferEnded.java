package cc.core.contract;

import java.time.Instant;

/**
 * An offer of a chat or email ended.
 *
 * @param interactionId the contact
 * @param agentId       the agent it was offered to
 * @param outcome       {@code answered} (the agent holds it now), {@code refused} (declined), {@code no-answer} (not
 *                      accepted in time) or {@code caller-left} (the customer left first): the
 *                      {@link cc.core.domain.interaction.Segment} constants
 * @param at            when
 */
public record MediaOfferEnded(String interactionId, String agentId, String outcome, Instant at) {}
