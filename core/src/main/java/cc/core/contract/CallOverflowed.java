package cc.core.contract;

import java.time.Instant;

/**
 * A caller left a queue.
 *
 * @param callId    the caller's channel Uniqueid
 * @param channel   the caller's channel name
 * @param fromQueue the queue left
 * @param target    {@code queue}, {@code voicemail} or {@code callback}
 * @param where     the queue or mailbox name; empty for a callback
 * @param reason    {@code queue-full}, {@code queue-closed} or {@code wait-limit}
 * @param at        when
 */
public record CallOverflowed(String callId, String channel, String fromQueue, String target, String where,
                             String reason, Instant at) {}
