package cc.launcher;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCallHistoryLoader;
import cc.core.adapter.jdbc.JdbcHistoryLoader;
import cc.core.domain.report.synthetic.SyntheticCalls;
import cc.core.domain.scoring.synthetic.SyntheticHistory;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo's past (simulator only, {@code reports.demoHistoryDays}): on first start with an empty database, weeks of
 * generated calls to the configured queues and agents, with the agents' state spells, so the reports page has
 * something to show; and customers' orders, opportunities and offers, so the scores do. Days before today only; the
 * simulator's traffic makes today's.
 *
 * <p>Threading: deployed as a verticle of its own so the load runs on its own context, beside the server's start
 * rather than before it; {@link #loaded()} completes when it is done.
 */
final class DemoHistory extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final int CUSTOMERS = 300;
    private static final long SEED = 1405;

    private final Database db;
    private final ZoneId zone;
    private final int days;
    private final List<String> queues;
    private final List<String> agents;
    private final Instant now;
    private final Promise<Void> loaded = Promise.promise();

    DemoHistory(Database db, ZoneId zone, int days, List<String> queues, List<String> agents, Instant now) {
        this.db = db;
        this.zone = zone;
        this.days = days;
        this.queues = queues;
        this.agents = agents;
        this.now = now;
    }

    @Override
    public Future<?> start() {
        loadIfEmpty(db, zone, days, queues, agents, now).onComplete(loaded);
        return Future.succeededFuture();
    }

    /** Completes when the history is loaded (or was not needed). */
    Future<Void> loaded() {
        return loaded.future();
    }

    static Future<Void> loadIfEmpty(Database db, ZoneId zone, int days, List<String> queues, List<String> agents,
                                    Instant now) {
        if (days <= 0 || queues.isEmpty() || agents.size() < 2 * queues.size()) {
            return Future.succeededFuture();
        }
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select count(*) from interactions");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }).compose(n -> {
            if (n > 0) {
                return Future.succeededFuture();
            }
            SyntheticHistory customers = new SyntheticHistory(SEED, now);
            return new JdbcHistoryLoader(db).load(customers.customers(CUSTOMERS)).compose(ids -> {
                // the generated calls name customers 1..CUSTOMERS as their histories do; a fresh database gives
                // them those ids
                SyntheticCalls calls = new SyntheticCalls(SEED, zone, agents.size() * 40.0, CUSTOMERS, queues, agents);
                LocalDate today = now.atZone(zone).toLocalDate();
                return load(new JdbcCallHistoryLoader(db), calls, today.minusDays(days), today);
            }).onSuccess(v -> log.info("Demo history: {} days of generated calls and {} customers' histories loaded",
                    days, CUSTOMERS)).compose(v -> sampleOrder(db));
        });
    }

    /** Logs one generated order, so whoever tries the help page's order status has one to ask about. */
    private static Future<Void> sampleOrder(Database db) {
        return db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select order_number, phone from customer_orders"
                    + " where order_number is not null order by id limit 1");
                 ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    String phone = rs.getString(2);
                    log.info("Demo orders: the help page's order status knows order {} (phone ending {})",
                            rs.getString(1), phone.substring(Math.max(0, phone.length() - 4)));
                }
            }
            return null;
        });
    }

    private static Future<Void> load(JdbcCallHistoryLoader loader, SyntheticCalls calls, LocalDate day,
                                     LocalDate today) {
        if (!day.isBefore(today)) {
            return Future.succeededFuture();
        }
        SyntheticCalls.Day d = calls.day(day);
        return loader.load(d.calls(), d.spells()).compose(v -> load(loader, calls, day.plusDays(1), today));
    }
}
