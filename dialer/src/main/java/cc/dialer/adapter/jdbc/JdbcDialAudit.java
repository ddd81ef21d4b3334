package cc.dialer.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcOutbox;
import cc.dialer.app.AuditEntry;
import cc.dialer.app.DialAudit;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Objects;

/**
 * {@link DialAudit} in table {@code dialer_audit} ({@code db/migration/dialer/V1__dial_audit.sql}); append-only. A
 * line that records a decision not to dial ({@code SKIPPED}, {@code REFUSED}) or a click-to-talk outcome writes its
 * {@code campaign.attempt} event to the outbox in the same transaction ({@link AttemptEvents#audited}). A line
 * already there (same campaign, contact, event, time and detail) is not written again, so a write retried after an
 * outage leaves one row.
 */
public final class JdbcDialAudit implements DialAudit {
    /** The migration module of the dialer's tables; apply it after {@code core}. */
    public static final String MIGRATION_MODULE = "dialer";

    private static final int DETAIL_MAX = 400;
    private final Database db;

    public JdbcDialAudit(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Future<Void> record(AuditEntry e) {
        String detail = e.detail().length() > DETAIL_MAX ? e.detail().substring(0, DETAIL_MAX) : e.detail();
        return db.inTransaction(c -> {
            // a write retried after the database went away may have committed before its answer was lost
            try (PreparedStatement q = c.prepareStatement("select 1 from dialer_audit where campaign_id = ? and "
                    + "contact_id = ? and event = ? and at = ? and detail = ?")) {
                q.setString(1, e.campaignId());
                q.setString(2, e.contactId());
                q.setString(3, e.event().name());
                q.setTimestamp(4, Timestamp.from(e.at()));
                q.setString(5, detail);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_audit (campaign_id, contact_id, "
                    + "attempt_id, number, event, detail, channel, at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.campaignId());
                ps.setString(2, e.contactId());
                if (e.attemptId().isPresent()) {
                    ps.setLong(3, e.attemptId().get());
                } else {
                    ps.setNull(3, Types.BIGINT);
                }
                ps.setString(4, e.number());
                ps.setString(5, e.event().name());
                ps.setString(6, detail);
                ps.setString(7, e.channel().orElse(null));
                ps.setTimestamp(8, Timestamp.from(e.at()));
                ps.executeUpdate();
            }
            // a decision not to dial, or a click-to-talk outcome, is told with its audit line or not at all
            JdbcOutbox.append(c, AttemptEvents.audited(e).stream().toList());
            return null;
        });
    }
}
