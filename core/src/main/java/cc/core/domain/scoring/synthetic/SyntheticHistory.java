package cc.core.domain.scoring.synthetic;

import cc.core.domain.scoring.CustomerHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Customers of a contact center with up to three years of orders, opportunities, contacts and offers, some of whom
 * left, generated from a seed so every run (and every customer, by id) is the same. Offers are taken at the planted
 * rate of the customer's segment for the product ({@link #PLANTED_ACCEPTANCE}).
 *
 * <p>Whether a customer churns is drawn from a logistic model of the planted drivers ({@link #PLANTED_DRIVERS}): each
 * driver is present in a share of customers independently, and raises the log-odds of churning by its
 * {@link Driver#logOdds}; everything else (tenure, segment, order size, opportunities) is noise to the label. A churned
 * customer's history stops at the moment they left, which is a closed account or a contact disposed {@code churned}.
 */
public final class SyntheticHistory {

    /** A planted churn driver: the feature that shows it, how often it is present, what it adds to the log-odds. */
    public record Driver(String feature, double share, double logOdds) {}

    /** Repeated unresolved contacts (log-odds per contact, one to four of them), low satisfaction, falling orders,
     *  a recent price complaint. */
    public static final List<Driver> PLANTED_DRIVERS = List.of(
            new Driver("unresolvedContactsLast90Days", 0.25, 0.9),
            new Driver("lowSatisfaction", 0.2, 2.0),
            new Driver("orderFrequencyDrop", 0.25, 2.5),
            new Driver("priceComplaintLast90Days", 0.15, 2.5));
    /** Log-odds of churning with no driver present: about 5 %. */
    public static final double BASE_LOG_ODDS = -3.0;

    /** Planted share of offers taken, by segment then product: what offer propensity must find again. */
    public static final Map<String, Map<String, Double>> PLANTED_ACCEPTANCE = Map.of(
            "retail", Map.of("broadband", 0.15, "mobile", 0.30, "insurance", 0.05),
            "business", Map.of("broadband", 0.45, "mobile", 0.20, "insurance", 0.10),
            "vip", Map.of("broadband", 0.20, "mobile", 0.25, "insurance", 0.50));
    private static final List<String> PRODUCTS = List.of("broadband", "insurance", "mobile");

    private static final List<String> SEGMENTS = List.of("retail", "business", "vip");
    private static final Duration HISTORY = Duration.ofDays(3 * 365);
    private static final long DAY_SECONDS = 86_400;

    private final long seed;
    private final Instant now;

    public SyntheticHistory(long seed, Instant now) {
        this.seed = seed;
        this.now = now;
    }

    /** Customers {@code 1..count}. */
    public List<CustomerHistory> customers(int count) {
        List<CustomerHistory> all = new ArrayList<>(count);
        for (long id = 1; id <= count; id++) {
            all.add(customer(id));
        }
        return all;
    }

    /** Customer {@code id}: the same history for the same seed and id, whatever else was generated. */
    public CustomerHistory customer(long id) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        Instant since = now.minus(Duration.ofDays(200 + rng.nextInt(3000)));
        String segment = SEGMENTS.get(rng.nextInt(SEGMENTS.size()));
        int unresolved = rng.nextDouble() < PLANTED_DRIVERS.get(0).share() ? 1 + rng.nextInt(4) : 0;
        boolean lowSatisfaction = rng.nextDouble() < PLANTED_DRIVERS.get(1).share();
        boolean ordersFalling = rng.nextDouble() < PLANTED_DRIVERS.get(2).share();
        boolean priceComplaint = rng.nextDouble() < PLANTED_DRIVERS.get(3).share();
        double logOdds = BASE_LOG_ODDS + unresolved * PLANTED_DRIVERS.get(0).logOdds()
                + (lowSatisfaction ? PLANTED_DRIVERS.get(1).logOdds() : 0)
                + (ordersFalling ? PLANTED_DRIVERS.get(2).logOdds() : 0)
                + (priceComplaint ? PLANTED_DRIVERS.get(3).logOdds() : 0);
        boolean churns = rng.nextDouble() < 1 / (1 + Math.exp(-logOdds));
        Instant end = churns ? now.minus(Duration.ofDays(1 + rng.nextInt(180))) : now;
        Instant from = later(since, end.minus(HISTORY));

        // orders: a steady rate per 90 days, a fifth of it in the last 90 days for a customer whose orders fall
        double perDay = (2 + rng.nextDouble() * 6) / 90.0;
        double amount = segment.equals("vip") ? 400 : segment.equals("business") ? 200 : 60;
        Instant fallFrom = end.minus(Duration.ofDays(90));
        List<CustomerHistory.Order> orders = new ArrayList<>();
        Instant t = from;
        while (true) {
            double rate = ordersFalling && !t.isBefore(fallFrom) ? perDay / 5 : perDay;
            t = t.plusSeconds((long) (-Math.log(1 - rng.nextDouble()) / rate * DAY_SECONDS));
            if (!t.isBefore(end)) {
                break;
            }
            orders.add(new CustomerHistory.Order(t, Math.round(amount * (0.5 + rng.nextDouble()) * 100) / 100.0));
        }

        List<CustomerHistory.Opportunity> opportunities = new ArrayList<>();
        for (int i = rng.nextInt(4); i > 0; i--) {
            opportunities.add(new CustomerHistory.Opportunity(between(rng, from, end), amount * (2 + rng.nextInt(8)),
                    rng.nextBoolean()));
        }

        // contacts: about one every two months, resolved or informational, surveyed half the time
        List<CustomerHistory.Contact> contacts = new ArrayList<>();
        long days = Math.max(1, Duration.between(from, end).toDays());
        for (long i = days / 60 + rng.nextInt(3); i > 0; i--) {
            contacts.add(new CustomerHistory.Contact(between(rng, from, end),
                    rng.nextInt(3) == 0 ? "info" : "resolved", survey(rng, lowSatisfaction)));
        }
        Instant recent = end.minus(Duration.ofDays(89));
        for (int i = 0; i < unresolved; i++) {
            contacts.add(new CustomerHistory.Contact(between(rng, recent, end), "unresolved",
                    survey(rng, lowSatisfaction)));
        }
        if (priceComplaint) {
            contacts.add(new CustomerHistory.Contact(between(rng, recent, end), CustomerHistory.PRICE_COMPLAINT,
                    survey(rng, lowSatisfaction)));
        }
        if (lowSatisfaction) {
            // a customer who is unhappy says so at least once
            contacts.add(new CustomerHistory.Contact(between(rng, from, end), "resolved", 1 + rng.nextInt(2)));
        }
        Optional<Instant> closedAt = Optional.empty();
        if (churns) {
            if (rng.nextBoolean()) {
                contacts.add(new CustomerHistory.Contact(end, "churned", 0));
            } else {
                closedAt = Optional.of(end);
            }
        }
        contacts.sort((a, b) -> a.at().compareTo(b.at()));
        // offers last, so adding them left every earlier draw (and the churn population) as it was
        List<CustomerHistory.Offer> offers = new ArrayList<>();
        for (int i = rng.nextInt(5); i > 0; i--) {
            String product = PRODUCTS.get(rng.nextInt(PRODUCTS.size()));
            offers.add(new CustomerHistory.Offer(between(rng, from, end), product,
                    rng.nextDouble() < PLANTED_ACCEPTANCE.get(segment).get(product)));
        }
        offers.sort((a, b) -> a.at().compareTo(b.at()));
        return new CustomerHistory(id, segment, since, orders, opportunities, contacts, offers, closedAt);
    }

    /** 0 (no answer) half the time; 1 or 2 for an unhappy customer, 3 to 5 otherwise. */
    private static int survey(SplittableRandom rng, boolean unhappy) {
        if (rng.nextBoolean()) {
            return 0;
        }
        return unhappy ? 1 + rng.nextInt(2) : 3 + rng.nextInt(3);
    }

    private static Instant between(SplittableRandom rng, Instant from, Instant to) {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds(rng.nextLong(span));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
