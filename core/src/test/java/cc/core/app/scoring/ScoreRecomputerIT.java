package cc.core.app.scoring;

import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.adapter.jdbc.JdbcHistoryLoader;
import cc.core.adapter.tribuo.TribuoChurnLearner;
import cc.core.contract.RecomputeScores;
import cc.core.contract.ScoresRecomputed;
import cc.core.contract.ScoringAddresses;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scoring service on a real PostgreSQL filled with a generated center's history: asked over the event bus, it
 * trains the churn model, writes every active customer's three scores with their reasons, and records the run.
 */
class ScoreRecomputerIT {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final int CUSTOMERS = 3_000;
    private Vertx vertx;
    private MigratedDatabase db;
    private List<CustomerHistory> generated;
    private long[] ids;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        ScoringAddresses.registerCodecs(vertx.eventBus());
        db = MigratedDatabase.postgres(vertx, "core");
        result(vertx.deployVerticle(new ScoreRecomputer(new JdbcCustomerScoreStore(db.database()),
                new TribuoChurnLearner(), Duration.ZERO, new ManualClock(NOW), new SimpleMeterRegistry())));
    }

    private void load(List<CustomerHistory> histories) {
        generated = histories;
        ids = new long[histories.size()];
        JdbcHistoryLoader loader = new JdbcHistoryLoader(db.database());
        for (int from = 0; from < histories.size(); from += 500) {
            long[] page = result(loader.load(histories.subList(from, Math.min(histories.size(), from + 500))));
            System.arraycopy(page, 0, ids, from, page.length);
        }
    }

    private ScoresRecomputed recompute() {
        return result(vertx.eventBus().<ScoresRecomputed>request(ScoringAddresses.RECOMPUTE,
                new RecomputeScores("test"), new DeliveryOptions().setSendTimeout(60_000))).body();
    }

    @AfterEach
    void close() {
        db.close();
        result(vertx.close());
    }

    @Test
    @DisplayName("recompute on request scores every active customer (value, loyalty, churn risk, propensity per"
            + " product) with reasons, clears those who left, keeps the run")
    void recomputeOnRequestFillsTheTable() throws Exception {
        load(new SyntheticHistory(11, NOW).customers(CUSTOMERS));
        long leaver = ids[indexOf(true)];
        long stayer = ids[indexOf(false)];
        // a score from before the customer left must not survive: a call list would still pick them
        db.execute("insert into customer_scores (customer_id, name, score) values (" + leaver + ", 'value', 0.9)");

        ScoresRecomputed r = recompute();

        int churners = (int) generated.stream().filter(h -> h.churnedAt().isPresent()).count();
        assertEquals(CUSTOMERS, r.customers());
        assertEquals(churners, r.churners());
        assertEquals(CUSTOMERS - churners, r.scored());
        assertTrue(r.heldOutAuc() >= 0.75, "held-out AUC " + r.heldOutAuc());

        Map<String, Integer> perName = new HashMap<>();
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select name, count(*), min(computed_at), max(computed_at),"
                     + " min(score), max(score) from customer_scores group by name")) {
            while (rs.next()) {
                perName.put(rs.getString(1), rs.getInt(2));
                assertEquals(NOW, rs.getObject(3, OffsetDateTime.class).toInstant());
                assertEquals(NOW, rs.getObject(4, OffsetDateTime.class).toInstant());
                assertTrue(rs.getDouble(5) >= 0 && rs.getDouble(6) <= 1, rs.getString(1) + " within 0..1");
                assertTrue(rs.getDouble(6) - rs.getDouble(5) > 0.2, rs.getString(1) + " tells customers apart");
            }
        }
        assertEquals(Map.of("value", r.scored(), "loyalty", r.scored(), "churnRisk", r.scored(),
                "propensity_broadband", r.scored(), "propensity_insurance", r.scored(), "propensity_mobile",
                r.scored()), perName);
        try (Connection c = db.connection(); PreparedStatement st = c.prepareStatement(
                "select count(*) from customer_scores where customer_id = ?")) {
            st.setLong(1, leaver);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the customer who left has no score");
            }
        }
        List<CustomerScore> stayerScores = result(new JdbcCustomerScoreStore(db.database()).scores(stayer));
        assertEquals(List.of("churnRisk", "loyalty", "propensity_broadband", "propensity_insurance",
                "propensity_mobile", "value"), stayerScores.stream().map(CustomerScore::name).toList());
        assertFalse(stayerScores.get(1).reasons().isEmpty(), "loyalty says why");
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from customer_scores where name = 'churnRisk'"
                     + " and score > 0.5 and reasons = ''")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "every high churn risk names its reasons");
        }
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select customers, scored, held_out_auc from customer_score_runs")) {
            assertTrue(rs.next());
            assertEquals(List.of(CUSTOMERS, r.scored(), r.heldOutAuc()),
                    List.of(rs.getInt(1), rs.getInt(2), rs.getDouble(3)));
            assertFalse(rs.next(), "one run");
        }
    }

    @Test
    @DisplayName("a center with no churner yet gets value, loyalty and propensity, no churn risk, and a run without AUC")
    void nothingToLearnChurnFrom() throws Exception {
        load(new SyntheticHistory(12, NOW).customers(400).stream().filter(h -> h.churnedAt().isEmpty()).toList());

        ScoresRecomputed r = recompute();

        assertEquals(generated.size(), r.scored());
        assertEquals(0, r.churners());
        assertTrue(Double.isNaN(r.heldOutAuc()), "no model, no AUC: " + r.heldOutAuc());
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) filter (where name = 'churnRisk'),"
                     + " count(*) filter (where name = 'value'), count(*) filter (where name like 'propensity_%')"
                     + " from customer_scores")) {
            rs.next();
            assertEquals(List.of(0, r.scored(), 3 * r.scored()), List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)));
        }
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select held_out_auc from customer_score_runs")) {
            rs.next();
            rs.getDouble(1);
            assertTrue(rs.wasNull(), "the run is kept without an AUC");
        }
    }

    private int indexOf(boolean churned) {
        for (int i = 0; i < generated.size(); i++) {
            if (generated.get(i).churnedAt().isPresent() == churned) {
                return i;
            }
        }
        throw new IllegalStateException("no " + (churned ? "churner" : "stayer") + " generated");
    }
}
