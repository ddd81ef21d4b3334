package cc.core.adapter.jdbc;

import cc.core.app.sales.PipelineSource;
import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.SalesPipeline;
import io.vertx.core.Future;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The pipeline's facts from {@code sales_opportunities} and {@code interactions}: the open opportunities and those
 * closed in the range with the contacts and talk time kept with each ({@link JdbcSalesEffort}; whatever a loader left
 * uncounted is counted first), and the calls of the few customers with two or more of one owner's opportunities (an
 * owner counts a call behind two of them once). Also the row mapping the console's opportunity store shares.
 *
 * <p>Threading: as {@link Database}; the queries on one worker connection, then the caller's computation on the
 * same worker thread.
 */
public final class JdbcPipelineSource implements PipelineSource {
    /** The columns {@link #opportunity} reads, in a select list. */
    public static final String COLUMNS = "id, customer_id, interaction_id, title, amount, currency, probability, owner,"
            + " stage, product, lost_reason, expected_close, created_at, closed_at";
    /** The opportunities a report on [from, to) works with: open now, or closed in the range. */
    private static final String WORKED = "status = 'open' or (closed_at >= ? and closed_at < ?)";

    private final Database db;

    public JdbcPipelineSource(Database db) {
        this.db = db;
    }

    @Override
    public <T> Future<T> facts(Instant from, Instant to, Function<Facts, T> compute) {
        return db.withConnection(c -> {
            JdbcSalesEffort.countUncounted(c);
            List<Opportunity> opportunities = new ArrayList<>();
            Map<Long, SalesPipeline.KeptEffort> kept = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + ", contacts, talk_micros"
                    + " from sales_opportunities where " + WORKED + " order by id")) {
                range(st, 1, from, to);
                st.setFetchSize(1_000);
                Map<String, String> names = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Opportunity o = opportunity(rs, names);
                        opportunities.add(o);
                        kept.put(o.id(), new SalesPipeline.KeptEffort(rs.getLong("contacts"),
                                Duration.ofNanos(rs.getLong("talk_micros") * 1_000)));
                    }
                }
            }
            Instant since = opportunities.stream().map(o -> o.createdAt().orElse(Instant.EPOCH)).min(Instant::compareTo)
                    .orElse(to);
            // an owner counts a call behind two of its opportunities of one customer once: only such customers'
            // calls are read
            Map<String, Set<Long>> customersOfOwner = new HashMap<>();
            Set<Long> shared = new HashSet<>();
            for (Opportunity o : opportunities) {
                if (!customersOfOwner.computeIfAbsent(o.owner(), x -> new HashSet<>()).add(o.customerId())) {
                    shared.add(o.customerId());
                }
            }
            return compute.apply(new Facts(opportunities, JdbcSalesEffort.contactsOf(c, shared, since), kept));
        });
    }

    /** One row selected with {@link #COLUMNS}. */
    public static Opportunity opportunity(ResultSet rs) throws SQLException {
        return opportunity(rs, new HashMap<>());
    }

    /**
     * One row selected with {@link #COLUMNS}, its owner, stage, product, currency and lost reason taken from
     * {@code names} when seen before: a hundred thousand rows then share a few hundred strings, each hashed once,
     * which the report's grouping and sorting of them by name then find at once.
     */
    private static Opportunity opportunity(ResultSet rs, Map<String, String> names) throws SQLException {
        Date expected = rs.getDate("expected_close");
        return new Opportunity(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("interaction_id"),
                rs.getString("title"), rs.getBigDecimal("amount").stripTrailingZeros(),
                shared(names, rs.getString("currency").strip()), rs.getInt("probability"),
                shared(names, rs.getString("owner")), shared(names, rs.getString("stage")),
                shared(names, rs.getString("product")), shared(names, rs.getString("lost_reason")),
                Optional.ofNullable(expected).map(Date::toLocalDate),
                Optional.ofNullable(instant(rs, rs.findColumn("created_at"))),
                Optional.ofNullable(instant(rs, rs.findColumn("closed_at"))));
    }

    private static String shared(Map<String, String> names, String name) {
        return name == null ? null : names.computeIfAbsent(name, n -> n);
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
