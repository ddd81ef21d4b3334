package cc.core.domain.scoring;

import java.time.Instant;
import java.util.List;

/**
 * One score of one customer as computed at {@code computedAt}, with the reasons behind it (most telling first), as
 * call lists, routing and people read it.
 *
 * @param name {@link #VALUE}, {@link #LOYALTY}, {@link #CHURN_RISK}, or {@code propensity_<product>}
 *             ({@link OfferPropensity})
 * @param score 0 to 1
 */
public record CustomerScore(long customerId, String name, double score, Instant computedAt, List<String> reasons) {
    public static final String VALUE = "value";
    public static final String LOYALTY = "loyalty";
    public static final String CHURN_RISK = "churnRisk";

    public CustomerScore {
        reasons = List.copyOf(reasons);
    }

    /** Whether a scoring run computes scores of this name (and so replaces them); other names are left alone. */
    public static boolean computedByScoring(String name) {
        return name.equals(VALUE) || name.equals(LOYALTY) || name.equals(CHURN_RISK)
                || name.startsWith(OfferPropensity.PREFIX);
    }
}
