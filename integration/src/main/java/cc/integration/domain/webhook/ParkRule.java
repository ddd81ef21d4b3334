package cc.integration.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a batch the receiver keeps refusing is parked: once it has failed for {@code parkAfter} since its first failed
 * attempt, its events go to the dead-letter list and the subscription moves on. A batch is known by its first seq; a
 * success, or another batch, starts the count afresh.
 *
 * <p>Pure; one sink owns its attempts.
 */
public final class ParkRule {
    private final Duration parkAfter;

    public ParkRule(Duration parkAfter) {
        if (parkAfter.isNegative()) {
            throw new IllegalArgumentException("parkAfter must not be negative: " + parkAfter);
        }
        this.parkAfter = parkAfter;
    }

    /** The failed attempts of one batch so far. */
    public record Attempts(long firstSeq, Instant firstFailure, int count) {}

    /** The attempts after one more failure of the batch starting at {@code firstSeq}. */
    public Attempts failed(Optional<Attempts> before, long firstSeq, Instant now) {
        if (before.isPresent() && before.get().firstSeq() == firstSeq) {
            return new Attempts(firstSeq, before.get().firstFailure(), before.get().count() + 1);
        }
        return new Attempts(firstSeq, now, 1);
    }

    /** Whether the batch has been failing long enough to be parked now. */
    public boolean park(Attempts attempts, Instant now) {
        return !now.isBefore(attempts.firstFailure().plus(parkAfter));
    }

    public Duration parkAfter() {
        return parkAfter;
    }
}
