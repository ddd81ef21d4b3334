package cc.dialer.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.OutboxRows;
import cc.dialer.app.AttemptState;
import cc.dialer.app.AuditEntry;
import cc.dialer.domain.campaign.AttemptOutcome;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dialer's {@code campaign.attempt} events (dials made and dials not made) in the outbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DialerOutboxContract {
    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    protected Vertx vertx;
    protected MigratedDatabase db;
    protected JdbcDialerStore store;
    protected JdbcDialAudit audit;

    protected abstract MigratedDatabase open(Vertx vertx);

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = open(vertx);
        store = new JdbcDialerStore(db.database(), ZoneId.of("Asia/Tehran"));
        audit = new JdbcDialAudit(db.database());
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    static String newCampaign() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static AttemptState placed(String campaign, long id, String number) {
        return new AttemptState(campaign, id, "contact-" + id, number, T, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, false);
    }

    static AttemptState connected(AttemptState a, Optional<String> interaction) {
        return new AttemptState(a.campaignId(), a.attemptId(), a.contactId(), a.number(), a.placedAt(),
                Optional.of(T.plusSeconds(8)), Optional.of(T.plusSeconds(9)), Optional.empty(),
                Optional.of(AttemptOutcome.CONNECTED), Optional.of("agent-4"), interaction, 0, false);
    }

    static AttemptState machine(AttemptState a, Optional<String> interaction) {
        return new AttemptState(a.campaignId(), a.attemptId(), a.contactId(), a.number(), a.placedAt(),
                Optional.of(T.plusSeconds(8)), Optional.empty(), Optional.of(T.plusSeconds(20)),
                Optional.of(AttemptOutcome.MACHINE), Optional.empty(), interaction, 0, false);
    }

    @Test
    @DisplayName("an attempt tells its outcome once it is decided, once, however often it is saved")
    void outcomeOnce() throws Exception {
        String campaign = newCampaign();
        AttemptState a = placed(campaign, 1, "+989120000001");
        result(store.saveAttempt(a));
        AttemptState done = connected(a, Optional.empty());
        result(store.saveAttempt(done));
        result(store.saveAttempt(done));
        // the interaction id found later adds nothing to tell
        result(store.saveAttempt(connected(a, Optional.of("int-1"))));

        List<OutboxRows.Row> rows = OutboxRows.of(db, campaign + ":1");
        assertEquals(List.of("campaign.attempt"), rows.stream().map(OutboxRows.Row::type).toList());
        JsonObject body = rows.get(0).payload();
        assertEquals(campaign, body.getString("campaignId"));
        assertEquals(1L, body.getLong("attemptId"));
        assertEquals("contact-1", body.getString("contactId"));
        assertEquals("CONNECTED", body.getString("outcome"));
        assertTrue(body.getBoolean("dialled"));
        assertEquals("agent-4", body.getString("agentId"));
        assertEquals(T.toString(), body.getString("placedAt"));
        assertEquals(T.plusSeconds(9), rows.get(0).occurredAt().toInstant());
    }

    @Test
    @DisplayName("a machine verdict tells the attempt and, once the attempt names its call, the call answered by a"
            + " machine")
    void machineAnswer() throws Exception {
        String campaign = newCampaign();
        AttemptState a = placed(campaign, 2, "+989120000002");
        result(store.saveAttempt(machine(a, Optional.empty())));
        result(store.saveAttempt(machine(a, Optional.of("int-m-" + campaign))));
        result(store.saveAttempt(machine(a, Optional.of("int-m-" + campaign))));

        assertEquals(List.of("campaign.attempt"), OutboxRows.types(db, campaign + ":2"));
        assertEquals("MACHINE", OutboxRows.of(db, campaign + ":2").get(0).payload().getString("outcome"));
        List<OutboxRows.Row> call = OutboxRows.of(db, "int-m-" + campaign);
        assertEquals(List.of("interaction.answered"), call.stream().map(OutboxRows.Row::type).toList());
        assertEquals("machine", call.get(0).payload().getString("answeredBy"));
        assertEquals(T.plusSeconds(8), call.get(0).occurredAt().toInstant());
    }

    @Test
    @DisplayName("a dial the dialer decided not to make tells campaign.attempt with the reason; dials made tell"
            + " nothing through the audit")
    void skippedDial() throws Exception {
        String campaign = newCampaign();
        result(audit.record(new AuditEntry(campaign, "contact-7", Optional.empty(), "+989120000007",
                AuditEntry.Event.SKIPPED, "do-not-call: listed by ali", Optional.empty(), T)));
        result(audit.record(new AuditEntry(campaign, "contact-8", Optional.of(3L), "+989120000008",
                AuditEntry.Event.DIALLED, "PJSIP/+989120000008", Optional.empty(), T)));

        List<OutboxRows.Row> rows = OutboxRows.of(db, campaign + ":contact:contact-7");
        assertEquals(List.of("campaign.attempt"), rows.stream().map(OutboxRows.Row::type).toList());
        JsonObject body = rows.get(0).payload();
        assertFalse(body.getBoolean("dialled"));
        assertEquals("SKIPPED", body.getString("outcome"));
        assertEquals("do-not-call", body.getString("reason"));
        assertNull(body.getValue("attemptId"));
        assertEquals(List.of(), OutboxRows.types(db, campaign + ":contact:contact-8"));
        assertEquals(List.of(), OutboxRows.types(db, campaign + ":3"));
    }

    @Test
    @DisplayName("a click-to-talk call, which has no stored attempt, tells its outcome through its audit line")
    void clickToTalkOutcome() throws Exception {
        String campaign = newCampaign();
        result(audit.record(new AuditEntry(campaign, "request-1", Optional.empty(), "+989120000010",
                AuditEntry.Event.DIALLED, "PJSIP/+989120000010", Optional.empty(), T)));
        result(audit.record(new AuditEntry(campaign, "request-1", Optional.empty(), "+989120000010",
                AuditEntry.Event.UNCONFIRMED, "answered, pressed nothing", Optional.empty(), T.plusSeconds(30))));
        // a campaign attempt's outcome line is told by the attempt's save, not by the audit
        result(audit.record(new AuditEntry(campaign, "contact-11", Optional.of(4L), "+989120000011",
                AuditEntry.Event.BUSY, "busy", Optional.empty(), T)));

        List<OutboxRows.Row> rows = OutboxRows.of(db, campaign + ":contact:request-1");
        assertEquals(List.of("campaign.attempt"), rows.stream().map(OutboxRows.Row::type).toList());
        assertEquals("UNCONFIRMED", rows.get(0).payload().getString("outcome"));
        assertTrue(rows.get(0).payload().getBoolean("dialled"));
        assertNull(rows.get(0).payload().getValue("reason"));
        assertEquals(List.of(), OutboxRows.types(db, campaign + ":contact:contact-11"));
        assertEquals(List.of(), OutboxRows.types(db, campaign + ":4"));
    }
}
