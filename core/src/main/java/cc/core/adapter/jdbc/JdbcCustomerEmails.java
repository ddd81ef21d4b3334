package cc.core.adapter.jdbc;

import cc.core.domain.customer.Customer;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;

/**
 * The email addresses customers are recognised by ({@code customer_emails}): one address belongs to one customer at
 * most, matched without regard to case.
 *
 * <p>Threading: as {@link Database}.
 */
public final class JdbcCustomerEmails implements cc.core.app.customer.CustomerEmailAddresses {
    private final Database db;
    private final JdbcCustomerStore customers;
    private final java.time.InstantSource clock;

    public JdbcCustomerEmails(Database db) {
        this(db, java.time.InstantSource.system());
    }

    /** @param clock stamps the {@code customer.changed} event an added address writes */
    public JdbcCustomerEmails(Database db, java.time.InstantSource clock) {
        this.db = db;
        this.clock = clock;
        this.customers = new JdbcCustomerStore(db, clock);
    }

    /** The customer with this address, if any. */
    public Future<Optional<Customer>> findByEmail(String address) {
        String key = normalise(address);
        if (key.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select customer_id from customer_emails where address = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        }).compose(id -> id.isPresent() ? customers.find(id.get()) : Future.succeededFuture(Optional.empty()));
    }

    /**
     * Gives the customer this address, with its {@code customer.changed} event in the same transaction; fails with
     * {@link IllegalStateException} when another customer has it.
     */
    public Future<Void> add(long customerId, String address) {
        String key = normalise(address);
        if (!key.contains("@")) {
            return Future.failedFuture(new IllegalArgumentException("'" + address + "' is not an email address"));
        }
        return db.withConnection(c -> {
            try {
                return Database.transaction(c, conn -> {
                    Optional<cc.core.domain.customer.CustomerRecord> before = CustomerRows.load(conn, customerId);
                    try (PreparedStatement ps = conn.prepareStatement("insert into customer_emails"
                            + " (customer_id, address) values (?, ?)")) {
                        ps.setLong(1, customerId);
                        ps.setString(2, key);
                        ps.executeUpdate();
                    }
                    Optional<cc.core.domain.integration.BusinessEvent> changed = before.isEmpty() ? Optional.empty()
                            : CustomerRows.changed(before.get(), CustomerRows.load(conn, customerId).orElseThrow(),
                                    clock.instant());
                    if (changed.isPresent()) {
                        JdbcOutbox.append(conn, changed.get());
                    }
                    return null;
                });
            } catch (java.sql.SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new IllegalStateException("another customer has the address " + key, e);
                }
                throw e;
            }
        });
    }

    @Override
    public Future<Void> remember(long customerId, String address) {
        return findByEmail(address).compose(owner -> owner.isPresent() && owner.get().id() == customerId
                ? Future.succeededFuture() : add(customerId, address));
    }

    private static String normalise(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }
}
