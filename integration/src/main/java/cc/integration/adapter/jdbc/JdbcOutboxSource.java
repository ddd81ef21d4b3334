package cc.integration.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.app.integration.StoredEvent;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.integration.relay.OutboxSource;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads core's {@code outbox_events} and keeps the sinks' cursors in {@code outbox_cursors}. Every call runs on the
 * database's worker pool in auto-commit mode. A row whose type this build does not know (a newer server wrote it) is
 * read with its wire type kept out of the sinks' way: it is skipped with the cursor, never stalls it.
 */
public final class JdbcOutboxSource implements OutboxSource {
    private static final String COLUMNS = "seq, event_id, event_type, entity_id, occurred_at, payload";
    /** Seqs asked for by one {@link #bySeq} statement at most. */
    private static final int IN_CHUNK = 500;

    private final Database db;

    public JdbcOutboxSource(Database db) {
        this.db = db;
    }

    @Override
    public Future<List<StoredEvent>> after(long after, int limit) {
        // in parallel with other contexts' work: the relay keeps its own order, one read per sink at a time
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement q = c.prepareStatement("select " + COLUMNS
                    + " from outbox_events where seq > ? order by seq limit ?")) {
                q.setLong(1, after);
                q.setInt(2, limit);
                return read(q);
            }
        });
    }

    @Override
    public Future<List<StoredEvent>> bySeq(Collection<Long> seqs) {
        List<Long> all = List.copyOf(seqs);
        if (all.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return db.withConnectionInParallel(c -> {
            List<StoredEvent> found = new ArrayList<>();
            for (int i = 0; i < all.size(); i += IN_CHUNK) {
                List<Long> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement q = c.prepareStatement("select " + COLUMNS + " from outbox_events where seq in ("
                        + marks + ") order by seq")) {
                    for (int k = 0; k < chunk.size(); k++) {
                        q.setLong(k + 1, chunk.get(k));
                    }
                    found.addAll(read(q));
                }
            }
            return found;
        });
    }

    @Override
    public Future<Long> cursor(String sink) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement q = c.prepareStatement("select seq from outbox_cursors where sink = ?")) {
                q.setString(1, sink);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            insertCursor(c, sink, 0);
            return 0L;
        });
    }

    @Override
    public Future<Void> moveCursor(String sink, long seq) {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement u = c.prepareStatement("update outbox_cursors set seq = ?, updated_at = ?"
                    + " where sink = ?")) {
                u.setLong(1, seq);
                u.setTimestamp(2, Timestamp.from(Instant.now()));
                u.setString(3, sink);
                if (u.executeUpdate() == 0) {
                    insertCursor(c, sink, seq);
                }
            }
            return null;
        });
    }

    @Override
    public Future<Long> lastSeq() {
        return db.withConnectionInParallel(c -> {
            try (PreparedStatement q = c.prepareStatement("select coalesce(max(seq), 0) from outbox_events");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void insertCursor(Connection c, String sink, long seq) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("insert into outbox_cursors (sink, seq, updated_at)"
                + " values (?, ?, ?)")) {
            i.setString(1, sink);
            i.setLong(2, seq);
            i.setTimestamp(3, Timestamp.from(Instant.now()));
            i.executeUpdate();
        }
    }

    private static List<StoredEvent> read(PreparedStatement q) throws SQLException {
        List<StoredEvent> rows = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                BusinessEventType type = BusinessEventType.fromWire(rs.getString(3)).orElse(null);
                if (type == null) {
                    // a type of a newer build: kept as a hole-free position, offered to nobody
                    rows.add(new StoredEvent(seq, null));
                    continue;
                }
                rows.add(new StoredEvent(seq, new BusinessEvent(rs.getString(2), type, rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6))));
            }
        }
        return rows;
    }
}
