package cc.core.domain.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the center knows of one customer, as scoring reads it: when they became a customer, their orders, the
 * opportunities closed with them, their contacts with the center, the products offered to them and whether they took
 * them, and when the account was closed (if it was).
 *
 * @param closedAt when the account was closed or marked churned; empty while it is active
 */
public record CustomerHistory(long customerId, String segment, Instant since, List<Order> orders,
                              List<Opportunity> opportunities, List<Contact> contacts, List<Offer> offers,
                              Optional<Instant> closedAt) {

    /** Dispositions an agent gives when the customer says they are leaving: a churn label like a closed account. */
    public static final Set<String> CHURN_DISPOSITIONS = Set.of("churned", "cancelled", "account-closed");
    /** Dispositions of a contact that left the customer's problem open (the console's codes among them). */
    public static final Set<String> UNRESOLVED_DISPOSITIONS = Set.of("unresolved", "escalated", "callback-needed",
            "callback-promised");
    /** The disposition an agent gives when the customer complains about price. */
    public static final String PRICE_COMPLAINT = "price-complaint";

    public record Order(Instant at, double amount) {}

    public record Opportunity(Instant closedAt, double amount, boolean won) {}

    /** @param satisfaction the survey's 1 to 5, or 0 when the customer gave none */
    public record Contact(Instant at, String disposition, int satisfaction) {}

    /** A product offered to the customer (cross-sell or up-sell, on a call or a campaign) and whether they took it. */
    public record Offer(Instant at, String product, boolean accepted) {}

    public CustomerHistory {
        segment = segment == null ? "" : segment;
        orders = List.copyOf(orders);
        opportunities = List.copyOf(opportunities);
        contacts = List.copyOf(contacts);
        offers = List.copyOf(offers);
    }

    /** A customer never offered anything. */
    public CustomerHistory(long customerId, String segment, Instant since, List<Order> orders,
                           List<Opportunity> opportunities, List<Contact> contacts, Optional<Instant> closedAt) {
        this(customerId, segment, since, orders, opportunities, contacts, List.of(), closedAt);
    }

    /**
     * When the customer left, for the churn label: the account's closing, or the first contact with a churn
     * disposition, whichever came first; empty for a customer still with us.
     */
    public Optional<Instant> churnedAt() {
        Instant first = closedAt.orElse(null);
        for (Contact c : contacts) {
            if (CHURN_DISPOSITIONS.contains(c.disposition()) && (first == null || c.at().isBefore(first))) {
                first = c.at();
            }
        }
        return Optional.ofNullable(first);
    }
}
