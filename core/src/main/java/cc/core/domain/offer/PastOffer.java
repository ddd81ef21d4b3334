package cc.core.domain.offer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An offer made to the customer before, and what they answered.
 *
 * @param product the product's code
 * @param at      when it was offered
 * @param outcome what came of it
 */
public record PastOffer(String product, Instant at, Outcome outcome) {
    /** What the agent recorded: the offer made (no answer yet), taken, or turned down. */
    public enum Outcome {
        OFFERED, ACCEPTED, DECLINED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome of its wire name; empty when it is none of them. */
        public static java.util.Optional<Outcome> fromWireName(String name) {
            for (Outcome o : values()) {
                if (o.wireName().equals(name)) {
                    return java.util.Optional.of(o);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public PastOffer {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }
}
