package cc.core.adapter.jdbc;

import cc.core.domain.integration.BusinessEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Writes business events into the outbox on the connection of the change they describe, inside its transaction: the
 * event commits or rolls back with the change. Every store that makes a change other systems hear of calls this from
 * its own {@link Database#inTransaction} work; nothing else writes the outbox.
 */
public final class JdbcOutbox {

    private static final String INSERT = "insert into outbox_events (event_id, event_type, entity_id, occurred_at,"
            + " payload) values (?, ?, ?, ?, ?)";

    private JdbcOutbox() {
    }

    /** Appends the events in order (blocking; worker threads only, on the change's own connection). */
    public static void append(Connection c, List<BusinessEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (BusinessEvent e : events) {
                ps.setString(1, e.id());
                ps.setString(2, e.type().wire());
                ps.setString(3, e.entityId());
                ps.setTimestamp(4, Timestamp.from(e.occurredAt()));
                ps.setString(5, e.payloadJson());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static void append(Connection c, BusinessEvent event) throws SQLException {
        append(c, List.of(event));
    }
}
