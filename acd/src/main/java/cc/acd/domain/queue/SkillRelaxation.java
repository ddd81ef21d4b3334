package cc.acd.domain.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Widens the pool of agents for a caller who waits: every {@code every} of waiting in the queue, each required
 * level drops by {@code levels}, never below 1 (the skill itself stays required).
 *
 * @param every  how long each step waits; zero turns relaxation off
 * @param levels how many levels each step drops
 */
public record SkillRelaxation(Duration every, int levels) {
    public static final SkillRelaxation NONE = new SkillRelaxation(Duration.ZERO, 0);

    public SkillRelaxation {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || levels < 0) {
            throw new IllegalArgumentException("skill relaxation needs a non-negative step and level drop");
        }
    }

    public boolean isOff() {
        return every.isZero() || levels == 0;
    }

    /** The required level after {@code steps} relaxation steps. */
    public int relaxed(int minLevel, int steps) {
        return isOff() ? minLevel : Math.max(1, minLevel - steps * levels);
    }

    /** How many steps can still change a requirement of {@code maxLevel}; past that, no timer is needed. */
    public int usefulSteps(int maxLevel) {
        return isOff() || maxLevel <= 1 ? 0 : (maxLevel - 1 + levels - 1) / levels;
    }
}
