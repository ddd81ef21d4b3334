package cc.core.adapter.tribuo;

import cc.core.domain.scoring.ChurnTraining;
import cc.core.domain.scoring.CustomerFeatures;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.domain.scoring.synthetic.SyntheticHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The churn model trained on a generated center whose churn drivers are known: it must rank churners it never saw
 * above stayers (AUC at least 0.8) and give the planted drivers as its reasons.
 */
class ChurnModelOnPlantedDriversTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Set<String> PLANTED = SyntheticHistory.PLANTED_DRIVERS.stream()
            .map(SyntheticHistory.Driver::feature).collect(Collectors.toSet());
    private static List<CustomerHistory> population;
    private static ChurnTraining.Result result;

    @BeforeAll
    static void train() {
        population = new SyntheticHistory(7, NOW).customers(20_000);
        result = new ChurnTraining(new TribuoChurnLearner()).train(population, NOW);
        System.out.printf("churn model: AUC %.3f on %d held-out customers (trained on %d, %d churners); %s%n",
                result.heldOutAuc(), result.heldOut(), result.trained(), result.churners(), result.model());
    }

    @Test
    @DisplayName("the churn model ranks held-out churners above stayers with an AUC of at least 0.8")
    void heldOutAuc() {
        assertTrue(result.heldOut() > 3_000, "about a fifth held out, got " + result.heldOut());
        assertTrue(result.churners() > 1_000 && result.churners() < 10_000,
                "a population with both churners and stayers, got " + result.churners() + " churners");
        assertTrue(result.heldOutAuc() >= 0.8, "held-out AUC " + result.heldOutAuc());
    }

    @Test
    @DisplayName("the reasons most often given for high churn risk are exactly the planted drivers")
    void namesThePlantedDrivers() {
        Map<String, Integer> named = new HashMap<>();
        int risky = 0;
        for (CustomerHistory h : population) {
            if (!ChurnTraining.heldOut(h.customerId())) {
                continue;
            }
            CustomerFeatures f = ChurnTraining.labelled(h, NOW).features();
            if (result.model().risk(f) < 0.5) {
                continue;
            }
            risky++;
            for (String reason : result.model().reasons(f, 3)) {
                named.merge(reason, 1, Integer::sum);
            }
        }
        assertTrue(risky > 100, "some held-out customers at high risk, got " + risky);
        Set<String> mostNamed = named.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(PLANTED.size())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertEquals(PLANTED, mostNamed, "reasons named, with counts: " + named);
    }

    @Test
    @DisplayName("a customer with a recent price complaint and unresolved contacts is told so in their reasons")
    void oneCustomersReasons() {
        CustomerHistory h = population.stream().filter(c -> c.churnedAt().isEmpty()).filter(c -> {
            CustomerFeatures f = CustomerFeatures.of(c, NOW);
            return f.priceComplaintLast90Days() == 1 && f.unresolvedContactsLast90Days() >= 3
                    && f.lowSatisfaction() == 0 && f.orderFrequencyDrop() < 0.2;
        }).findFirst().orElseThrow();
        CustomerFeatures f = CustomerFeatures.of(h, NOW);
        List<String> reasons = result.model().reasons(f, 2);
        assertEquals(Set.of("priceComplaintLast90Days", "unresolvedContactsLast90Days"), Set.copyOf(reasons),
                "customer " + h.customerId());
        assertTrue(result.model().risk(f) > 0.5, "risk " + result.model().risk(f));
    }
}
