package cc.acd.domain.media;

import cc.core.domain.interaction.InteractionChannel;

import java.time.Instant;
import java.util.Map;

/**
 * A chat or email as the router holds it.
 *
 * @param phase      {@code waiting}, {@code offered} or {@code held}
 * @param agentId    the agent offered it or holding it; empty while waiting
 * @param enqueuedAt when it first started waiting
 */
public record MediaView(String interactionId, InteractionChannel channel, String queueId, String phase,
                        String agentId, int priority, Instant enqueuedAt, Map<String, String> data) {
    public static final String WAITING = "waiting";
    public static final String OFFERED = "offered";
    public static final String HELD = "held";
}
