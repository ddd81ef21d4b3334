package cc.dialer.domain.pacing;

import java.time.Duration;
import java.util.Objects;

/**
 * A regulator's abandoned-call limit: at most {@code limit} of live-answered calls abandoned per campaign over a
 * rolling {@code window}.
 *
 * @param name                       shown in reports, e.g. {@code US-TSR}
 * @param window                     the rolling window the rate is measured over
 * @param limit                      the highest allowed abandon rate, e.g. 0.03
 * @param countsAmdFalsePositives    whether live people dropped by answering-machine detection count as abandoned
 */
public record RegulatorRule(String name, Duration window, double limit, boolean countsAmdFalsePositives) {

    /** FTC Telemarketing Sales Rule / FCC TCPA: 3% of live-answered calls per campaign over 30 days. */
    public static final RegulatorRule US_TSR = new RegulatorRule("US-TSR", Duration.ofDays(30), 0.03, false);

    /** Ofcom persistent-misuse policy: 3% of live calls per campaign over 24 hours, AMD false positives included. */
    public static final RegulatorRule UK_OFCOM = new RegulatorRule("UK-Ofcom", Duration.ofHours(24), 0.03, true);

    public RegulatorRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (!(limit > 0 && limit < 1)) {
            throw new IllegalArgumentException("limit must be between 0 and 1, was " + limit);
        }
    }

    /** Abandoned calls as this rule counts them. */
    public long abandoned(long abandonedCalls, long amdFalsePositives) {
        return abandonedCalls + (countsAmdFalsePositives ? amdFalsePositives : 0);
    }

    /** Live calls as this rule counts them (the denominator). */
    public long live(long connected, long abandonedCalls, long amdFalsePositives) {
        return connected + abandonedCalls + (countsAmdFalsePositives ? amdFalsePositives : 0);
    }
}
