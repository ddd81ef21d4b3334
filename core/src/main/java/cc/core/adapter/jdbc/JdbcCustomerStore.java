package cc.core.adapter.jdbc;

import cc.core.app.customer.CustomerStore;
import cc.core.domain.customer.Customer;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Customers in tables {@code customers} and {@code customer_phones}; caller ID is matched with {@link PhoneMatch}.
 *
 * <p>A number belongs to one customer at most, and an account number too: saving a customer with a number or
 * account another customer has fails with {@link IllegalStateException} naming both, and changes nothing.
 * Saving keeps the first of several numbers of one customer that match each other.
 *
 * <p>Every save writes its event to the outbox in its own transaction: {@code customer.created} for a new customer,
 * {@code customer.changed} (naming the fields) for a change, nothing when the saved customer equals the stored one.
 *
 * <p>Threading: as {@link Database}: blocking JDBC on the {@value Database#WORKER_POOL} pool, futures completing on
 * the caller's context.
 */
public final class JdbcCustomerStore implements CustomerStore {

    private static final String SELECT = "select c.id, c.name, c.account_number, c.language, c.segment, p.number"
            + " from customers c left join customer_phones p on p.customer_id = c.id where ";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final InstantSource clock;

    public JdbcCustomerStore(Database db) {
        this(db, InstantSource.system());
    }

    /** @param clock stamps the customer events' {@code occurredAt} */
    public JdbcCustomerStore(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Future<Optional<Customer>> findByPhone(String number) {
        String key = PhoneMatch.key(number);
        if (key.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return db.withConnection(c -> load(c,
                "c.id = (select customer_id from customer_phones where match_digits = ?)", key));
    }

    @Override
    public Future<Optional<Customer>> findByAccount(String accountNumber) {
        if (accountNumber == null || accountNumber.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        return db.withConnection(c -> load(c, "c.account_number = ?", accountNumber));
    }

    @Override
    public Future<Optional<Customer>> find(long id) {
        return db.withConnection(c -> load(c, "c.id = ?", id));
    }

    @Override
    public Future<Customer> save(Customer customer) {
        Map<String, String> phones = new LinkedHashMap<>();
        for (String number : customer.phoneNumbers()) {
            String key = PhoneMatch.key(number);
            if (key.isEmpty()) {
                return Future.failedFuture(new IllegalArgumentException(
                        "phone number '" + number + "' of customer " + customer.name() + " has no digits"));
            }
            phones.putIfAbsent(key, number);
        }
        return db.withConnection(c -> {
            try {
                return Database.transaction(c, conn -> upsert(conn, customer, phones, clock));
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new IllegalStateException("customer " + customer.name()
                            + " has a phone or account number another customer was given at the same time", e);
                }
                throw e;
            }
        });
    }

    private static Customer upsert(Connection c, Customer customer, Map<String, String> phones, InstantSource clock)
            throws SQLException {
        long id = customer.id();
        Optional<cc.core.domain.customer.CustomerRecord> before = id == 0 ? Optional.empty() : CustomerRows.load(c, id);
        String account = customer.accountNumber().isEmpty() ? null : customer.accountNumber();
        if (account != null) {
            try (PreparedStatement q = c.prepareStatement(
                    "select id, name from customers where account_number = ? and id <> ?")) {
                q.setString(1, account);
                q.setLong(2, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("account number " + account + " already belongs to customer "
                                + rs.getLong(1) + " (" + rs.getString(2) + ")");
                    }
                }
            }
        }
        for (Map.Entry<String, String> phone : phones.entrySet()) {
            try (PreparedStatement q = c.prepareStatement("select p.customer_id, p.number, c.name"
                    + " from customer_phones p join customers c on c.id = p.customer_id"
                    + " where p.match_digits = ? and p.customer_id <> ?")) {
                q.setString(1, phone.getKey());
                q.setLong(2, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("phone number " + phone.getValue() + " already belongs to"
                                + " customer " + rs.getLong(1) + " (" + rs.getString(3) + ", as " + rs.getString(2)
                                + ")");
                    }
                }
            }
        }
        if (id == 0) {
            try (PreparedStatement ins = c.prepareStatement("insert into customers"
                    + " (name, account_number, language, segment) values (?, ?, ?, ?)", new String[] {"id"})) {
                bind(ins, customer, account);
                ins.executeUpdate();
                try (ResultSet keys = ins.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
        } else {
            try (PreparedStatement up = c.prepareStatement("update customers"
                    + " set name = ?, account_number = ?, language = ?, segment = ? where id = ?")) {
                bind(up, customer, account);
                up.setLong(5, id);
                if (up.executeUpdate() == 0) {
                    throw new NoSuchElementException("no customer " + id + " to update (save with id 0 to add one)");
                }
            }
            try (PreparedStatement del = c.prepareStatement("delete from customer_phones where customer_id = ?")) {
                del.setLong(1, id);
                del.executeUpdate();
            }
        }
        CustomerRows.insertPhones(c, id, phones);
        cc.core.domain.customer.CustomerRecord after = CustomerRows.load(c, id).orElseThrow();
        if (before.isEmpty()) {
            JdbcOutbox.append(c, CustomerRows.created(after, clock.instant()));
        } else {
            Optional<cc.core.domain.integration.BusinessEvent> changed =
                    CustomerRows.changed(before.get(), after, clock.instant());
            if (changed.isPresent()) {
                JdbcOutbox.append(c, changed.get());
            }
        }
        return new Customer(id, customer.name(), List.copyOf(phones.values()), customer.accountNumber(),
                customer.language(), customer.segment());
    }

    private static void bind(PreparedStatement st, Customer customer, String account) throws SQLException {
        st.setString(1, customer.name());
        st.setString(2, account);
        st.setString(3, customer.language());
        st.setString(4, customer.segment());
    }

    private static Optional<Customer> load(Connection c, String where, Object parameter) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + where + " order by p.seq")) {
            st.setObject(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong("id");
                String name = rs.getString("name");
                String account = rs.getString("account_number");
                String language = rs.getString("language");
                String segment = rs.getString("segment");
                List<String> numbers = new ArrayList<>();
                do {
                    String number = rs.getString("number");
                    if (number != null) {
                        numbers.add(number);
                    }
                } while (rs.next());
                return Optional.of(new Customer(id, name, numbers, account, language, segment));
            }
        }
    }
}
