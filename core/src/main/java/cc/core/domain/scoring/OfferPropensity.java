package cc.core.domain.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How likely a customer is to take each product if offered, from the center's past offers and their outcomes: the
 * acceptance rate of the customer's segment for that product, pulled towards the product's overall rate when the
 * segment has few offers, then towards the customer's own answers to that product (a customer who took it before is
 * likelier to take an upgrade; one who declined twice is not).
 *
 * <p>Scores are named {@code propensity_<product>} (letters, digits and _ only, so call lists can segment on them).
 * Reasons: {@code segmentAcceptance} always, {@code acceptedBefore} or {@code declinedBefore} when the customer
 * answered that product's offer before.
 */
public final class OfferPropensity {
    /** Offers of a segment that weigh as much as the product's overall rate. */
    static final double SEGMENT_PRIOR = 20;
    /** Offers to the customer that weigh as much as their segment's rate. */
    static final double CUSTOMER_PRIOR = 2;
    public static final String PREFIX = "propensity_";

    /** How many times a product was offered and taken. */
    public record Responses(int offered, int accepted) {
        Responses plus(Responses o) {
            return new Responses(offered + o.offered, accepted + o.accepted);
        }
    }

    /** One customer's answers to offers before an instant, by product. */
    public record CustomerOffers(long customerId, String segment, Map<String, Responses> byProduct) {
        public CustomerOffers {
            byProduct = Map.copyOf(byProduct);
        }

        public static CustomerOffers of(CustomerHistory h, Instant asOf) {
            Map<String, Responses> by = new HashMap<>();
            for (CustomerHistory.Offer o : h.offers()) {
                if (o.at().isBefore(asOf)) {
                    by.merge(o.product(), new Responses(1, o.accepted() ? 1 : 0), Responses::plus);
                }
            }
            return new CustomerOffers(h.customerId(), h.segment(), by);
        }
    }

    private final Map<String, Responses> byProduct;
    private final Map<String, Map<String, Responses>> bySegment;

    private OfferPropensity(Map<String, Responses> byProduct, Map<String, Map<String, Responses>> bySegment) {
        this.byProduct = byProduct;
        this.bySegment = bySegment;
    }

    /** The rates of every product ever offered, from all customers' answers (those who left included). */
    public static OfferPropensity fit(Collection<CustomerOffers> customers) {
        Map<String, Responses> byProduct = new TreeMap<>();
        Map<String, Map<String, Responses>> bySegment = new HashMap<>();
        for (CustomerOffers c : customers) {
            for (Map.Entry<String, Responses> e : c.byProduct().entrySet()) {
                byProduct.merge(e.getKey(), e.getValue(), Responses::plus);
                bySegment.computeIfAbsent(c.segment(), s -> new HashMap<>())
                        .merge(e.getKey(), e.getValue(), Responses::plus);
            }
        }
        return new OfferPropensity(byProduct, bySegment);
    }

    /** The products the center has offered, in name order. */
    public List<String> products() {
        return List.copyOf(byProduct.keySet());
    }

    /** The customer's propensity for every product the center has offered. */
    public List<CustomerScore> score(CustomerOffers c, Instant now) {
        List<CustomerScore> out = new ArrayList<>(byProduct.size());
        for (Map.Entry<String, Responses> p : byProduct.entrySet()) {
            Responses all = p.getValue();
            double productRate = (all.accepted() + 1.0) / (all.offered() + 2.0);
            Responses seg = bySegment.getOrDefault(c.segment(), Map.of()).getOrDefault(p.getKey(), new Responses(0, 0));
            double segmentRate = (seg.accepted() + SEGMENT_PRIOR * productRate) / (seg.offered() + SEGMENT_PRIOR);
            Responses own = c.byProduct().getOrDefault(p.getKey(), new Responses(0, 0));
            double rate = (own.accepted() + CUSTOMER_PRIOR * segmentRate) / (own.offered() + CUSTOMER_PRIOR);
            List<String> reasons = new ArrayList<>(List.of("segmentAcceptance"));
            if (own.accepted() > 0) {
                reasons.add(0, "acceptedBefore");
            } else if (own.offered() > 0) {
                reasons.add(0, "declinedBefore");
            }
            out.add(new CustomerScore(c.customerId(), scoreName(p.getKey()), rate, now, reasons));
        }
        return out;
    }

    /** {@code propensity_<product>}, any character but letters, digits and _ made _, at most 64 characters. */
    public static String scoreName(String product) {
        String name = PREFIX + product.replaceAll("[^A-Za-z0-9_]", "_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
