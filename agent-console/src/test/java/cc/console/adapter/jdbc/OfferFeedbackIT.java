package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.adapter.jdbc.JdbcHistoryLoader;
import cc.core.adapter.tribuo.TribuoChurnLearner;
import cc.core.app.scoring.ScoreRecomputer;
import cc.core.contract.RecomputeScores;
import cc.core.contract.ScoresRecomputed;
import cc.core.contract.ScoringAddresses;
import cc.core.domain.offer.PastOffer;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.domain.scoring.CustomerScore;
import cc.core.domain.scoring.synthetic.SyntheticHistory;
import cc.core.testkit.ManualClock;
import cc.core.testkit.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's answers to the next-best offer feed the propensity model: on PostgreSQL with a generated center's
 * history, an offer recorded through the console's store and the next scoring run over the same table.
 */
class OfferFeedbackIT {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private Vertx vertx;
    private MigratedDatabase db;
    private final ManualClock clock = new ManualClock(NOW);

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        ScoringAddresses.registerCodecs(vertx.eventBus());
        db = MigratedDatabase.postgres(vertx, "core");
        result(vertx.deployVerticle(new ScoreRecomputer(new JdbcCustomerScoreStore(db.database()),
                new TribuoChurnLearner(), Duration.ZERO, clock, new SimpleMeterRegistry())));
    }

    @AfterEach
    void close() {
        db.close();
        result(vertx.close());
    }

    @Test
    @DisplayName("an accepted offer raises the product's propensity at the next run; one not answered yet changes nothing")
    void acceptedOfferRaisesPropensity() {
        List<CustomerHistory> histories = new SyntheticHistory(7, NOW).customers(400);
        long[] ids = result(new JdbcHistoryLoader(db.database()).load(histories));
        int i = 0;
        while (histories.get(i).churnedAt().isPresent()) {
            i++;
        }
        long customer = ids[i];
        recompute();
        double before = propensity(customer, "propensity_insurance");

        JdbcOfferStore offers = new JdbcOfferStore(db.database());
        Instant offeredAt = NOW.minus(Duration.ofDays(1));
        result(offers.record(customer, "insurance", "call-1", "agent-7", PastOffer.Outcome.OFFERED, offeredAt));
        recompute();
        assertEquals(before, propensity(customer, "propensity_insurance"), 1e-12,
                "an offer without an answer is no decline");

        result(offers.record(customer, "insurance", "call-1", "agent-7", PastOffer.Outcome.ACCEPTED, offeredAt));
        recompute();
        double after = propensity(customer, "propensity_insurance");
        assertTrue(after > before + 0.05, "propensity " + before + " -> " + after);
        CustomerScore s = result(new JdbcCustomerScoreStore(db.database()).scores(customer)).stream()
                .filter(x -> x.name().equals("propensity_insurance")).findFirst().orElseThrow();
        assertEquals("acceptedBefore", s.reasons().get(0), "the reason the pop will name");
        assertTrue(result(offers.pastOffers(customer)).contains(
                new PastOffer("insurance", offeredAt, PastOffer.Outcome.ACCEPTED)));
    }

    /** A run a minute after the last (a run is kept by its time). */
    private void recompute() {
        clock.advance(Duration.ofMinutes(1));
        result(vertx.eventBus().<ScoresRecomputed>request(ScoringAddresses.RECOMPUTE, new RecomputeScores("test"),
                new DeliveryOptions().setSendTimeout(60_000)));
    }

    private double propensity(long customer, String name) {
        return result(new JdbcCustomerScoreStore(db.database()).scores(customer)).stream()
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow().score();
    }
}
