package cc.core.domain.scoring;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerScoringTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static Instant daysAgo(int d) {
        return NOW.minus(Duration.ofDays(d));
    }

    /** A churn model that says 0.5 and gives one reason, so these tests look at value and loyalty alone. */
    private static final ChurnModel HALF = new ChurnModel() {
        @Override
        public double risk(CustomerFeatures features) {
            return 0.5;
        }

        @Override
        public List<String> reasons(CustomerFeatures features, int top) {
            return List.of("lowSatisfaction");
        }
    };

    private static CustomerHistory history(int tenureDays, List<CustomerHistory.Order> orders,
                                           List<CustomerHistory.Contact> contacts, Optional<Instant> closed) {
        return new CustomerHistory(1, "retail", daysAgo(tenureDays), orders, List.of(), contacts, closed);
    }

    @Test
    @DisplayName("features count only what happened before the instant they are read at, by 90-day windows")
    void featuresByWindow() {
        List<CustomerHistory.Order> orders = List.of(new CustomerHistory.Order(daysAgo(200), 100),
                new CustomerHistory.Order(daysAgo(150), 100), new CustomerHistory.Order(daysAgo(120), 100),
                new CustomerHistory.Order(daysAgo(30), 50), new CustomerHistory.Order(NOW.plusSeconds(60), 999));
        List<CustomerHistory.Contact> contacts = List.of(new CustomerHistory.Contact(daysAgo(10), "unresolved", 2),
                new CustomerHistory.Contact(daysAgo(5), "escalated", 1),
                new CustomerHistory.Contact(daysAgo(3), CustomerHistory.PRICE_COMPLAINT, 0),
                new CustomerHistory.Contact(daysAgo(200), "resolved", 0));
        CustomerFeatures f = CustomerFeatures.of(history(400, orders, contacts, Optional.empty()), NOW);

        assertEquals(400, f.tenureDays(), 0.01);
        assertEquals(1, f.ordersLast90Days());
        assertEquals(2, f.ordersPrior90Days(), "150 and 120 days ago; 200 is before that window");
        assertEquals(0.5, f.orderFrequencyDrop(), 1e-9);
        assertEquals(30, f.daysSinceLastOrder(), 0.01);
        assertEquals(350, f.revenueLastYear(), 1e-9, "the order after now is not counted");
        assertEquals(3, f.contactsLast90Days());
        assertEquals(2, f.unresolvedContactsLast90Days());
        assertEquals(1, f.priceComplaintLast90Days());
        assertEquals(1.5, f.averageSatisfaction(), 1e-9);
        assertEquals(1, f.lowSatisfaction());
    }

    @Test
    @DisplayName("a churned customer is labelled and read as of leaving, so the churn contact itself is no feature")
    void churnLabelDoesNotLeak() {
        List<CustomerHistory.Contact> contacts = List.of(new CustomerHistory.Contact(daysAgo(40), "unresolved", 0),
                new CustomerHistory.Contact(daysAgo(20), "churned", 0));
        CustomerHistory h = history(500, List.of(), contacts, Optional.of(daysAgo(10)));
        assertEquals(Optional.of(daysAgo(20)), h.churnedAt(), "the earlier of the churn disposition and the closing");

        ChurnLearner.LabelledCustomer l = ChurnTraining.labelled(h, NOW);
        assertTrue(l.churned());
        assertEquals(480, l.features().tenureDays(), 0.01);
        assertEquals(1, l.features().contactsLast90Days(), "the churn contact is not counted");
        assertEquals(List.of(), new CustomerScoring(HALF).score(h, NOW), "a customer who left gets no scores");
    }

    @Test
    @DisplayName("a frequent recent buyer is worth more than a lapsed one; value and loyalty say why")
    void valueAndLoyalty() {
        List<CustomerHistory.Order> frequent = new ArrayList<>();
        for (int d = 10; d < 360; d += 30) {
            frequent.add(new CustomerHistory.Order(daysAgo(d), 200));
        }
        CustomerHistory buyer = history(2000, frequent, List.of(new CustomerHistory.Contact(daysAgo(20), "info", 5)),
                Optional.empty());
        CustomerHistory lapsed = history(100, List.of(new CustomerHistory.Order(daysAgo(300), 40)), List.of(),
                Optional.empty());
        List<CustomerScore> b = new CustomerScoring(HALF).score(buyer, NOW);
        List<CustomerScore> l = new CustomerScoring(HALF).score(lapsed, NOW);

        assertEquals(List.of("value", "loyalty", "churnRisk"), b.stream().map(CustomerScore::name).toList());
        assertTrue(b.get(0).score() > 0.7 && l.get(0).score() < 0.1, b.get(0) + " / " + l.get(0));
        assertEquals(List.of("revenueLastYear", "ordersLastYear", "daysSinceLastOrder"), b.get(0).reasons());
        assertTrue(b.get(1).score() > l.get(1).score() + 0.3, b.get(1) + " / " + l.get(1));
        assertEquals("averageSatisfaction", b.get(1).reasons().get(0));
        assertEquals(NOW, b.get(2).computedAt());
        assertEquals(List.of("lowSatisfaction"), b.get(2).reasons());
    }

    @Test
    @DisplayName("AUC: 1 for a perfect ranking, 0.5 for ties, 0 for the reverse")
    void auc() {
        boolean[] labels = {false, false, true, true};
        assertEquals(1.0, Auc.of(new double[] {0.1, 0.2, 0.8, 0.9}, labels), 1e-12);
        assertEquals(0.5, Auc.of(new double[] {0.5, 0.5, 0.5, 0.5}, labels), 1e-12);
        assertEquals(0.0, Auc.of(new double[] {0.9, 0.8, 0.2, 0.1}, labels), 1e-12);
        assertEquals(0.75, Auc.of(new double[] {0.1, 0.6, 0.5, 0.9}, labels), 1e-12);
    }
}
