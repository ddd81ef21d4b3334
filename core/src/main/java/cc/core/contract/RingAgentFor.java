package cc.core.contract;

/**
 * Call control asks the ACD to ring one agent for a call in progress: to consult with the agent on it (the answered
 * phone is bridged with {@code bridgeWith}), or to join a conference ({@code conference}: the answered phone is sent
 * into that conference). The ACD rings only that agent, who must be available, counts them busy until their phone
 * hangs up, and gives up when they do not answer (an {@link OfferEnded} says so).
 *
 * @param ringId     the id of this ring (unique; the ACD's call id for it)
 * @param forCall    the customer call it serves (the caller's Uniqueid): the agent's pop shows that call
 * @param agentId    the agent to ring
 * @param bridgeWith the channel to bridge the answered phone with; empty when {@code conference} is set
 * @param conference the conference to send the answered phone into; empty for a consultation
 * @param byAgent    the agent asking
 * @param notes      the notes so far, shown on the pop; may be empty
 */
public record RingAgentFor(String ringId, String forCall, String agentId, String bridgeWith, String conference,
                           String byAgent, String notes) {}
