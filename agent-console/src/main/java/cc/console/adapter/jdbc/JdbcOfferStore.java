package cc.console.adapter.jdbc;

import cc.console.app.OfferStore;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.domain.offer.PastOffer;
import cc.core.domain.scoring.CustomerScore;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers in {@code customer_offers} (core V7, V9) and scores in {@code customer_scores}. Rows imported before V9 have
 * no outcome: {@code accepted} tells. Threading: as {@link Database}.
 */
public final class JdbcOfferStore implements OfferStore {
    private final Database db;

    public JdbcOfferStore(Database db) {
        this.db = db;
    }

    @Override
    public Future<List<CustomerScore>> scores(long customerId) {
        return new JdbcCustomerScoreStore(db).scores(customerId);
    }

    @Override
    public Future<List<PastOffer>> pastOffers(long customerId) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement st = c.prepareStatement("select product, offered_at, accepted, outcome"
                    + " from customer_offers where customer_id = ?")) {
                st.setLong(1, customerId);
                List<PastOffer> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String outcome = rs.getString(4);
                        PastOffer.Outcome o = outcome == null
                                ? (rs.getBoolean(3) ? PastOffer.Outcome.ACCEPTED : PastOffer.Outcome.DECLINED)
                                : PastOffer.Outcome.fromWireName(outcome).orElse(PastOffer.Outcome.OFFERED);
                        out.add(new PastOffer(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), o));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<Void> record(long customerId, String product, String interactionId, String agentId,
                               PastOffer.Outcome outcome, Instant at) {
        return db.inTransaction(c -> {
            OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
            // the row keeps when the offer was first made; the answer replaces the outcome
            try (PreparedStatement up = c.prepareStatement("update customer_offers set outcome = ?, accepted = ?,"
                    + " agent_id = ? where customer_id = ? and interaction_id = ? and product = ?")) {
                up.setString(1, outcome.wireName());
                up.setBoolean(2, outcome == PastOffer.Outcome.ACCEPTED);
                up.setString(3, agentId);
                up.setLong(4, customerId);
                up.setString(5, interactionId);
                up.setString(6, product);
                if (up.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("insert into customer_offers (customer_id, product,"
                    + " offered_at, accepted, interaction_id, agent_id, outcome) values (?, ?, ?, ?, ?, ?, ?)")) {
                ins.setLong(1, customerId);
                ins.setString(2, product);
                ins.setObject(3, when);
                ins.setBoolean(4, outcome == PastOffer.Outcome.ACCEPTED);
                ins.setString(5, interactionId);
                ins.setString(6, agentId);
                ins.setString(7, outcome.wireName());
                ins.executeUpdate();
            }
            return null;
        });
    }
}
