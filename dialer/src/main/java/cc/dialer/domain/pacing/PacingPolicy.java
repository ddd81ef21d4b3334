package cc.dialer.domain.pacing;

import java.util.Objects;

/**
 * A campaign's pacing settings.
 *
 * @param mode                how the campaign dials
 * @param rule                the regulator's abandon limit the campaign is held to
 * @param patienceSeconds     how long an answered call may wait for an agent before it counts as abandoned (2 s
 *                            after the greeting under the US rules)
 * @param maxLines            the most calls the campaign may have ringing at once (trunk and permission cap)
 * @param guardAbandons       predictive dialing pauses (falls back to progressive) while the window could take
 *                            fewer than this many more abandoned calls and stay under the limit
 * @param softGuardAbandons   below this many, predictive dialing grows more cautious the closer the window is
 *                            to the guard (up to two more standard deviations of slack)
 * @param maxHorizonSeconds   the furthest ahead the pacer looks for answers
 */
public record PacingPolicy(PacingMode mode, RegulatorRule rule, double patienceSeconds, int maxLines,
                           double guardAbandons, double softGuardAbandons, int maxHorizonSeconds) {
    public PacingPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rule, "rule");
        if (patienceSeconds < 0 || maxLines < 0 || guardAbandons < 0 || softGuardAbandons < guardAbandons
                || maxHorizonSeconds < 1) {
            throw new IllegalArgumentException("pacing policy values must not be negative");
        }
    }

    /** Defaults tuned with the pacing simulation: 2 s patience, guard at half an abandon, caution from ten. */
    public static PacingPolicy of(PacingMode mode, RegulatorRule rule, int maxLines) {
        return new PacingPolicy(mode, rule, 2.0, maxLines, 0.5, 10, 60);
    }
}
