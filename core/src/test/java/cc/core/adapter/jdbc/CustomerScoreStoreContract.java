package cc.core.adapter.jdbc;

import cc.core.app.scoring.CustomerScoreStore;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.domain.scoring.CustomerScore;
import cc.core.domain.scoring.synthetic.SyntheticHistory;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the customer score store promises on either database: histories read back as written, scores kept with their
 * time and reasons.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerScoreStoreContract {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcCustomerScoreStore store;
    private List<CustomerHistory> generated;
    private long[] ids;

    /** The database with the core schema, which the test closes. */
    protected abstract MigratedDatabase database(Vertx vertx);

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = database(vertx);
        store = new JdbcCustomerScoreStore(db.database());
        generated = new SyntheticHistory(3, NOW).customers(60);
        ids = result(new JdbcHistoryLoader(db.database()).load(generated));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    @Test
    @DisplayName("each customer's orders, opportunities, contacts and closing read back as written, a page at a time")
    void historiesRoundTrip() {
        List<CustomerHistory> first = result(store.histories(0, 25));
        List<CustomerHistory> second = result(store.histories(first.get(first.size() - 1).customerId(), 100));
        assertEquals(25, first.size());
        assertEquals(35, second.size());
        assertEquals(true, generated.stream().mapToInt(h -> h.offers().size()).sum() > 20, "offers to compare");
        List<CustomerHistory> read = new java.util.ArrayList<>(first);
        read.addAll(second);
        for (int i = 0; i < generated.size(); i++) {
            CustomerHistory want = generated.get(i);
            CustomerHistory got = read.get(i);
            assertEquals(ids[i], got.customerId());
            assertEquals(new CustomerHistory(ids[i], want.segment(), want.since(), want.orders(),
                    want.opportunities(), want.contacts(), want.offers(), want.closedAt()), sorted(got),
                    "customer " + i);
            assertEquals(want.churnedAt(), got.churnedAt());
        }
    }

    private static CustomerHistory sorted(CustomerHistory h) {
        return new CustomerHistory(h.customerId(), h.segment(), h.since(),
                h.orders().stream().sorted(Comparator.comparing(CustomerHistory.Order::at)).toList(),
                h.opportunities(), h.contacts().stream().sorted(Comparator.comparing(CustomerHistory.Contact::at))
                .toList(), h.offers().stream().sorted(Comparator.comparing(CustomerHistory.Offer::at)).toList(),
                h.closedAt());
    }

    @Test
    @DisplayName("a recomputed score replaces the earlier one and keeps its time and reasons; a run keeps its AUC")
    void scoresReplaceAndKeepReasons() throws Exception {
        long customer = ids[0];
        Instant before = NOW.minusSeconds(86_400);
        result(store.save(List.of(new CustomerScore(customer, CustomerScore.CHURN_RISK, 0.2, before, List.of()),
                new CustomerScore(customer, CustomerScore.VALUE, 0.4, before, List.of("revenueLastYear")))));
        result(store.save(List.of(new CustomerScore(customer, CustomerScore.CHURN_RISK, 0.83, NOW,
                List.of("priceComplaintLast90Days", "unresolvedContactsLast90Days")))));

        assertEquals(List.of(
                new CustomerScore(customer, CustomerScore.CHURN_RISK, 0.83, NOW,
                        List.of("priceComplaintLast90Days", "unresolvedContactsLast90Days")),
                new CustomerScore(customer, CustomerScore.VALUE, 0.4, before, List.of("revenueLastYear"))),
                result(store.scores(customer)));

        result(store.saveRun(new CustomerScoreStore.ScoringRun(NOW, 60, 50, 10, OptionalDouble.of(0.87))));
        result(store.saveRun(new CustomerScoreStore.ScoringRun(NOW.plusSeconds(60), 0, 0, 0, OptionalDouble.empty())));
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select customers, scored, churners, held_out_auc"
                     + " from customer_score_runs order by computed_at")) {
            rs.next();
            assertEquals(List.of(60, 50, 10, 0.87), List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4)));
            rs.next();
            rs.getDouble(4);
            assertEquals(true, rs.wasNull(), "no model, no AUC");
        }
    }

    @Test
    @DisplayName("a run's replace of a range of customers drops their old computed scores, keeps other names and"
            + " other customers")
    void replaceARange() {
        long a = ids[10];
        long b = ids[11];
        long c = ids[12];
        long outside = ids[13];
        Instant before = NOW.minusSeconds(3_600);
        result(store.save(List.of(new CustomerScore(a, CustomerScore.VALUE, 0.1, before, List.of()),
                new CustomerScore(b, CustomerScore.CHURN_RISK, 0.9, before, List.of()),
                new CustomerScore(b, "propensity_mobile", 0.3, before, List.of()),
                new CustomerScore(b, "creditRating", 0.7, before, List.of("bureau")),
                new CustomerScore(outside, CustomerScore.VALUE, 0.5, before, List.of()))));

        // b left: the run has no score for them
        result(store.replace(a, c, List.of(new CustomerScore(a, CustomerScore.VALUE, 0.6, NOW, List.of("revenueLastYear")),
                new CustomerScore(c, CustomerScore.LOYALTY, 0.4, NOW, List.of("tenureDays")))));

        assertEquals(List.of(new CustomerScore(a, CustomerScore.VALUE, 0.6, NOW, List.of("revenueLastYear"))),
                result(store.scores(a)));
        assertEquals(List.of(new CustomerScore(b, "creditRating", 0.7, before, List.of("bureau"))),
                result(store.scores(b)), "a score the run does not compute stays");
        assertEquals(List.of(new CustomerScore(c, CustomerScore.LOYALTY, 0.4, NOW, List.of("tenureDays"))),
                result(store.scores(c)));
        assertEquals(List.of(new CustomerScore(outside, CustomerScore.VALUE, 0.5, before, List.of())),
                result(store.scores(outside)));
    }

    @Test
    @DisplayName("a reasons list too long for its column keeps whole names only")
    void longReasonsCutAtANameBoundary() {
        List<String> many = java.util.Collections.nCopies(40, "unresolvedContactsLast90Days");
        String kept = JdbcCustomerScoreStore.reasons(many);
        assertEquals(true, kept.length() <= JdbcCustomerScoreStore.REASONS_COLUMN);
        assertEquals(true, java.util.Arrays.stream(kept.split(",")).allMatch("unresolvedContactsLast90Days"::equals));
    }
}
