package cc.dialer.domain.pacing;

import java.util.Objects;

/**
 * How many calls to place now, and why, for the log and the metrics.
 *
 * @param calls         lines to dial now
 * @param appliedMode   the mode the count came from (predictive falls back to progressive at the abandon guard)
 * @param reason        one line for the log
 */
public record PacingDecision(int calls, PacingMode appliedMode, String reason) {
    public PacingDecision {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative");
        }
        Objects.requireNonNull(appliedMode, "appliedMode");
        Objects.requireNonNull(reason, "reason");
    }
}
