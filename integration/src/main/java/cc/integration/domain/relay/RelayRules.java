package cc.integration.domain.relay;

import java.time.Duration;

/**
 * @param batchSize most outbox rows read and handed on at once
 * @param pollEvery how soon to look again when the outbox had nothing new for the sink (or only rows behind a gap)
 * @param gapGrace  how long a missing seq below committed ones is waited for before it is taken for a rolled-back
 *                  transaction and passed; a transaction that stays open longer than this after taking its seq is
 *                  delivered late (see {@link RelayCore}), never lost
 * @param lateWatch how long a passed seq is still looked for, so a very late commit is delivered out of order
 *                  rather than never
 * @param backoff   waits between offers of a batch the sink failed
 */
public record RelayRules(int batchSize, Duration pollEvery, Duration gapGrace, Duration lateWatch, Backoff backoff) {

    public RelayRules {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        if (pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalArgumentException("pollEvery must be positive: " + pollEvery);
        }
        if (gapGrace.isNegative()) {
            throw new IllegalArgumentException("gapGrace must not be negative: " + gapGrace);
        }
    }

    public RelayRules withBackoff(Backoff b) {
        return new RelayRules(batchSize, pollEvery, gapGrace, lateWatch, b);
    }
}
