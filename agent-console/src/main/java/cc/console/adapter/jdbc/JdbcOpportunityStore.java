package cc.console.adapter.jdbc;

import cc.console.app.OpportunityStore;
import cc.console.domain.sales.Opportunity;
import cc.core.adapter.jdbc.Database;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opportunities in table {@code opportunities}. Threading: as {@link Database}. */
public final class JdbcOpportunityStore implements OpportunityStore {
    private static final String SELECT = "select id, customer_id, interaction_id, title, amount, currency, probability,"
            + " owner, status from opportunities";

    private final Database db;

    public JdbcOpportunityStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<List<Opportunity>> openFor(long customerId) {
        return db.withConnection(c -> {
            List<Opportunity> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(SELECT + " where customer_id = ? and status = 'open'"
                    + " order by id desc")) {
                st.setLong(1, customerId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Future<Optional<Opportunity>> find(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(SELECT + " where id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Future<Opportunity> save(Opportunity o) {
        return db.withConnection(c -> {
            if (o.id() == 0) {
                try (PreparedStatement st = c.prepareStatement("insert into opportunities (customer_id, interaction_id,"
                        + " title, amount, currency, probability, owner, status) values (?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    st.setLong(1, o.customerId());
                    st.setString(2, o.interactionId());
                    st.setString(3, o.title());
                    st.setBigDecimal(4, o.amount());
                    st.setString(5, o.currency());
                    st.setInt(6, o.probability());
                    st.setString(7, o.owner());
                    st.setString(8, o.status());
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        return o.withId(keys.getLong(1));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("update opportunities set title = ?, amount = ?,"
                    + " currency = ?, probability = ?, owner = ?, status = ?, updated_at = current_timestamp"
                    + " where id = ?")) {
                st.setString(1, o.title());
                st.setBigDecimal(2, o.amount());
                st.setString(3, o.currency());
                st.setInt(4, o.probability());
                st.setString(5, o.owner());
                st.setString(6, o.status());
                st.setLong(7, o.id());
                if (st.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no opportunity " + o.id());
                }
                return o;
            }
        });
    }

    private static Opportunity row(ResultSet rs) throws SQLException {
        return new Opportunity(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("interaction_id"),
                rs.getString("title"), rs.getBigDecimal("amount").stripTrailingZeros(), rs.getString("currency").strip(),
                rs.getInt("probability"), rs.getString("owner"), rs.getString("status"));
    }
}
