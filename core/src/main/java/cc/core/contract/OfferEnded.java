package cc.core.contract;

import java.time.Instant;

/**
 * An agent's phone stopped ringing with a call.
 *
 * @param callId     the caller's channel Uniqueid (or the ACD's id of a callback)
 * @param agentId    the agent rung
 * @param outcome    {@code answered}, {@code no-answer}, {@code refused}, {@code failed}, {@code caller-left} or
 *                   {@code cancelled} (the constants of {@link cc.core.domain.interaction.Segment})
 * @param detail     why, when the telephony said more (the originate's failure reason); empty otherwise
 * @param agentLeg   the Uniqueid of the agent's phone leg, when known (on an answer); empty otherwise
 * @param at         when
 */
public record OfferEnded(String callId, String agentId, String outcome, String detail, String agentLeg,
                         Instant at) {}
