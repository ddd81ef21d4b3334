package cc.core.adapter.jdbc;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.SalesPipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The contacts and talk time kept with each sales opportunity ({@code sales_opportunities.contacts}, {@code talk_micros},
 * {@code effort_counted}; core V17), so that the pipeline report reads one row per opportunity instead of every call
 * of its customers (a million calls behind a hundred thousand opportunities took tens of seconds to read).
 *
 * <p>What is kept is what {@link SalesPipeline#effortOf} counts from the calls: each call with the customer offered
 * between the opportunity's creation and its close (open: from its creation on), with its talk time. Every writer
 * keeps it in step: a stored call moves its contribution from how it was stored to how it is saved
 * ({@link #callSaved}, in the save's transaction); an opportunity saved (made, closed, reopened) and the opportunities
 * of customers merged are counted again from their calls ({@link #recount}); loaders that write calls or
 * opportunities directly leave them uncounted ({@link #forget}), and the pipeline report counts whatever is
 * uncounted before it reads ({@link #countUncounted}): also what was stored before V17.
 *
 * <p>Concurrency: a recount locks the opportunities' rows before it reads the calls, and a stored call's update
 * takes the same rows' locks, so a call whose save commits while a recount runs is either read by it or added after
 * it, never both and never neither.
 */
public final class JdbcSalesEffort {
    /** Customers counted in one transaction by {@link #countUncounted}. */
    private static final long SLICE = 500;
    private static final String COVERS = " where customer_id = ? and created_at <= ? and (closed_at is null or"
            + " closed_at >= ?)";

    private JdbcSalesEffort() {
    }

    /**
     * A call's talk time as the pipeline counts it: its ended talk segments; a record from before segments were kept,
     * answer to end.
     */
    public static Duration talk(Interaction call) {
        if (!call.segmentsKept()) {
            return call.answeredAt().isPresent() && call.endedAt().isPresent()
                    ? Duration.between(call.answeredAt().get(), call.endedAt().get()) : Duration.ZERO;
        }
        Duration talk = Duration.ZERO;
        for (Segment s : call.segments()) {
            if (s.kind() == SegmentKind.TALK && s.endedAt().isPresent()) {
                talk = talk.plus(Duration.between(s.startedAt(), s.endedAt().get()));
            }
        }
        return talk.isNegative() ? Duration.ZERO : talk;
    }

    /**
     * In a save's transaction: takes the call's contribution as {@code stored} from the opportunities it fell in and
     * adds it as {@code saved} to those it falls in now (its customer, offer time or talk may have changed). Nothing
     * when neither has a customer or nothing the effort reads changed.
     */
    static void callSaved(Connection c, Optional<Interaction> stored, Interaction saved) throws SQLException {
        Optional<Long> before = stored.flatMap(Interaction::customerId);
        Optional<Long> after = saved.customerId();
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        Duration talkBefore = stored.map(JdbcSalesEffort::talk).orElse(Duration.ZERO);
        Duration talkAfter = talk(saved);
        if (before.equals(after) && talkBefore.equals(talkAfter) && stored.get().offeredAt().equals(saved.offeredAt())) {
            return;
        }
        if (before.isPresent()) {
            add(c, before.get(), stored.get().offeredAt(), -1, talkBefore.negated());
        }
        if (after.isPresent()) {
            add(c, after.get(), saved.offeredAt(), 1, talkAfter);
        }
    }

    private static void add(Connection c, long customer, Instant offered, int contacts, Duration talk)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update sales_opportunities set contacts = contacts + ?,"
                + " talk_micros = talk_micros + ?" + COVERS)) {
            st.setInt(1, contacts);
            st.setLong(2, micros(talk));
            st.setLong(3, customer);
            OffsetDateTime at = JdbcInteractionStore.timestamp(offered);
            st.setObject(4, at);
            st.setObject(5, at);
            st.executeUpdate();
        }
    }

    /**
     * Counts again, from their calls, every opportunity of the customers {@code first..last} (in the caller's
     * transaction; blocking).
     */
    public static void recount(Connection c, long first, long last) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select id from sales_opportunities where customer_id"
                + " between ? and ? order by id for update")) {
            lock.setLong(1, first);
            lock.setLong(2, last);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
            }
        }
        List<Opportunity> opportunities = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select " + JdbcPipelineSource.COLUMNS
                + " from sales_opportunities where customer_id between ? and ?")) {
            st.setLong(1, first);
            st.setLong(2, last);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    opportunities.add(JdbcPipelineSource.opportunity(rs));
                }
            }
        }
        Map<Long, SalesPipeline.KeptEffort> counted = SalesPipeline.effortOf(opportunities,
                contactsOfCustomers(c, first, last));
        try (PreparedStatement st = c.prepareStatement("update sales_opportunities set contacts = ?, talk_micros = ?,"
                + " effort_counted = true where id = ?")) {
            for (Map.Entry<Long, SalesPipeline.KeptEffort> e : counted.entrySet()) {
                st.setLong(1, e.getValue().contacts());
                st.setLong(2, micros(e.getValue().talk()));
                st.setLong(3, e.getKey());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Counts again the opportunities of one opportunity's customer (in the caller's transaction; blocking). */
    public static void recountOpportunity(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select customer_id from sales_opportunities where id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    long customer = rs.getLong(1);
                    recount(c, customer, customer);
                }
            }
        }
    }

    /** Marks the opportunities of these customers uncounted, after calls of theirs were written past the store. */
    public static void forget(Connection c, Collection<Long> customers) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update sales_opportunities set effort_counted = false"
                + " where customer_id = ? and effort_counted")) {
            for (long customer : new TreeSet<>(customers)) {
                st.setLong(1, customer);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * Counts every opportunity not counted yet, {@value #SLICE} customer ids per transaction (blocking; on a
     * connection in auto-commit mode). Returns how many slices were counted (0: all was counted).
     */
    public static int countUncounted(Connection c) throws SQLException {
        int slices = 0;
        while (true) {
            long first;
            try (PreparedStatement st = c.prepareStatement("select min(customer_id) from sales_opportunities"
                    + " where effort_counted = false");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
                if (rs.wasNull()) {
                    return slices;
                }
            }
            Database.transaction(c, conn -> {
                recount(conn, first, first + SLICE - 1);
                return null;
            });
            slices++;
        }
    }

    /**
     * Every call of the customers {@code first..last}, with its talk time from its segments; a call whose talk is not
     * stored with it yet (written by a loader, or before V17) gets it stored.
     */
    public static List<SalesPipeline.Contact> contactsOfCustomers(Connection c, long first, long last)
            throws SQLException {
        Map<String, Duration> talk = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("select s.interaction_id, s.started_at, s.ended_at"
                + " from interaction_segments s join interactions i on i.id = s.interaction_id"
                + " where s.kind = 'talk' and s.ended_at is not null and i.customer_id between ? and ?")) {
            st.setLong(1, first);
            st.setLong(2, last);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    talk.merge(rs.getString(1), Duration.between(instant(rs, 2), instant(rs, 3)), Duration::plus);
                }
            }
        }
        List<SalesPipeline.Contact> out = new ArrayList<>();
        List<SalesPipeline.Contact> unstored = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select id, customer_id, offered_at, answered_at, ended_at,"
                + " segments_kept, talk_micros from interactions i where i.customer_id between ? and ?")) {
            st.setLong(1, first);
            st.setLong(2, last);
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
                    SalesPipeline.Contact k = new SalesPipeline.Contact(id, rs.getLong(2), instant(rs, 3), t);
                    out.add(k);
                    rs.getLong(7);
                    if (rs.wasNull()) {
                        unstored.add(k);
                    }
                }
            }
        }
        if (!unstored.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("update interactions set talk_micros = ? where id = ?")) {
                for (SalesPipeline.Contact k : unstored) {
                    st.setLong(1, micros(k.talk()));
                    st.setString(2, k.id());
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
        return out;
    }

    /**
     * The calls the pipeline report cannot take from the kept effort: those of {@code customers} (the customers with
     * two or more of one owner's opportunities in the report) from {@code since} on, with the talk time stored with
     * each (counting their opportunities, which {@link #countUncounted} does first, stored it where it was missing). An
     * owner counts a call behind two of its opportunities once; only the calls tell which.
     */
    static List<SalesPipeline.Contact> contactsOf(Connection c, Collection<Long> customers, Instant since)
            throws SQLException {
        List<SalesPipeline.Contact> out = new ArrayList<>();
        if (customers.isEmpty()) {
            return out;
        }
        try (PreparedStatement st = c.prepareStatement("select id, customer_id, offered_at, talk_micros"
                + " from interactions where customer_id = any(?) and offered_at >= ?")) {
            st.setArray(1, c.createArrayOf("bigint", customers.toArray(new Long[0])));
            st.setObject(2, JdbcInteractionStore.timestamp(since));
            st.setFetchSize(1_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new SalesPipeline.Contact(rs.getString(1), rs.getLong(2), instant(rs, 3),
                            Duration.ofNanos(rs.getLong(4) * 1_000)));
                }
            }
        }
        return out;
    }

    /** Talk in microseconds, the precision the database keeps times in: kept sums stay exact. */
    static long micros(Duration talk) {
        return talk.toNanos() / 1_000;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
