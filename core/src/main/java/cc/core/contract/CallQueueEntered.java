package cc.core.contract;

import java.time.Instant;

/**
 * A caller joined an ACD queue (handed over by the IVR or the dialer, or overflowed from another queue).
 *
 * @param callId the caller's channel Uniqueid (or the ACD's id of a callback)
 * @param queue  the queue
 * @param at     when
 */
public record CallQueueEntered(String callId, String queue, Instant at) {}
