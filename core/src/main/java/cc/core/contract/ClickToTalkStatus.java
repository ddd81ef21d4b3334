package cc.core.contract;

import java.time.Instant;

/**
 * Where a click-to-talk request stands.
 *
 * @param requestId the request
 * @param state     one of the constants below
 * @param detail    why, for the failures and refusals (a reason a customer can be shown); empty otherwise
 * @param at        when it reached this state
 */
public record ClickToTalkStatus(String requestId, String state, String detail, Instant at) {
    /** Waiting for its time (or for a free line). */
    public static final String SCHEDULED = "scheduled";
    /** The customer's phone is ringing. */
    public static final String DIALLING = "dialling";
    /** The customer answered and hears the confirmation prompt. */
    public static final String CONFIRMING = "confirming";
    /** The customer pressed 1 and waits in the queue ("ring the agent first": the request waits for an agent). */
    public static final String WAITING = "waiting";
    /** An agent is talking to the customer. */
    public static final String CONNECTED = "connected";
    /** The customer answered but did not press 1 (or hung up): never connected to anyone. */
    public static final String UNCONFIRMED = "unconfirmed";
    /** The customer's phone did not answer, was busy or the call failed, after the retries allowed. */
    public static final String NOT_REACHED = "not-reached";
    /** The customer pressed 1, then hung up before an agent answered. */
    public static final String ABANDONED = "abandoned";
    /** Cancelled by the customer before it was dialled. */
    public static final String CANCELLED = "cancelled";
    /** Refused by the dial rules, the do-not-call list or the dialer's limits (never dialled). */
    public static final String REFUSED = "refused";
    /** "Ring the agent first" queues: an agent's phone is ringing for the request (waiting: in line for one). */
    public static final String RINGING_AGENT = "ringing-agent";
    /** "Ring the agent first": the agent answered and the agent's phone calls the customer, who must press 1. */
    public static final String CALLING_CUSTOMER = "calling-customer";
    /** "Ring the agent first": the customer answered and did not press 1; the agent was freed, never retried. */
    public static final String DECLINED = "declined";
}
