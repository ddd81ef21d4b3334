package cc.simulator.people;

import java.util.Random;

/** A distribution of durations in milliseconds, sampled with the simulator's seeded random. */
public interface Distribution {
    long sample(Random random);

    static Distribution fixed(long ms) {
        return r -> ms;
    }

    static Distribution uniform(long minMs, long maxMs) {
        if (maxMs < minMs) {
            throw new IllegalArgumentException("uniform(" + minMs + ", " + maxMs + "): max below min");
        }
        return r -> minMs + (maxMs == minMs ? 0 : (long) (r.nextDouble() * (maxMs - minMs)));
    }

    static Distribution exponential(long meanMs) {
        return r -> (long) (-Math.log(1 - r.nextDouble()) * meanMs);
    }
}
