package cc.core.contract;

import java.time.Instant;

/**
 * What a call in progress is now, as its agent's console shows it.
 *
 * @param interactionId the call's interaction record
 * @param agentId       the agent on the call now (the owner of the console showing it)
 * @param state         {@code talking}, {@code held}, {@code consulting} (caller held, agent talking to
 *                      {@code party}), {@code conference}, {@code transferring} (the caller is being handed on),
 *                      {@code ended}
 * @param party         who else is on the line besides caller and agent: the consulted or conferenced agent id or
 *                      number; empty when none
 * @param recording     {@code off}, {@code on}, {@code paused}
 * @param at            when it changed
 */
public record CallControlChanged(String interactionId, String agentId, String state, String party, String recording,
                                 Instant at) {}
