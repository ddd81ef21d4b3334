package cc.integration.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.app.integration.StoredEvent;
import cc.core.contract.WebhookAddresses.DeadLetter;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.integration.webhook.DeadLetterStore;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code webhook_dead_letters} (integration V2) over JDBC, on the database's worker pool. */
public final class JdbcDeadLetters implements DeadLetterStore {
    private static final String COLUMNS = "id, subscription, seq, event_id, event_type, entity_id, occurred_at,"
            + " payload, parked_at, attempts, last_error, replayed_at, replayed_by";
    private static final int MAX_ERROR = 500;

    private final Database db;

    public JdbcDeadLetters(Database db) {
        this.db = db;
    }

    @Override
    public Future<Void> park(String subscription, List<StoredEvent> events, int attempts, String lastError,
                             Instant at) {
        String error = lastError.length() > MAX_ERROR ? lastError.substring(0, MAX_ERROR) : lastError;
        return db.inTransaction(c -> {
            try (PreparedStatement i = c.prepareStatement("insert into webhook_dead_letters (subscription, seq,"
                    + " event_id, event_type, entity_id, occurred_at, payload, parked_at, attempts, last_error)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredEvent s : events) {
                    BusinessEvent e = s.event();
                    i.setString(1, subscription);
                    i.setLong(2, s.seq());
                    i.setString(3, e.id());
                    i.setString(4, e.type().wire());
                    i.setString(5, e.entityId());
                    i.setTimestamp(6, Timestamp.from(e.occurredAt()));
                    i.setString(7, e.payloadJson());
                    i.setTimestamp(8, Timestamp.from(at));
                    i.setInt(9, attempts);
                    i.setString(10, error);
                    i.addBatch();
                }
                i.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Future<List<DeadLetter>> list(String subscription, boolean includeReplayed, int limit) {
        return db.withConnection(c -> {
            StringBuilder sql = new StringBuilder("select " + COLUMNS + " from webhook_dead_letters where 1 = 1");
            if (!subscription.isEmpty()) {
                sql.append(" and subscription = ?");
            }
            if (!includeReplayed) {
                sql.append(" and replayed_at is null");
            }
            sql.append(" order by id desc limit ?");
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                int p = 1;
                if (!subscription.isEmpty()) {
                    q.setString(p++, subscription);
                }
                q.setInt(p, limit);
                List<DeadLetter> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(letter(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Future<Optional<Parked>> find(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement q = c.prepareStatement("select " + COLUMNS
                    + " from webhook_dead_letters where id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    DeadLetter l = letter(rs);
                    Optional<BusinessEventType> type = BusinessEventType.fromWire(l.type());
                    if (type.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Parked(l, new StoredEvent(l.seq(), new BusinessEvent(l.eventId(),
                            type.get(), l.entityId(), l.occurredAt(), rs.getString("payload")))));
                }
            }
        });
    }

    @Override
    public Future<Void> replayed(long id, String by, Instant at) {
        return db.withConnection(c -> {
            try (PreparedStatement u = c.prepareStatement("update webhook_dead_letters set replayed_at = ?,"
                    + " replayed_by = ? where id = ?")) {
                u.setTimestamp(1, Timestamp.from(at));
                u.setString(2, by);
                u.setLong(3, id);
                u.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Map<String, Long>> waiting() {
        return db.withConnection(c -> {
            Map<String, Long> counts = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("select subscription, count(*) from webhook_dead_letters"
                    + " where replayed_at is null group by subscription");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private static DeadLetter letter(ResultSet rs) throws SQLException {
        Timestamp replayed = rs.getTimestamp("replayed_at");
        return new DeadLetter(rs.getLong("id"), rs.getString("subscription"), rs.getLong("seq"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("entity_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("parked_at").toInstant(),
                rs.getInt("attempts"), rs.getString("last_error"),
                Optional.ofNullable(replayed).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("replayed_by")));
    }
}
