package cc.core.contract;

import java.time.Instant;

/**
 * What to tell a waiting caller.
 *
 * @param callId               the caller's channel Uniqueid
 * @param channel              the caller's channel name
 * @param queue                the queue
 * @param position             the place in line, 1 = next
 * @param estimatedWaitSeconds the estimated wait, or -1 when no honest estimate exists (nobody staffs the queue)
 * @param at                   when
 */
public record QueuePositionAnnounced(String callId, String channel, String queue, int position,
                                     long estimatedWaitSeconds, Instant at) {}
