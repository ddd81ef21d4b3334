package cc.core.adapter.jdbc;

import cc.core.domain.customer.CustomerRecord;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer's whole record read inside a change's transaction, and the {@code customer.*} events built from it: every
 * customer event carries the record as it stands after the change, so a receiver never has to call back for it.
 * Shared by {@link JdbcCustomerStore}, {@link JdbcCustomerEmails} and {@link JdbcCustomerRegistry}.
 */
final class CustomerRows {
    private CustomerRows() {
    }

    /** The customer with this id (blocking, on the caller's connection and transaction). */
    static Optional<CustomerRecord> load(Connection c, long id) throws SQLException {
        String name;
        String source;
        String external;
        String account;
        String language;
        String segment;
        String zone;
        long mergedInto;
        Instant created;
        try (PreparedStatement st = c.prepareStatement("select name, external_source, external_id, account_number,"
                + " language, segment, time_zone, merged_into, created_at from customers where id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                name = rs.getString(1);
                source = rs.getString(2);
                external = rs.getString(3);
                account = rs.getString(4);
                language = rs.getString(5);
                segment = rs.getString(6);
                zone = rs.getString(7);
                mergedInto = rs.getLong(8);
                Timestamp t = rs.getTimestamp(9);
                created = t == null ? Instant.EPOCH : t.toInstant();
            }
        }
        List<String> phones = strings(c, "select number from customer_phones where customer_id = ? order by seq", id);
        List<String> emails = strings(c, "select address from customer_emails where customer_id = ?"
                + " order by address", id);
        return Optional.of(new CustomerRecord(id, source, external, name, phones, emails, account, language, segment,
                zone, mergedInto, created));
    }

    private static List<String> strings(Connection c, String sql, long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The record as JSON: the back-office API's customer and the events' {@code customer}. */
    /** Inserts a customer's phones in order ({@code match digits -> number as written}); nothing when empty. */
    static void insertPhones(Connection c, long id, java.util.Map<String, String> phones) throws SQLException {
        if (phones.isEmpty()) {
            return;
        }
        try (java.sql.PreparedStatement ins = c.prepareStatement("insert into customer_phones"
                + " (customer_id, seq, number, match_digits) values (?, ?, ?, ?)")) {
            int seq = 0;
            for (java.util.Map.Entry<String, String> phone : phones.entrySet()) {
                ins.setLong(1, id);
                ins.setInt(2, seq++);
                ins.setString(3, phone.getValue());
                ins.setString(4, phone.getKey());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    static JsonObject json(CustomerRecord r) {
        return cc.core.adapter.json.CustomerJson.of(r);
    }

    static BusinessEvent created(CustomerRecord after, Instant now) {
        return BusinessEvent.of(BusinessEventType.CUSTOMER_CREATED, Long.toString(after.id()), now,
                new JsonObject().put("customer", json(after)).encode());
    }

    /** A {@code customer.changed} naming the fields that changed, or empty when none did. */
    static Optional<BusinessEvent> changed(CustomerRecord before, CustomerRecord after, Instant now) {
        List<String> fields = after.changedFrom(before);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BusinessEvent.of(BusinessEventType.CUSTOMER_CHANGED, Long.toString(after.id()), now,
                new JsonObject().put("customer", json(after)).put("changed", new JsonArray(fields)).encode()));
    }
}
