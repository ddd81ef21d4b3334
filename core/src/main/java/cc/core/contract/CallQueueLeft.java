package cc.core.contract;

import java.time.Instant;

/**
 * A caller left an ACD queue.
 *
 * @param callId  the caller's channel Uniqueid (or the ACD's id of a callback)
 * @param queue   the queue left
 * @param outcome {@code answered}, {@code abandoned}, {@code overflow} or {@code callback}
 *                (the constants of {@link cc.core.domain.interaction.Segment})
 * @param detail  for an overflow, where to: {@code queue:<id>}, {@code voicemail:<mailbox>} or {@code callback},
 *                with the reason after a space ({@code queue:sales wait-limit}); empty otherwise
 * @param at      when
 */
public record CallQueueLeft(String callId, String queue, String outcome, String detail, Instant at) {}
