package cc.core.contract;

import java.time.Instant;

/**
 * The ACD joined an agent to a call: who is on it and on which channels, so that call control can act on it.
 *
 * @param callId          the ACD's call id: the caller's Uniqueid, or for a consultation or conference ring the
 *                        id call control gave it
 * @param server          the telephony server carrying both legs
 * @param callerChannel   the channel the agent was joined to (the caller's; for a consultation the transferring
 *                        agent's); empty when the agent was sent into a conference
 * @param agentId         the agent who answered
 * @param agentChannel    the agent's phone leg
 * @param queue           the queue the call came through
 * @param recordingPolicy {@code always}, {@code never} or {@code on-demand}: the campaign's when the call came from
 *                        one, else the queue's
 * @param forCall         for a consultation or conference ring, the customer call it serves; else empty
 * @param at              when the agent answered
 */
public record CallConnected(String callId, String server, String callerChannel, String agentId, String agentChannel,
                            String queue, String recordingPolicy, String forCall, Instant at) {}
