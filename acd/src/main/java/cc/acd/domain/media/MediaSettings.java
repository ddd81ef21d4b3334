package cc.acd.domain.media;

import cc.acd.domain.agent.AgentCapacity;
import cc.core.domain.interaction.InteractionChannel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How chats and emails are routed: the agents' capacities, how long an offer waits for an answer, and the wrap-up
 * after each channel's contacts.
 *
 * @param capacity     every agent's capacity unless overridden
 * @param perAgent     agent id to that agent's own capacity
 * @param offerTimeout an offer not accepted this long goes back to the queue, ahead of later arrivals
 * @param wrapUp       per channel, how long the agent's room stays taken after a contact ends (absent: none)
 */
public record MediaSettings(AgentCapacity capacity, Map<String, AgentCapacity> perAgent, Duration offerTimeout,
                            Map<InteractionChannel, Duration> wrapUp) {
    public static final MediaSettings DEFAULT = new MediaSettings(AgentCapacity.DEFAULT, Map.of(),
            Duration.ofSeconds(30), Map.of());

    public MediaSettings {
        Objects.requireNonNull(capacity, "capacity");
        perAgent = Map.copyOf(perAgent);
        Objects.requireNonNull(offerTimeout, "offerTimeout");
        if (offerTimeout.isZero() || offerTimeout.isNegative()) {
            throw new IllegalArgumentException("offerTimeout must be longer than zero");
        }
        wrapUp = wrapUp.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(wrapUp));
        wrapUp.values().forEach(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a wrap-up must not be negative");
            }
        });
    }

    /** The agent's capacity: its own if configured, else everyone's. */
    public AgentCapacity capacity(String agentId) {
        return perAgent.getOrDefault(agentId, capacity);
    }

    public Duration wrapUp(InteractionChannel channel) {
        return wrapUp.getOrDefault(channel, Duration.ZERO);
    }
}
