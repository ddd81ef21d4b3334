package cc.core.contract;

/**
 * Call control hands a connected call back to the ACD: to a queue, or to one agent. The ACD releases the agent on
 * it (to wrap-up) and routes the call again keeping its priority, skills and pop data, adding who transferred it
 * and the notes so far ({@code transferredBy}, {@code transferNotes} in the next pop's data). The caller must
 * already be out of the agent's bridge (on hold): call control hangs the old agent's leg up after the reply.
 *
 * @param callId  the ACD's call id (the caller's Uniqueid)
 * @param queue   the queue to route it in; empty keeps the call's queue
 * @param agentId only this agent (who must be available); empty for anyone in the queue
 * @param byAgent the agent who transferred it
 * @param notes   the notes so far; may be empty
 */
public record TransferCall(String callId, String queue, String agentId, String byAgent, String notes) {}
