package cc.core.contract;

import java.time.Instant;

/**
 * The ACD's score rules acted on a caller at enqueue (or matched and changed nothing): kept on the interaction as a
 * {@code routing} segment.
 *
 * @param callId  the caller's channel Uniqueid
 * @param queue   the queue the caller waits in after the rules
 * @param outcome {@code applied} (the queue or the priority changed) or {@code unchanged} (a rule matched, nothing
 *                changed: the target queue was the one asked for)
 * @param detail  what each matching rule saw and did, e.g. {@code churnRisk 0.90 > 0.7: queue retention}
 * @param at      when
 */
public record CallScoreRouted(String callId, String queue, String outcome, String detail, Instant at) {
    public static final String APPLIED = "applied";
    public static final String UNCHANGED = "unchanged";
}
