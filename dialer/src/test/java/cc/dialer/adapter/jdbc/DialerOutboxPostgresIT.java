package cc.dialer.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.OutboxRows;
import cc.dialer.app.AttemptState;
import cc.dialer.app.AuditEntry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dialer's events on a real PostgreSQL, and changes failing at their commit telling nothing. */
class DialerOutboxPostgresIT extends DialerOutboxContract {
    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.postgres(vertx, "core", JdbcDialAudit.MIGRATION_MODULE);
    }

    @Test
    @DisplayName("an outcome or a skip whose transaction fails at commit leaves neither the row nor the event")
    void failedChangesTellNothing() throws Exception {
        String campaign = newCampaign();
        OutboxRows.failAtCommit(db, "dialer_attempts", "new.agent_id = 'roll-me-back'");
        OutboxRows.failAtCommit(db, "dialer_audit", "new.detail like 'roll-me-back%'");
        AttemptState placed = placed(campaign, 5, "+989120000005");
        result(store.saveAttempt(placed));
        AttemptState done = connected(placed, Optional.empty());

        OutboxRows.assertFailedAtCommit(failure(store.saveAttempt(new AttemptState(campaign, 5, done.contactId(),
                done.number(), done.placedAt(), done.answeredAt(), done.connectedAt(), done.endedAt(),
                done.outcome(), Optional.of("roll-me-back"), done.interactionId(), 0, false))));
        OutboxRows.assertFailedAtCommit(failure(audit.record(new AuditEntry(campaign, "contact-9", Optional.empty(),
                "+989120000009", AuditEntry.Event.SKIPPED, "roll-me-back: test", Optional.empty(), T))));

        assertEquals(List.of(), OutboxRows.types(db, campaign + ":5"));
        assertEquals(List.of(), OutboxRows.types(db, campaign + ":contact:contact-9"));
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select outcome from dialer_attempts where campaign_id = ? and attempt_id = 5")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(null, rs.getString(1), "the attempt is as placed");
            }
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from dialer_audit where campaign_id = ?")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no audit line of the skip");
            }
        }
    }
}
