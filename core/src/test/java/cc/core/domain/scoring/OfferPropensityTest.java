package cc.core.domain.scoring;

import cc.core.domain.scoring.synthetic.SyntheticHistory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferPropensityTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    @DisplayName("on a generated center, each segment's propensity for each product is the planted acceptance rate")
    void findsThePlantedRates() {
        List<CustomerHistory> population = new SyntheticHistory(5, NOW).customers(20_000);
        OfferPropensity propensity = OfferPropensity.fit(population.stream()
                .map(h -> OfferPropensity.CustomerOffers.of(h, NOW)).toList());
        assertEquals(List.of("broadband", "insurance", "mobile"), propensity.products());

        for (Map.Entry<String, Map<String, Double>> seg : SyntheticHistory.PLANTED_ACCEPTANCE.entrySet()) {
            // a customer of the segment never offered anything gets the segment's rate
            List<CustomerScore> scores = propensity.score(
                    new OfferPropensity.CustomerOffers(0, seg.getKey(), Map.of()), NOW);
            for (CustomerScore s : scores) {
                String product = s.name().substring(OfferPropensity.PREFIX.length());
                assertEquals(seg.getValue().get(product), s.score(), 0.03, seg.getKey() + " " + product);
                assertEquals(List.of("segmentAcceptance"), s.reasons());
            }
        }
    }

    @Test
    @DisplayName("a customer who took the product before ranks above their segment, one who declined twice below")
    void ownAnswersMove() {
        CustomerHistory a = history(1, new CustomerHistory.Offer(NOW.minusSeconds(9_000), "tv", true));
        CustomerHistory b = history(2, new CustomerHistory.Offer(NOW.minusSeconds(9_000), "tv", false),
                new CustomerHistory.Offer(NOW.minusSeconds(5_000), "tv", false));
        CustomerHistory c = history(3, new CustomerHistory.Offer(NOW.minusSeconds(9_000), "tv", false));
        CustomerHistory d = history(4, new CustomerHistory.Offer(NOW.minusSeconds(9_000), "tv", true));
        CustomerHistory fresh = history(5);
        OfferPropensity p = OfferPropensity.fit(List.of(a, b, c, d, fresh).stream()
                .map(h -> OfferPropensity.CustomerOffers.of(h, NOW)).toList());

        CustomerScore took = p.score(OfferPropensity.CustomerOffers.of(a, NOW), NOW).get(0);
        CustomerScore declined = p.score(OfferPropensity.CustomerOffers.of(b, NOW), NOW).get(0);
        CustomerScore unknown = p.score(OfferPropensity.CustomerOffers.of(fresh, NOW), NOW).get(0);
        assertEquals("propensity_tv", took.name());
        assertTrue(took.score() > unknown.score() && unknown.score() > declined.score(),
                took.score() + " > " + unknown.score() + " > " + declined.score());
        assertEquals(List.of("acceptedBefore", "segmentAcceptance"), took.reasons());
        assertEquals(List.of("declinedBefore", "segmentAcceptance"), declined.reasons());
        assertEquals("propensity_home_insurance_", OfferPropensity.scoreName("home insurance+"));
    }

    private static CustomerHistory history(long id, CustomerHistory.Offer... offers) {
        return new CustomerHistory(id, "retail", NOW.minusSeconds(86_400 * 400L), List.of(), List.of(), List.of(),
                List.of(offers), java.util.Optional.empty());
    }
}
