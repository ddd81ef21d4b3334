package cc.core.adapter.jdbc;

import cc.core.app.interaction.InteractionSearch;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link InteractionSearch} over table {@code interactions}: newest first by ({@code offered_at}, {@code id}), on
 * core's indexes by customer and by offer time. The statement is made of fixed fragments chosen by which filters are
 * set; every value is a bound parameter.
 *
 * <p>Threading: as {@link Database}.
 */
public final class JdbcInteractionSearch implements InteractionSearch {
    private static final String COLUMNS = "id, channel, direction, offered_at, agent_answered_at, ended_at,"
            + " caller_number, dialed_number, queue, agent_id, disposition, notes, abandoned_where, customer_id,"
            + " campaign_id";

    private final Database db;

    public JdbcInteractionSearch(Database db) {
        this.db = db;
    }

    @Override
    public Future<Page> search(Query q) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
                .append(" from interactions where offered_at >= ? and offered_at < ?");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(q.from()), Timestamp.from(q.to())));
        if (q.customerId() != 0) {
            sql.append(" and customer_id = ?");
            args.add(q.customerId());
        }
        if (q.outcome().isPresent()) {
            InteractionSearch.Outcome o = q.outcome().get();
            if (o == InteractionSearch.Outcome.ANSWERED) {
                sql.append(" and agent_answered_at is not null");
            } else if (o == InteractionSearch.Outcome.ABANDONED) {
                sql.append(" and abandoned_where is not null");
            } else {
                sql.append(" and ended_at is null");
            }
        }
        q.disposition().ifPresent(d -> {
            sql.append(" and disposition = ?");
            args.add(d);
        });
        q.after().ifPresent(c -> {
            sql.append(" and (offered_at < ? or (offered_at = ? and id < ?))");
            args.add(Timestamp.from(c.offeredAt()));
            args.add(Timestamp.from(c.offeredAt()));
            args.add(c.id());
        });
        // one row more than asked says whether a next page exists
        sql.append(" order by offered_at desc, id desc limit ?");
        args.add(q.limit() + 1);
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    st.setObject(i + 1, args.get(i));
                }
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                if (rows.size() <= q.limit()) {
                    return new Page(rows, Optional.empty());
                }
                List<Row> page = List.copyOf(rows.subList(0, q.limit()));
                Row last = page.get(page.size() - 1);
                return new Page(page, Optional.of(new Cursor(last.offeredAt(), last.id())));
            }
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        long customer = rs.getLong("customer_id");
        Optional<Long> customerId = rs.wasNull() ? Optional.empty() : Optional.of(customer);
        return new Row(rs.getString("id"), rs.getString("channel"), rs.getString("direction"),
                instant(rs, "offered_at").orElseThrow(), instant(rs, "agent_answered_at"), instant(rs, "ended_at"),
                rs.getString("caller_number"), rs.getString("dialed_number"), text(rs, "queue"),
                text(rs, "agent_id"), text(rs, "disposition"), rs.getString("notes"), text(rs, "abandoned_where"),
                customerId, text(rs, "campaign_id"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }
}
