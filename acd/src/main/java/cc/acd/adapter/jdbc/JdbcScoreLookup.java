package cc.acd.adapter.jdbc;

import cc.acd.app.ScoreLookup;
import cc.core.adapter.jdbc.Database;
import cc.core.domain.scoring.CustomerScore;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A customer's scores read from {@code customer_scores} (core V2, V7). Threading: on the database's worker pool, in
 * parallel with the ACD's other reads and writes (a call's routing should not wait behind an interval being stored).
 */
public final class JdbcScoreLookup implements ScoreLookup {
    private final Database db;

    public JdbcScoreLookup(Database db) {
        this.db = db;
    }

    @Override
    public Future<List<CustomerScore>> scores(long customerId) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select name, score, computed_at, reasons from customer_scores where customer_id = ?")) {
                st.setLong(1, customerId);
                List<CustomerScore> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
                        String reasons = rs.getString(4);
                        out.add(new CustomerScore(customerId, rs.getString(1), rs.getDouble(2),
                                at == null ? Instant.EPOCH : at.toInstant(),
                                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(","))));
                    }
                }
                return out;
            }
        });
    }
}
