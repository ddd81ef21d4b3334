package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentState;
import cc.acd.domain.queue.OverflowTarget;
import cc.core.domain.interaction.InteractionChannel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** What the router wants done, as data; the ACD verticle carries it out. */
public sealed interface AcdCommand {

    /** Ring the agent and connect the waiting caller when the agent answers. */
    record OfferCall(String callId, String agentId, String queueId) implements AcdCommand {}

    /** The agent is reserved for a virtual caller whose turn came: call the customer back and connect the agent. */
    record PlaceCallback(String callId, String agentId, String queueId, String number) implements AcdCommand {}

    /** Stop ringing the agent (or stop placing the callback): the caller left or the agent was logged out. */
    record CancelOffer(String callId, String agentId) implements AcdCommand {}

    /** The caller leaves the queue for the target. */
    record Overflow(String callId, String fromQueue, OverflowTarget target, OverflowReason reason)
            implements AcdCommand {}

    /** Tell the waiting caller their place in line and, when one can be given honestly, the estimated wait. */
    record AnnouncePosition(String callId, String queueId, int position, Optional<Duration> estimatedWait)
            implements AcdCommand {}

    /** The agent's state changed (for presence, the console and the wallboard). */
    record AgentStateEntered(String agentId, AgentState state) implements AcdCommand {}

    /** The event was not applied; nothing changed. */
    record EventRefused(AcdEvent event, String reason) implements AcdCommand {}

    /** Show the agent a chat or email to accept or decline. */
    record OfferMedia(String interactionId, String agentId, InteractionChannel channel, String queueId,
                      Map<String, String> data) implements AcdCommand {}

    /**
     * An offer of a chat or email ended: {@code answered}, {@code refused}, {@code no-answer} or {@code caller-left}
     * (the {@link cc.core.domain.interaction.Segment} outcomes).
     */
    record MediaOfferClosed(String interactionId, String agentId, String outcome) implements AcdCommand {}

    /** The router let go of a chat or email: out of its queue, or the agent's room for it freed (after wrap-up). */
    record MediaReleased(String interactionId, Optional<String> agentId, String queueId, String reason)
            implements AcdCommand {}

    /** How many chats and emails the agent holds (offered included) changed, for the console and the wallboard. */
    record MediaLoadChanged(String agentId, Map<InteractionChannel, Integer> held) implements AcdCommand {}

    /** Why a caller overflowed. */
    enum OverflowReason { QUEUE_FULL, QUEUE_CLOSED, WAIT_LIMIT }
}
