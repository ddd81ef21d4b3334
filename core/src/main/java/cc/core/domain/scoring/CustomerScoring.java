package cc.core.domain.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A customer's three scores as of {@code now}, each 0 to 1 with its reasons:
 * <ul>
 * <li>value: what the customer brought in the last year (orders and won opportunities), how often they order and how
 * recently: {@code 0.5 monetary + 0.3 frequency + 0.2 recency};
 * <li>loyalty: how long they have been a customer, how satisfied they are, and how regularly they are in touch:
 * {@code 0.4 tenure + 0.4 satisfaction + 0.2 contact};
 * <li>churn risk: the trained model's probability, its reasons the features that raised it most.
 * </ul>
 * A customer already gone (account closed or churned) gets no scores.
 */
public final class CustomerScoring {

    /** Revenue in a year at which the monetary part is one half: a typical good customer. */
    static final double HALF_VALUE_REVENUE = 1_000;
    /** Orders in a year at which frequency is full. */
    static final double FULL_FREQUENCY_ORDERS = 12;
    /** Days since the last order at which recency has fallen to about a third. */
    static final double RECENCY_DAYS = 90;
    /** Years of tenure at which tenure is full. */
    static final double FULL_TENURE_YEARS = 5;
    /** Contacts in 90 days at which contact is full: in touch about monthly. */
    static final double FULL_CONTACTS_90_DAYS = 3;
    static final int REASONS = 3;

    private final ChurnModel churn;

    public CustomerScoring(ChurnModel churn) {
        this.churn = churn;
    }

    /** The customer's value, loyalty and churn risk; empty when the customer has already left. */
    public List<CustomerScore> score(CustomerHistory h, Instant now) {
        if (h.churnedAt().isPresent()) {
            return List.of();
        }
        return score(CustomerFeatures.of(h, now), now);
    }

    /** The scores of an active customer whose features (as of {@code now}) are already read. */
    public List<CustomerScore> score(CustomerFeatures f, Instant now) {
        return List.of(value(f, now), loyalty(f, now),
                new CustomerScore(f.customerId(), CustomerScore.CHURN_RISK, churn.risk(f), now,
                        churn.reasons(f, REASONS)));
    }

    public static CustomerScore value(CustomerFeatures f, Instant now) {
        double monetary = f.revenueLastYear() / (f.revenueLastYear() + HALF_VALUE_REVENUE);
        double frequency = Math.min(1, f.ordersLastYear() / FULL_FREQUENCY_ORDERS);
        double recency = Math.exp(-f.daysSinceLastOrder() / RECENCY_DAYS);
        return scored(f.customerId(), CustomerScore.VALUE, now,
                Map.of("revenueLastYear", 0.5 * monetary, "ordersLastYear", 0.3 * frequency,
                        "daysSinceLastOrder", 0.2 * recency));
    }

    public static CustomerScore loyalty(CustomerFeatures f, Instant now) {
        double tenure = Math.min(1, f.tenureDays() / 365.0 / FULL_TENURE_YEARS);
        double satisfaction = (f.averageSatisfaction() - 1) / 4;
        double contact = Math.min(1, f.contactsLast90Days() / FULL_CONTACTS_90_DAYS);
        return scored(f.customerId(), CustomerScore.LOYALTY, now,
                Map.of("tenureDays", 0.4 * tenure, "averageSatisfaction", 0.4 * satisfaction,
                        "contactsLast90Days", 0.2 * contact));
    }

    /** The sum of the parts, the reasons the parts that gave most (parts that gave nothing are no reason). */
    private static CustomerScore scored(long customerId, String name, Instant now, Map<String, Double> parts) {
        double sum = 0;
        List<Map.Entry<String, Double>> giving = new ArrayList<>();
        for (Map.Entry<String, Double> e : parts.entrySet()) {
            sum += e.getValue();
            if (e.getValue() > 0.005) {
                giving.add(e);
            }
        }
        giving.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> reasons = giving.stream().limit(REASONS).map(Map.Entry::getKey).toList();
        return new CustomerScore(customerId, name, Math.max(0, Math.min(1, sum)), now, reasons);
    }
}
