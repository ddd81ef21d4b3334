package cc.dialer.adapter.jdbc;

import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.domain.scoring.CustomerScore;
import cc.core.testkit.MigratedDatabase;
import cc.dialer.domain.segment.SegmentListBuilder;
import cc.dialer.domain.segment.SegmentQuery;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scores written by the scoring service (with their time and reasons, schema core V7) are what the dialer's call
 * lists segment on: a retention campaign asking for churn risk above 0.7 gets those customers, riskiest first.
 */
class ComputedScoresSegmentPostgresIT {
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private Vertx vertx;
    private MigratedDatabase db;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", JdbcDialAudit.MIGRATION_MODULE);
    }

    @AfterEach
    void close() {
        db.close();
        result(vertx.close());
    }

    @Test
    @DisplayName("a call list for churn risk above 0.7 reads the computed scores, riskiest first")
    void segmentReadsComputedScores() throws Exception {
        long calm = customer("Calm");
        long leaving = customer("Leaving");
        long wavering = customer("Wavering");
        JdbcCustomerScoreStore scores = new JdbcCustomerScoreStore(db.database());
        result(scores.save(List.of(
                score(calm, CustomerScore.CHURN_RISK, 0.1), score(calm, CustomerScore.VALUE, 0.9),
                score(leaving, CustomerScore.CHURN_RISK, 0.93), score(leaving, CustomerScore.VALUE, 0.5),
                score(wavering, CustomerScore.CHURN_RISK, 0.75), score(wavering, CustomerScore.VALUE, 0.2))));
        // the next run finds Calm about to leave too
        result(scores.save(List.of(score(calm, CustomerScore.CHURN_RISK, 0.8))));

        JdbcDialerStore dialer = new JdbcDialerStore(db.database(), ZoneId.of("Asia/Tehran"));
        List<SegmentListBuilder.CustomerRow> rows = result(dialer.segment(SegmentQuery.of(List.of(
                new SegmentQuery.Condition("segment", "=", "retention-test"),
                new SegmentQuery.Condition("score.churnRisk", ">", "0.7")), 0), NOW));

        assertEquals(List.of(leaving, calm, wavering), rows.stream().map(SegmentListBuilder.CustomerRow::customerId)
                .toList());
        assertEquals(List.of(0.93, 0.8, 0.75), rows.stream().map(SegmentListBuilder.CustomerRow::score).toList());
        assertEquals(List.of("0912000000" + (leaving % 10)), rows.get(0).phones(), "with their numbers");
    }

    private static CustomerScore score(long customer, String name, double score) {
        return new CustomerScore(customer, name, score, NOW, List.of("priceComplaintLast90Days"));
    }

    private long customer(String name) throws Exception {
        try (Connection c = db.connection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into customers (name, segment) values (?,"
                    + " 'retention-test')", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into customer_phones (customer_id, seq, number,"
                    + " match_digits) values (?, 0, ?, ?)")) {
                String number = "0912000000" + (id % 10);
                ps.setLong(1, id);
                ps.setString(2, number);
                ps.setString(3, number.substring(1));
                ps.executeUpdate();
            }
            return id;
        }
    }
}
