package cc.core.adapter.jdbc;

import cc.core.app.customer.CustomerRegistry;
import cc.core.domain.customer.CustomerMerge;
import cc.core.domain.customer.CustomerProfile;
import cc.core.domain.customer.CustomerRecord;
import cc.core.domain.customer.UpsertOutcome;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@link CustomerRegistry} over {@code customers}, {@code customer_phones} and {@code customer_emails} (core V16:
 * external ids and merges), each change with its {@code customer.*} event in the outbox, in the same transaction.
 *
 * <p>An upsert locks the customer's row ({@code for update}), so two upserts of one external id run one after the
 * other; two that both create it meet at the unique index, and the loser runs again as an update.
 *
 * <p>Threading: as {@link Database}.
 */
public final class JdbcCustomerRegistry implements CustomerRegistry {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final InstantSource clock;

    public JdbcCustomerRegistry(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Future<UpsertOutcome> upsert(CustomerProfile profile) {
        return db.withConnection(c -> upsertRetrying(c, profile));
    }

    /**
     * One transaction for the whole batch (one commit, not one per line: a commit waits for the disk), with a savepoint
     * per profile, so a refused profile is rolled back alone and the others stay. A database failure rolls back the
     * batch and fails the future.
     */
    @Override
    public Future<List<Item>> upsertAll(List<CustomerProfile> profiles) {
        return db.withConnection(c -> Database.transaction(c, conn -> {
            List<Item> items = new ArrayList<>(profiles.size());
            for (CustomerProfile p : profiles) {
                items.add(upsertInSavepoint(conn, p, true));
            }
            return items;
        }));
    }

    private Item upsertInSavepoint(Connection c, CustomerProfile p, boolean mayRetry) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try {
            Item item = Item.of(upsertOnce(c, p));
            c.releaseSavepoint(sp);
            return item;
        } catch (IllegalArgumentException | IllegalStateException e) {
            c.rollback(sp);
            return Item.failed(e);
        } catch (SQLException e) {
            c.rollback(sp);
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // another upsert made the same customer, or took a number, meanwhile: once more sees what it did
            return mayRetry ? upsertInSavepoint(c, p, false) : Item.failed(new IllegalStateException("customer "
                    + p.source() + "/" + p.externalId() + " has a phone, email or account number another customer"
                    + " was given at the same time", e));
        }
    }

    @Override
    public Future<Optional<CustomerRecord>> find(long id) {
        return db.withConnection(c -> CustomerRows.load(c, id));
    }

    @Override
    public Future<Optional<CustomerRecord>> findByExternalId(String source, String externalId) {
        return db.withConnection(c -> {
            Optional<long[]> row = locate(c, source, externalId, false);
            return row.isEmpty() ? Optional.empty() : CustomerRows.load(c, row.get()[0]);
        });
    }

    private UpsertOutcome upsertRetrying(Connection c, CustomerProfile p) throws SQLException {
        try {
            return Database.transaction(c, conn -> upsertOnce(conn, p));
        } catch (SQLException first) {
            if (!UNIQUE_VIOLATION.equals(first.getSQLState())) {
                throw first;
            }
            // another upsert made the same customer, or took a number, meanwhile: once more sees what it did
            try {
                return Database.transaction(c, conn -> upsertOnce(conn, p));
            } catch (SQLException again) {
                if (UNIQUE_VIOLATION.equals(again.getSQLState())) {
                    throw new IllegalStateException("customer " + p.source() + "/" + p.externalId()
                            + " has a phone, email or account number another customer was given at the same time",
                            again);
                }
                throw again;
            }
        }
    }

    private UpsertOutcome upsertOnce(Connection c, CustomerProfile p) throws SQLException {
        Map<String, String> phones = new LinkedHashMap<>();
        for (String number : p.phones()) {
            String key = PhoneMatch.key(number);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("phones: '" + number + "' has no digits");
            }
            phones.putIfAbsent(key, number);
        }
        TreeSet<String> emails = new TreeSet<>();
        p.emails().forEach(e -> emails.add(e.strip().toLowerCase(Locale.ROOT)));
        Optional<long[]> row = locate(c, p.source(), p.externalId(), true);
        long id = row.map(r -> r[0]).orElse(0L);
        if (row.isPresent() && row.get()[1] != 0) {
            throw new IllegalStateException("customer " + p.source() + "/" + p.externalId() + " (" + id
                    + ") was merged into customer " + row.get()[1] + "; upsert that one's external id instead");
        }
        Optional<CustomerRecord> before = id == 0 ? Optional.empty() : CustomerRows.load(c, id);
        if (before.isPresent()) {
            CustomerRecord wanted = new CustomerRecord(id, p.source(), p.externalId(), p.name(),
                    List.copyOf(phones.values()), List.copyOf(emails), p.accountNumber(), p.language(), p.segment(),
                    p.timeZone(), 0, before.get().createdAt());
            if (wanted.changedFrom(before.get()).isEmpty()) {
                return new UpsertOutcome(before.get(), UpsertOutcome.Change.UNCHANGED);
            }
        }
        refuseTaken(c, p, id, phones, emails);
        String account = p.accountNumber().isEmpty() ? null : p.accountNumber();
        String zone = p.timeZone().isEmpty() ? null : p.timeZone();
        if (id == 0) {
            try (PreparedStatement ins = c.prepareStatement("insert into customers (name, account_number, language,"
                    + " segment, time_zone, external_source, external_id) values (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                bindCustomer(ins, p, account, zone);
                ins.setString(6, p.source());
                ins.setString(7, p.externalId());
                ins.executeUpdate();
                try (ResultSet keys = ins.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
        } else {
            try (PreparedStatement up = c.prepareStatement("update customers set name = ?, account_number = ?,"
                    + " language = ?, segment = ?, time_zone = ? where id = ?")) {
                bindCustomer(up, p, account, zone);
                up.setLong(6, id);
                up.executeUpdate();
            }
            update(c, "delete from customer_phones where customer_id = ?", id);
            update(c, "delete from customer_emails where customer_id = ?", id);
        }
        CustomerRows.insertPhones(c, id, phones);
        try (PreparedStatement ins = c.prepareStatement("insert into customer_emails (customer_id, address)"
                + " values (?, ?)")) {
            for (String email : emails) {
                ins.setLong(1, id);
                ins.setString(2, email);
                ins.addBatch();
            }
            ins.executeBatch();
        }
        CustomerRecord after = CustomerRows.load(c, id).orElseThrow();
        Instant now = clock.instant();
        if (before.isEmpty()) {
            JdbcOutbox.append(c, CustomerRows.created(after, now));
            return new UpsertOutcome(after, UpsertOutcome.Change.CREATED);
        }
        Optional<BusinessEvent> changed = CustomerRows.changed(before.get(), after, now);
        if (changed.isPresent()) {
            JdbcOutbox.append(c, changed.get());
        }
        return new UpsertOutcome(after, UpsertOutcome.Change.UPDATED);
    }

    private static void bindCustomer(PreparedStatement st, CustomerProfile p, String account, String zone)
            throws SQLException {
        st.setString(1, p.name());
        st.setString(2, account);
        st.setString(3, p.language());
        st.setString(4, p.segment());
        st.setString(5, zone);
    }

    /** Fails naming the other customer when one has a number, address or account number of this profile. */
    private static void refuseTaken(Connection c, CustomerProfile p, long id, Map<String, String> phones,
                                    TreeSet<String> emails) throws SQLException {
        if (!p.accountNumber().isEmpty()) {
            owner(c, "select id from customers where account_number = ? and id <> ?", p.accountNumber(), id)
                    .ifPresent(other -> {
                        throw new IllegalStateException("accountNumber: " + p.accountNumber()
                                + " already belongs to customer " + other);
                    });
        }
        for (Map.Entry<String, String> phone : phones.entrySet()) {
            owner(c, "select customer_id from customer_phones where match_digits = ? and customer_id <> ?",
                    phone.getKey(), id).ifPresent(other -> {
                        throw new IllegalStateException("phones: " + phone.getValue()
                                + " already belongs to customer " + other);
                    });
        }
        for (String email : emails) {
            owner(c, "select customer_id from customer_emails where address = ? and customer_id <> ?", email, id)
                    .ifPresent(other -> {
                        throw new IllegalStateException("emails: " + email + " already belongs to customer " + other);
                    });
        }
    }

    private static Optional<Long> owner(Connection c, String sql, String value, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, value);
            q.setLong(2, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** {id, mergedInto (0 if none)} of the customer with this external id. */
    private static Optional<long[]> locate(Connection c, String source, String externalId, boolean lock)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select id, merged_into from customers"
                + " where external_source = ? and external_id = ?" + (lock ? " for update" : ""))) {
            q.setString(1, source);
            q.setString(2, externalId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2)}) : Optional.empty();
            }
        }
    }

    @Override
    public Future<CustomerMerge> merge(long keptId, long duplicateId) {
        if (keptId == duplicateId) {
            return Future.failedFuture(new IllegalArgumentException("a customer cannot be merged into itself"));
        }
        return db.inTransaction(c -> mergeIn(c, keptId, duplicateId));
    }

    private CustomerMerge mergeIn(Connection c, long keptId, long duplicateId) throws SQLException {
        Map<Long, Long> mergedInto = new LinkedHashMap<>();
        // both rows locked in id order, so two merges of the same pair never deadlock
        try (PreparedStatement q = c.prepareStatement("select id, merged_into from customers where id in (?, ?)"
                + " order by id for update")) {
            q.setLong(1, keptId);
            q.setLong(2, duplicateId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    mergedInto.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        for (long id : new long[] {keptId, duplicateId}) {
            if (!mergedInto.containsKey(id)) {
                throw new NoSuchElementException("no customer " + id);
            }
        }
        if (mergedInto.get(duplicateId) != 0) {
            throw new IllegalStateException("customer " + duplicateId + " was merged into customer "
                    + mergedInto.get(duplicateId) + " already");
        }
        if (mergedInto.get(keptId) != 0) {
            throw new IllegalStateException("customer " + keptId + " was merged into customer "
                    + mergedInto.get(keptId) + "; merge into that one");
        }
        CustomerRecord keptBefore = CustomerRows.load(c, keptId).orElseThrow();
        CustomerRecord dupBefore = CustomerRows.load(c, duplicateId).orElseThrow();
        Map<String, Integer> moved = new LinkedHashMap<>();
        // what follows a customer merged into another, each a whole statement (the SQL scan wants literals)
        moved.put("interactions", move(c, "update interactions set customer_id = ? where customer_id = ?",
                keptId, duplicateId));
        moved.put("orders", move(c, "update customer_orders set customer_id = ? where customer_id = ?",
                keptId, duplicateId));
        moved.put("offers", move(c, "update customer_offers set customer_id = ? where customer_id = ?",
                keptId, duplicateId));
        moved.put("opportunities", move(c, "update sales_opportunities set customer_id = ? where customer_id = ?",
                keptId, duplicateId));
        // both customers' calls now stand behind both customers' opportunities
        JdbcSalesEffort.recount(c, keptId, keptId);
        int offset;
        try (PreparedStatement q = c.prepareStatement("select coalesce(max(seq) + 1, 0) from customer_phones"
                + " where customer_id = ?")) {
            q.setLong(1, keptId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                offset = rs.getInt(1);
            }
        }
        try (PreparedStatement up = c.prepareStatement("update customer_phones set customer_id = ?, seq = seq + ?"
                + " where customer_id = ?")) {
            up.setLong(1, keptId);
            up.setInt(2, offset);
            up.setLong(3, duplicateId);
            moved.put("phones", up.executeUpdate());
        }
        moved.put("emails", move(c, "update customer_emails set customer_id = ? where customer_id = ?", keptId,
                duplicateId));
        try (PreparedStatement up = c.prepareStatement("update customer_scores set customer_id = ?"
                + " where customer_id = ? and name not in (select s.name from customer_scores s"
                + " where s.customer_id = ?)")) {
            up.setLong(1, keptId);
            up.setLong(2, duplicateId);
            up.setLong(3, keptId);
            moved.put("scores", up.executeUpdate());
        }
        int scoresLeft;
        try (PreparedStatement q = c.prepareStatement("select count(*) from customer_scores where customer_id = ?")) {
            q.setLong(1, duplicateId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                scoresLeft = rs.getInt(1);
            }
        }
        if (keptBefore.accountNumber().isEmpty() && !dupBefore.accountNumber().isEmpty()) {
            update(c, "update customers set account_number = null where id = ?", duplicateId);
            try (PreparedStatement up = c.prepareStatement("update customers set account_number = ? where id = ?")) {
                up.setString(1, dupBefore.accountNumber());
                up.setLong(2, keptId);
                up.executeUpdate();
            }
            moved.put("accountNumber", 1);
        }
        Instant now = clock.instant();
        // customers merged into the duplicate earlier now point to the one kept: one hop from any of them
        move(c, "update customers set merged_into = ? where merged_into = ?", keptId, duplicateId);
        try (PreparedStatement up = c.prepareStatement("update customers set merged_into = ?, merged_at = ?"
                + " where id = ?")) {
            up.setLong(1, keptId);
            up.setTimestamp(2, Timestamp.from(now));
            up.setLong(3, duplicateId);
            up.executeUpdate();
        }
        CustomerRecord kept = CustomerRows.load(c, keptId).orElseThrow();
        CustomerRecord merged = CustomerRows.load(c, duplicateId).orElseThrow();
        JsonObject movedJson = new JsonObject();
        moved.forEach(movedJson::put);
        List<BusinessEvent> events = new ArrayList<>();
        events.add(BusinessEvent.of(BusinessEventType.CUSTOMER_MERGED, Long.toString(keptId), now, new JsonObject()
                .put("customer", CustomerRows.json(kept)).put("mergedId", duplicateId)
                .put("merged", CustomerRows.json(merged)).put("moved", movedJson).encode()));
        // the duplicate's own stream hears it too: it now points to the kept customer
        CustomerRows.changed(dupBefore, merged, now).ifPresent(events::add);
        JdbcOutbox.append(c, events);
        return new CustomerMerge(kept, merged, moved, scoresLeft);
    }

    private static int move(Connection c, String sql, long to, long from) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(sql)) {
            up.setLong(1, to);
            up.setLong(2, from);
            return up.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(sql)) {
            up.setLong(1, id);
            up.executeUpdate();
        }
    }
}
