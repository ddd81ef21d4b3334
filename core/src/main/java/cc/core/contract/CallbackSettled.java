package cc.core.contract;

import java.time.Instant;

/**
 * How a callback the customer must confirm ({@link ScheduleCallback#confirmFirst()}) ended for the agent rung for it,
 * published on {@link AcdAddresses#CALLBACK_SETTLED}.
 *
 * @param callId          the ACD call id
 * @param agentId         the agent whose leg dialled the customer
 * @param outcome         {@value #CONNECTED}: the customer pressed 1 and talks to the agent; {@value #DECLINED}: the
 *                        customer answered and did not confirm (another key, silence, hung up), the agent was made
 *                        available at once; {@value #NOT_REACHED}: the customer's phone was not answered (busy,
 *                        no answer, failed), the agent was made available at once
 * @param customerChannel the customer's channel when it was answered, else empty
 * @param at              when it was known
 */
public record CallbackSettled(String callId, String agentId, String outcome, String customerChannel, Instant at) {
    public static final String CONNECTED = "connected";
    public static final String DECLINED = "declined";
    public static final String NOT_REACHED = "not-reached";
}
