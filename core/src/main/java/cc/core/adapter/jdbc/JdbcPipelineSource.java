package cc.core.adapter.jdbc;

import cc.core.app.sales.PipelineSource;
import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.SalesPipeline;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pipeline's facts from {@code sales_opportunities} and {@code interactions}: the open opportunities and those
 * closed in the range, and the contacts with their customers with the agents' talk time (the talk segments; for
 * records made before segments, answer to end). Also the row mapping the console's opportunity store shares.
 *
 * <p>Threading: as {@link Database}; three queries on one worker connection, then the caller's computation on the
 * same worker thread.
 */
public final class JdbcPipelineSource implements PipelineSource {
    /** The columns {@link #opportunity} reads, in a select list. */
    public static final String COLUMNS = "id, customer_id, interaction_id, title, amount, currency, probability, owner,"
            + " stage, product, lost_reason, expected_close, created_at, closed_at";
    private static final String WORKED = "status = 'open' or (closed_at >= ? and closed_at < ?)";

    private final Database db;

    public JdbcPipelineSource(Database db) {
        this.db = db;
    }

    @Override
    public <T> Future<T> facts(Instant from, Instant to, Function<Facts, T> compute) {
        return db.withConnection(c -> {
            List<Opportunity> opportunities = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from sales_opportunities where "
                    + WORKED + " order by id")) {
                range(st, 1, from, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        opportunities.add(opportunity(rs));
                    }
                }
            }
            Instant since = opportunities.stream().map(o -> o.createdAt().orElse(Instant.EPOCH)).min(Instant::compareTo)
                    .orElse(to);
            return compute.apply(new Facts(opportunities, contacts(c, from, to, since)));
        });
    }

    private static List<SalesPipeline.Contact> contacts(Connection c, Instant from, Instant to, Instant since)
            throws SQLException {
        String customers = " i.customer_id in (select customer_id from sales_opportunities where " + WORKED + ")"
                + " and i.offered_at >= ?";
        Map<String, Duration> talk = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("select s.interaction_id, s.started_at, s.ended_at"
                + " from interaction_segments s join interactions i on i.id = s.interaction_id"
                + " where s.kind = 'talk' and s.ended_at is not null and" + customers)) {
            range(st, 1, from, to);
            st.setObject(3, timestamp(since));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    talk.merge(rs.getString(1), Duration.between(instant(rs, 2), instant(rs, 3)), Duration::plus);
                }
            }
        }
        List<SalesPipeline.Contact> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select id, customer_id, offered_at, answered_at, ended_at,"
                + " segments_kept from interactions i where" + customers)) {
            range(st, 1, from, to);
            st.setObject(3, timestamp(since));
            st.setFetchSize(1_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    Duration t = talk.getOrDefault(id, Duration.ZERO);
                    Instant answered = instant(rs, 4);
                    Instant ended = instant(rs, 5);
                    if (!rs.getBoolean(6) && answered != null && ended != null) {
                        t = Duration.between(answered, ended);
                    }
                    out.add(new SalesPipeline.Contact(id, rs.getLong(2), instant(rs, 3), t));
                }
            }
        }
        return out;
    }

    /** One row selected with {@link #COLUMNS}. */
    public static Opportunity opportunity(ResultSet rs) throws SQLException {
        Date expected = rs.getDate("expected_close");
        return new Opportunity(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("interaction_id"),
                rs.getString("title"), rs.getBigDecimal("amount").stripTrailingZeros(), rs.getString("currency").strip(),
                rs.getInt("probability"), rs.getString("owner"), rs.getString("stage"), rs.getString("product"),
                rs.getString("lost_reason"), Optional.ofNullable(expected).map(Date::toLocalDate),
                Optional.ofNullable(instant(rs, rs.findColumn("created_at"))),
                Optional.ofNullable(instant(rs, rs.findColumn("closed_at"))));
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static void range(PreparedStatement st, int first, Instant from, Instant to) throws SQLException {
        st.setObject(first, timestamp(from));
        st.setObject(first + 1, timestamp(to));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
