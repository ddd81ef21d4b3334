package cc.core.testkit;

import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a producer wrote to the outbox, read back through a connection of the test's own, as the relay reads it: the
 * rows of one entity in the order of {@code seq}.
 */
public final class OutboxRows {

    /** One outbox row. */
    public record Row(long seq, String eventId, String type, String entityId, OffsetDateTime occurredAt,
                      JsonObject payload) {
    }

    private static final String FAIL_MESSAGE = "test: this change fails at its commit";

    private OutboxRows() {
    }

    /** The rows of {@code entityId}, oldest first. */
    public static List<Row> of(MigratedDatabase db, String entityId) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select seq, event_id,"
                + " event_type, entity_id, occurred_at, payload from outbox_events where entity_id = ? order by seq")) {
            ps.setString(1, entityId);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), new JsonObject(rs.getString(6))));
                }
            }
            return out;
        }
    }

    /** The event types of {@code entityId}'s rows, oldest first. */
    public static List<String> types(MigratedDatabase db, String entityId) throws SQLException {
        return of(db, entityId).stream().map(Row::type).toList();
    }

    /** Fails unless {@code failure} (or a cause of it) is the refusal {@link #failAtCommit} sets up. */
    public static void assertFailedAtCommit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(FAIL_MESSAGE)) {
                return;
            }
        }
        throw new AssertionError("expected the change to fail at its commit, but it failed with " + failure, failure);
    }

    /**
     * PostgreSQL only: makes every transaction that writes a row of {@code table} matching {@code condition} (SQL on
     * {@code new}, written by the test) fail at its commit, after all its statements ran (a deferred constraint
     * trigger): the way to prove that a change failing late takes its outbox events with it.
     */
    public static void failAtCommit(MigratedDatabase db, String table, String condition) throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("create or replace function cc_test_fail_at_commit() returns trigger language plpgsql as"
                    + " $$ begin raise exception '" + FAIL_MESSAGE + "'; end $$");
            st.execute("create constraint trigger cc_test_fail_" + table + " after insert or update on " + table
                    + " deferrable initially deferred for each row when (" + condition + ")"
                    + " execute function cc_test_fail_at_commit()");
        }
    }
}
