package cc.core.adapter.jdbc;

import cc.core.domain.scoring.CustomerHistory;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/**
 * Writes customer histories (generated ones, for the demo, tests and benchmarks) into the tables scoring reads:
 * customers, their orders, opportunities, interactions and offers. The database gives each customer its own id; the ids are
 * returned in the order of the histories. Opportunities go to {@code sales_opportunities}, won or lost, in the
 * center's currency, owned by {@code history} (as the rows core V10 moved there).
 */
public final class JdbcHistoryLoader {
    private final Database db;
    private final String currency;

    public JdbcHistoryLoader(Database db) {
        this(db, JdbcCustomerScoreStore.DEFAULT_CURRENCY);
    }

    /** @param currency the center's own currency (ISO 4217), as {@code scores.currency} */
    public JdbcHistoryLoader(Database db, String currency) {
        this.db = db;
        this.currency = currency;
    }

    /** Inserts the histories in one transaction; completes with each history's new customer id, in order. */
    public Future<long[]> load(List<CustomerHistory> histories) {
        return db.inTransaction(c -> {
            long[] ids = new long[histories.size()];
            try (PreparedStatement st = c.prepareStatement("insert into customers (name, segment, created_at,"
                    + " closed_at) values (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < ids.length; i++) {
                    CustomerHistory h = histories.get(i);
                    st.setString(1, "Customer " + h.customerId());
                    st.setString(2, h.segment());
                    st.setObject(3, JdbcInteractionStore.timestamp(h.since()));
                    if (h.closedAt().isPresent()) {
                        st.setObject(4, JdbcInteractionStore.timestamp(h.closedAt().get()));
                    } else {
                        st.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                    }
                    st.executeUpdate();
                    try (ResultSet rs = st.getGeneratedKeys()) {
                        rs.next();
                        ids[i] = rs.getLong(1);
                    }
                }
            }
            writeHistories(c, histories, ids, currency);
            return ids;
        });
    }

    /** The order number a generated order gets: the customer's id and the order's place, "00042-3". */
    public static String orderNumber(long customerId, int index) {
        return String.format("%05d-%d", customerId, index + 1);
    }

    /** The phone a generated customer ordered with (a Tehran mobile made from the id; the self-service page's second factor). */
    public static String phone(long customerId) {
        return String.format("0912%07d", (customerId * 7_919L + 1_234_567L) % 10_000_000L);
    }

    private static void writeHistories(Connection c, List<CustomerHistory> histories, long[] ids, String currency)
            throws SQLException {
        try (PreparedStatement orders = c.prepareStatement(
                "insert into customer_orders (customer_id, ordered_at, amount, order_number, status, status_at, phone)"
                        + " values (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement opportunities = c.prepareStatement("insert into sales_opportunities (customer_id,"
                     + " title, amount, currency, probability, owner, status, stage, created_at, updated_at, closed_at)"
                     + " values (?, 'Customer history', ?, ?, ?, 'history', ?, ?, ?, ?, ?)");
             PreparedStatement contacts = c.prepareStatement("insert into interactions (id, channel, direction,"
                     + " offered_at, ended_at, disposition, satisfaction, customer_id)"
                     + " values (?, 'VOICE', 'INBOUND', ?, ?, ?, ?, ?)");
             PreparedStatement offers = c.prepareStatement("insert into customer_offers (customer_id, product,"
                     + " offered_at, accepted) values (?, ?, ?, ?)")) {
            for (int i = 0; i < ids.length; i++) {
                CustomerHistory h = histories.get(i);
                for (int k = 0; k < h.orders().size(); k++) {
                    CustomerHistory.Order o = h.orders().get(k);
                    // the customer's latest order is on its way, the older ones delivered
                    boolean last = k == h.orders().size() - 1;
                    orders.setLong(1, ids[i]);
                    orders.setObject(2, JdbcInteractionStore.timestamp(o.at()));
                    orders.setDouble(3, o.amount());
                    orders.setString(4, orderNumber(ids[i], k));
                    orders.setString(5, last ? "shipped" : "delivered");
                    orders.setObject(6, JdbcInteractionStore.timestamp(o.at().plus(java.time.Duration.ofDays(last ? 1 : 3))));
                    orders.setString(7, phone(ids[i]));
                    orders.addBatch();
                }
                for (CustomerHistory.Opportunity o : h.opportunities()) {
                    String state = o.won() ? "won" : "lost";
                    opportunities.setLong(1, ids[i]);
                    opportunities.setBigDecimal(2, java.math.BigDecimal.valueOf(o.amount()));
                    opportunities.setString(3, currency);
                    opportunities.setInt(4, o.won() ? 100 : 0);
                    opportunities.setString(5, state);
                    opportunities.setString(6, state);
                    for (int k = 7; k <= 9; k++) {
                        opportunities.setObject(k, JdbcInteractionStore.timestamp(o.closedAt()));
                    }
                    opportunities.addBatch();
                }
                int n = 0;
                for (CustomerHistory.Contact k : h.contacts()) {
                    contacts.setString(1, "hist-" + ids[i] + "-" + n++);
                    contacts.setObject(2, JdbcInteractionStore.timestamp(k.at()));
                    contacts.setObject(3, JdbcInteractionStore.timestamp(k.at().plusSeconds(180)));
                    contacts.setString(4, k.disposition().isEmpty() ? null : k.disposition());
                    if (k.satisfaction() > 0) {
                        contacts.setInt(5, k.satisfaction());
                    } else {
                        contacts.setNull(5, Types.SMALLINT);
                    }
                    contacts.setLong(6, ids[i]);
                    contacts.addBatch();
                }
                for (CustomerHistory.Offer o : h.offers()) {
                    offers.setLong(1, ids[i]);
                    offers.setString(2, o.product());
                    offers.setObject(3, JdbcInteractionStore.timestamp(o.at()));
                    offers.setBoolean(4, o.accepted());
                    offers.addBatch();
                }
            }
            orders.executeBatch();
            opportunities.executeBatch();
            contacts.executeBatch();
            offers.executeBatch();
        }
    }
}
