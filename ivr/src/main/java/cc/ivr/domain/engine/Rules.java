package cc.ivr.domain.engine;

import cc.ivr.domain.flow.Node;

import java.math.BigDecimal;

/** Evaluates a branch rule against a variable's value. */
final class Rules {
    private Rules() {}

    static boolean holds(Node.Rule r, String value) {
        switch (r.test()) {
            case EQUALS:
                return !r.values().isEmpty() && value.equals(r.values().get(0));
            case NOT_EQUALS:
                return r.values().isEmpty() || !value.equals(r.values().get(0));
            case IN:
                return r.values().contains(value);
            case MATCHES:
                return r.pattern().isPresent() && r.pattern().get().matcher(value).matches();
            case PRESENT:
                return !value.isEmpty();
            case ABSENT:
                return value.isEmpty();
            case LESS_THAN:
                return numeric(value, r, true);
            case AT_LEAST:
                return numeric(value, r, false);
            default:
                return false;
        }
    }

    /** Numeric comparison; a value that is not a number never holds. */
    private static boolean numeric(String value, Node.Rule r, boolean less) {
        try {
            int c = new BigDecimal(value.trim()).compareTo(new BigDecimal(r.values().get(0).trim()));
            return less ? c < 0 : c >= 0;
        } catch (RuntimeException notANumber) {
            return false;
        }
    }
}
