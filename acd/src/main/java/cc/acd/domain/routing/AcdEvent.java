package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.SkillRequirement;
import cc.core.domain.interaction.InteractionChannel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the router is told: callers arriving and leaving, agents changing state, and time passing. */
public sealed interface AcdEvent {

    /** When it happened; the router never reads a clock. */
    Instant at();

    /**
     * A caller is on the line and joins a queue.
     *
     * @param skills         skills this caller needs beyond the queue's own (e.g. language, product)
     * @param priority       base priority: 0 normal, higher for VIP, high-value or churn-risk customers
     * @param callbackNumber the number to call back if the caller trades the wait for a callback; empty if unknown
     */
    record CallArrived(String callId, String queueId, List<SkillRequirement> skills, int priority,
                       String callbackNumber, Instant at, Direct direct) implements AcdEvent {
        public CallArrived {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queueId, "queueId");
            skills = List.copyOf(skills);
            callbackNumber = callbackNumber == null ? "" : callbackNumber;
            Objects.requireNonNull(at, "at");
        }

        public CallArrived(String callId, String queueId, List<SkillRequirement> skills, int priority,
                           String callbackNumber, Instant at) {
            this(callId, queueId, skills, priority, callbackNumber, at, null);
        }
    }

    /**
     * A call meant for one agent (a transfer to that agent, a consultation, a conference, a supervisor's take-over):
     * offered to that agent at once, refused when the agent is not available; the queue only counts it.
     *
     * @param agentId          the only agent who may take it
     * @param endIfNotAnswered true: the call ends when that agent does not answer (a consultation: the transferring
     *                         agent still has the caller); false: it then waits in its queue for anyone (a blind
     *                         transfer: the caller must still be served)
     */
    record Direct(String agentId, boolean endIfNotAnswered) {
        public Direct {
            Objects.requireNonNull(agentId, "agentId");
        }
    }

    /**
     * A callback to place once {@code due} has come (a web click-to-talk, or a caller asking for a time).
     *
     * @param keptPlaceSince once due, it waits in line as if it had been queued since then (a click-to-talk request's
     *                       time, never later than due); null: since it fell due
     */
    record CallbackScheduled(String callId, String queueId, List<SkillRequirement> skills, int priority,
                             String number, Instant due, Instant at, Instant keptPlaceSince) implements AcdEvent {
        public CallbackScheduled {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queueId, "queueId");
            skills = List.copyOf(skills);
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(at, "at");
            keptPlaceSince = keptPlaceSince == null || keptPlaceSince.isAfter(due) ? due : keptPlaceSince;
        }

        public CallbackScheduled(String callId, String queueId, List<SkillRequirement> skills, int priority,
                                 String number, Instant due, Instant at) {
            this(callId, queueId, skills, priority, number, due, at, null);
        }
    }

    /**
     * The customer of a callback being placed did not take it (answered and did not confirm, or was not reached):
     * nobody talked, so the agent whose leg dialled is available again at once (no wrap-up) and the call is over.
     */
    record CallbackDeclined(String callId, Instant at) implements AcdEvent {}

    /** A waiting caller chose to be called back: the caller hangs up, the place in line is kept. */
    record CallbackRequested(String callId, String number, Instant at) implements AcdEvent {}

    /** The agent (or a supervisor) asks to be available, paused with a reason code, or logged out. */
    record AgentStateChanged(String agentId, AgentStatus target, String reason, Instant at) implements AcdEvent {}

    /** The offered agent answered (or the callback connected agent and customer). */
    record AgentAnswered(String callId, String agentId, Instant at) implements AcdEvent {}

    /** The offered agent's phone rang until the ring timeout. */
    record RingNoAnswer(String callId, String agentId, Instant at) implements AcdEvent {}

    /**
     * The offered agent's phone could not be rung at all, through no doing of the agent's (the control link to
     * Asterisk was down or dropped before Asterisk answered): the call goes back to its place and the agent stays
     * available, not paused as after a ring-no-answer.
     */
    record RingFailed(String callId, String agentId, Instant at) implements AcdEvent {}

    /** The caller hung up before talking to an agent (or the callback could not reach the customer). */
    record CallAbandoned(String callId, Instant at) implements AcdEvent {}

    /** The conversation ended. */
    record CallEnded(String callId, Instant at) implements AcdEvent {}

    /** The agent finished wrap-up before its timer ran out. */
    record WrapUpEnded(String agentId, Instant at) implements AcdEvent {}

    /** Time passed: wrap-up timers, skill relaxation, wait limits, scheduled callbacks and announcements fall due. */
    record Tick(Instant at) implements AcdEvent {}

    /** Business hours opened or closed the queue. */
    record QueueHoursChanged(String queueId, boolean open, Instant at) implements AcdEvent {}

    /** A queue was added or its rules changed (callers already waiting keep the skill needs they joined with). */
    record QueueConfigured(QueueConfig config, Instant at) implements AcdEvent {}

    /** An agent was added or the agent's skills or queues changed. */
    record AgentProfileChanged(AgentProfile profile, Instant at) implements AcdEvent {}

    /**
     * A chat or email waits for an agent ({@link cc.acd.domain.media.MediaRouter}).
     *
     * @param skills     skills it needs beyond the queue's own
     * @param data       what the channel knows (topic, customer, address), handed on with every offer
     * @param enqueuedAt when it first started waiting: its place in the one fair order (kept over transfers and
     *                   restarts)
     */
    record MediaArrived(String interactionId, InteractionChannel channel, String queueId,
                        List<SkillRequirement> skills, int priority, Map<String, String> data, Instant enqueuedAt,
                        Instant at) implements AcdEvent {
        public MediaArrived {
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(queueId, "queueId");
            skills = List.copyOf(skills);
            data = Map.copyOf(data);
            Objects.requireNonNull(enqueuedAt, "enqueuedAt");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The agent offered a chat or email accepts ({@code accept}) or declines it. */
    record MediaAnswered(String interactionId, String agentId, boolean accept, Instant at) implements AcdEvent {}

    /** The agent holding a chat or email sends it to another queue. */
    record MediaTransferred(String interactionId, String agentId, String queueId, Instant at) implements AcdEvent {}

    /** A chat or email is over (the customer left, the agent closed it...), wherever it is. */
    record MediaClosed(String interactionId, String reason, Instant at) implements AcdEvent {}

    /**
     * A chat or email restored from the live-state store by a node taking over routing: back in line at its first
     * waiting time, or, when {@code heldBy} names an agent, held by that agent again (counted against its capacity).
     */
    record MediaRestored(String interactionId, InteractionChannel channel, String queueId, int priority,
                         Map<String, String> data, Instant enqueuedAt, String heldBy, Instant at) implements AcdEvent {
        public MediaRestored {
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(queueId, "queueId");
            data = Map.copyOf(data);
            Objects.requireNonNull(enqueuedAt, "enqueuedAt");
            heldBy = heldBy == null ? "" : heldBy;
            Objects.requireNonNull(at, "at");
        }
    }
}
