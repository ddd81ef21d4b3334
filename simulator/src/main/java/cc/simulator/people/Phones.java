package cc.simulator.people;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated phones behind {@code PJSIP/<number>} dial strings: exact numbers first, then the longest matching
 * prefix, then the default. Immutable.
 */
public final class Phones {
    private final Map<String, PhoneBehaviour> exact;
    private final Map<String, PhoneBehaviour> prefixes;
    private final PhoneBehaviour fallback;

    private Phones(Map<String, PhoneBehaviour> exact, Map<String, PhoneBehaviour> prefixes, PhoneBehaviour fallback) {
        this.exact = Map.copyOf(exact);
        this.prefixes = new LinkedHashMap<>(prefixes);
        this.fallback = fallback;
    }

    /** Every number answers after 1 s and stays until hung up. */
    public static Phones defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public PhoneBehaviour behaviourOf(String number) {
        PhoneBehaviour b = exact.get(number);
        if (b != null) {
            return b;
        }
        String best = null;
        for (String p : prefixes.keySet()) {
            if (number.startsWith(p) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best != null ? prefixes.get(best) : fallback;
    }

    public static final class Builder {
        private final Map<String, PhoneBehaviour> exact = new LinkedHashMap<>();
        private final Map<String, PhoneBehaviour> prefixes = new LinkedHashMap<>();
        private PhoneBehaviour fallback = PhoneBehaviour.answersAfter(Distribution.fixed(1_000));

        public Builder number(String number, PhoneBehaviour b) {
            exact.put(number, b);
            return this;
        }

        public Builder prefix(String prefix, PhoneBehaviour b) {
            prefixes.put(prefix, b);
            return this;
        }

        public Builder fallback(PhoneBehaviour b) {
            fallback = b;
            return this;
        }

        public Phones build() {
            return new Phones(exact, prefixes, fallback);
        }
    }
}
