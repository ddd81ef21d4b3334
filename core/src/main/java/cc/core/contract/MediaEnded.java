package cc.core.contract;

import java.time.Instant;
import java.util.Optional;

/**
 * The ACD let go of a chat or email: out of its queue, or the agent's room for it freed.
 *
 * @param interactionId the contact
 * @param agentId       the agent who held it, if one did
 * @param queue         the last queue it waited in
 * @param reason        the {@link EndMedia#reason()}
 * @param at            when
 */
public record MediaEnded(String interactionId, Optional<String> agentId, String queue, String reason, Instant at) {}
