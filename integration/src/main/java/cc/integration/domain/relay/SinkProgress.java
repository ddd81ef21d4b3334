package cc.integration.domain.relay;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/**
 * Where one sink stands in the outbox.
 *
 * @param cursor    the last seq delivered (or passed as not wanted, or passed as a gap); 0 before the first
 * @param gap       the lowest missing seq above committed ones, and since when it has been missing
 * @param failures  failed deliveries of the current batch in a row
 * @param notBefore when the sink may be offered rows again (the backoff after a failure)
 * @param lastError why the last delivery failed; empty after a success
 * @param watched   seqs passed as gaps, with when they were passed: looked for again until {@link RelayRules#lateWatch}
 *                  has gone by, in case their transaction commits after all
 */
public record SinkProgress(long cursor, Optional<Gap> gap, int failures, Instant notBefore, String lastError,
                           SortedMap<Long, Instant> watched) {

    /** A seq missing from the outbox below a committed one. */
    public record Gap(long seq, Instant since) {}

    public SinkProgress {
        watched = Collections.unmodifiableSortedMap(new TreeMap<>(watched));
    }

    public static SinkProgress at(long cursor, Instant now) {
        return new SinkProgress(cursor, Optional.empty(), 0, now, "", new TreeMap<>());
    }
}
