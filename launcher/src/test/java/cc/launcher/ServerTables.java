package cc.launcher;

import cc.core.testkit.PostgresTestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What the server wrote (interaction records, the dialer's tables), read straight from a whole-server test's database. */
final class ServerTables {
    private final PostgresTestDatabase pg;

    ServerTables(PostgresTestDatabase pg) {
        this.pg = pg;
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(pg.config().url(), "postgres", "");
    }

    /** The first column of the first row, or null when there is none. */
    <T> T one(Class<T> type, String sql, Object... params) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = prepared(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1, type) : null;
        }
    }

    /** Runs an insert, update or delete; the rows it changed. */
    int update(String sql, Object... params) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = prepared(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** Every row, its columns joined by a space. */
    List<String> rows(String sql, Object... params) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = prepared(c, sql, params); ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    b.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    long attempts(String campaign) throws Exception {
        return one(Long.class, "select count(*) from dialer_attempts where campaign_id = ?", campaign);
    }

    /** The outcome of the campaign's attempt on the number, null when none was recorded. */
    String outcome(String campaign, String number) throws Exception {
        return one(String.class, "select outcome from dialer_attempts where campaign_id = ? and number = ?",
                campaign, number);
    }

    /** The audit trail of a number in a campaign, oldest first, as "EVENT detail". */
    List<String> audit(String campaign, String number) throws Exception {
        return rows("select event, detail from dialer_audit where campaign_id = ? and number = ? order by id",
                campaign, number);
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... params) throws Exception {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            ps.setObject(i + 1, p instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : p);
        }
        return ps;
    }

    /**
     * The segments of the interaction of the caller number, in order, as "kind agent @queue outcome" (agent and
     * queue left out when empty); empty when there is no such interaction yet.
     */
    List<String> segments(String callerNumber) throws Exception {
        return rows("select s.kind || case when s.agent_id = '' then '' else ' ' || s.agent_id end"
                + " || case when s.queue = '' then '' else ' @' || s.queue end || ' ' || s.outcome"
                + " from interaction_segments s join interactions i on i.id = s.interaction_id"
                + " where i.caller_number = ? order by s.seq", callerNumber);
    }

    /** A summary column of the caller number's interaction (null when there is none, or the column is null). */
    String summary(String callerNumber, String column) throws Exception {
        if (!column.matches("[a-z_]+")) {
            throw new IllegalArgumentException(column);
        }
        return one(String.class, "select cast(" + column + " as varchar) from interactions where caller_number = ?",
                callerNumber);
    }
}
