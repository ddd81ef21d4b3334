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

/** What the dialer wrote, read straight from its tables in a whole-server test's database. */
final class DialerTables {
    private final PostgresTestDatabase pg;

    DialerTables(PostgresTestDatabase pg) {
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
}
