package cc.core.domain.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The figures scoring reads from one customer's history as of one instant, only from what happened before it (a
 * churned customer is read as of the moment they left, so the label never leaks into the features).
 *
 * <p>{@link #vector()} is the churn model's input, in the order of {@link #NAMES}; the names are also the reasons a
 * churn risk gives. The count of recent orders is left out of it: falling orders show as {@code orderFrequencyDrop},
 * and a second feature saying the same would split that reason in two.
 */
public record CustomerFeatures(long customerId, double tenureDays, double ordersLast90Days, double ordersPrior90Days,
                               double orderFrequencyDrop, double daysSinceLastOrder, double revenueLastYear,
                               double ordersLastYear, double contactsLast90Days, double unresolvedContactsLast90Days,
                               double averageSatisfaction, double lowSatisfaction, double priceComplaintLast90Days,
                               double wonOpportunities, double lostOpportunities) {

    /** The churn model's features, in {@link #vector()} order. */
    public static final List<String> NAMES = List.of("tenureDays", "orderFrequencyDrop",
            "daysSinceLastOrder", "revenueLastYear", "contactsLast90Days", "unresolvedContactsLast90Days",
            "lowSatisfaction", "priceComplaintLast90Days", "wonOpportunities", "lostOpportunities");

    private static final Duration DAYS_90 = Duration.ofDays(90);
    private static final Duration YEAR = Duration.ofDays(365);
    /** A customer who never ordered is read as this many days since their last order. */
    static final double NEVER_ORDERED_DAYS = 730;
    /** Survey average below which satisfaction counts as low. */
    static final double LOW_SATISFACTION = 2.5;

    public double[] vector() {
        return new double[] {tenureDays, orderFrequencyDrop, daysSinceLastOrder, revenueLastYear,
                contactsLast90Days, unresolvedContactsLast90Days, lowSatisfaction, priceComplaintLast90Days,
                wonOpportunities, lostOpportunities};
    }

    /** The features of {@code h} as of {@code asOf}: only orders, opportunities and contacts before it count. */
    public static CustomerFeatures of(CustomerHistory h, Instant asOf) {
        Instant d90 = asOf.minus(DAYS_90);
        Instant d180 = d90.minus(DAYS_90);
        Instant year = asOf.minus(YEAR);
        double recent = 0;
        double prior = 0;
        double ordersYear = 0;
        double revenueYear = 0;
        Instant lastOrder = null;
        for (CustomerHistory.Order o : h.orders()) {
            if (!o.at().isBefore(asOf)) {
                continue;
            }
            if (!o.at().isBefore(d90)) {
                recent++;
            } else if (!o.at().isBefore(d180)) {
                prior++;
            }
            if (!o.at().isBefore(year)) {
                ordersYear++;
                revenueYear += o.amount();
            }
            if (lastOrder == null || o.at().isAfter(lastOrder)) {
                lastOrder = o.at();
            }
        }
        double won = 0;
        double lost = 0;
        for (CustomerHistory.Opportunity op : h.opportunities()) {
            if (!op.closedAt().isBefore(asOf)) {
                continue;
            }
            if (op.won()) {
                won++;
                if (!op.closedAt().isBefore(year)) {
                    revenueYear += op.amount();
                }
            } else {
                lost++;
            }
        }
        double contacts = 0;
        double unresolved = 0;
        double priceComplaint = 0;
        double satisfactionSum = 0;
        int surveys = 0;
        for (CustomerHistory.Contact c : h.contacts()) {
            if (!c.at().isBefore(asOf)) {
                continue;
            }
            if (c.satisfaction() > 0) {
                satisfactionSum += c.satisfaction();
                surveys++;
            }
            if (c.at().isBefore(d90)) {
                continue;
            }
            contacts++;
            if (CustomerHistory.UNRESOLVED_DISPOSITIONS.contains(c.disposition())) {
                unresolved++;
            }
            if (CustomerHistory.PRICE_COMPLAINT.equals(c.disposition())) {
                priceComplaint = 1;
            }
        }
        // no survey answered: read as neutral, neither low nor high
        double satisfaction = surveys == 0 ? 3.0 : satisfactionSum / surveys;
        double drop = prior == 0 ? 0 : Math.max(0, prior - recent) / prior;
        double sinceLast = lastOrder == null ? NEVER_ORDERED_DAYS
                : Math.min(NEVER_ORDERED_DAYS, Duration.between(lastOrder, asOf).toHours() / 24.0);
        double tenure = Math.max(0, Duration.between(h.since(), asOf).toHours() / 24.0);
        return new CustomerFeatures(h.customerId(), tenure, recent, prior, drop, sinceLast, revenueYear, ordersYear,
                contacts, unresolved, satisfaction, satisfaction < LOW_SATISFACTION ? 1 : 0, priceComplaint, won,
                lost);
    }
}
