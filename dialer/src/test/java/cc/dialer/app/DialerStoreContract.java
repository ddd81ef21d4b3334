package cc.dialer.app;

import cc.core.adapter.jdbc.Database;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.ContactListIndex;
import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.ContactProgress;
import cc.dialer.domain.report.AttemptRecord;
import cc.dialer.domain.segment.SegmentListBuilder;
import cc.dialer.domain.segment.SegmentQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link DialerStore} promises, on a database with the {@code core} and {@code dialer} migrations. Tests
 * share the database and use ids of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DialerStoreContract {
    protected abstract DialerStore store();

    protected abstract Database database();

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CampaignDefinition definition(String id, String listId) {
        return new CampaignDefinition(id, "Autumn renewal", List.of(listId, "other"), "PREDICTIVE",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalTime.of(9, 0), LocalTime.of(20, 30),
                Set.of(DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 11, 20)),
                Map.of("BUSY", Duration.ofMinutes(10), "NO_ANSWER", Duration.ofHours(2)), 4, "USD",
                new BigDecimal("0.05"), new BigDecimal("0.02"), new BigDecimal("25"), "UK-Ofcom", 12, "sales",
                "AGENT", "always");
    }

    @Test
    @DisplayName("a campaign reads back as saved, a second save replaces it, and its status changes alone")
    void campaignRoundTrip() {
        String id = id("camp");
        Instant at = Instant.parse("2026-11-02T08:00:00Z");
        DialerStore.StoredCampaign stored = new DialerStore.StoredCampaign(definition(id, "l1"), "DRAFT", at, "mina");
        result(store().saveCampaign(stored));
        assertEquals(Optional.of(stored), result(store().campaign(id)));

        CampaignDefinition changed = new CampaignDefinition(id, "Renamed", List.of("l2"), "PROGRESSIVE",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), LocalTime.of(8, 0), LocalTime.of(9, 0),
                Set.of(), Set.of(), Map.of(), 1, "IRR", new BigDecimal("1500"), BigDecimal.ZERO,
                new BigDecimal("2000000"), "US-TSR", 1, "support", "HANGUP", "never");
        result(store().saveCampaign(new DialerStore.StoredCampaign(changed, "PAUSED", at, "mina")));
        result(store().setStatus(id, "RUNNING", at.plusSeconds(60), "reza"));
        DialerStore.StoredCampaign read = result(store().campaign(id)).orElseThrow();
        assertEquals(changed, read.definition());
        assertEquals("RUNNING", read.status());
        assertEquals(at.plusSeconds(60), read.changedAt());
        assertEquals("reza", read.changedBy());
        assertTrue(result(store().campaigns()).stream().anyMatch(c -> c.definition().id().equals(id)));
    }

    @Test
    @DisplayName("a campaign saved before campaigns had a recording policy reads back as inherit (the queue's policy)")
    void oldCampaignInheritsRecording() {
        String id = id("old");
        result(database().withConnection(c -> {
            // the insert a server before dialer V4 made: no recording column
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_campaigns (id, name, list_ids, mode, "
                    + "first_day, last_day, opens, closes, days_off, holidays, retry_delays, max_attempts, currency, "
                    + "cost_per_dial, cost_per_minute, revenue_per_conversion, regulator, max_lines, queue, "
                    + "machine_action, status, changed_at, changed_by) values (?, 'Old', 'l1', 'PROGRESSIVE', ?, ?, "
                    + "?, ?, '', '', '', 3, 'IRR', 1000, 0, 50000, 'US-TSR', 2, 'sales', 'HANGUP', 'PAUSED', ?, "
                    + "'mina')")) {
                ps.setString(1, id);
                ps.setObject(2, LocalDate.of(2026, 11, 1));
                ps.setObject(3, LocalDate.of(2026, 11, 30));
                ps.setObject(4, LocalTime.of(9, 0));
                ps.setObject(5, LocalTime.of(18, 0));
                ps.setObject(6, java.time.OffsetDateTime.of(2026, 11, 2, 8, 0, 0, 0, java.time.ZoneOffset.UTC));
                ps.executeUpdate();
                return null;
            }
        }));
        CampaignDefinition read = result(store().campaign(id)).orElseThrow().definition();
        assertEquals(CampaignDefinition.RECORDING_INHERIT, read.recording());
        assertEquals("sales", read.queue());
    }

    @Test
    @DisplayName("a list is saved with its contacts in one piece; the same id again is refused")
    void listRoundTrip() {
        String list = id("list");
        Contact a = new Contact("a", list, "+989120000001", "Sara", ZoneId.of("Asia/Tehran"), 9.5, Optional.of(7L));
        Contact b = new Contact("b", list, "+442071234567", "", ZoneId.of("Europe/London"), 0, Optional.empty());
        Instant at = Instant.parse("2026-11-02T08:00:00Z");
        result(store().saveList(new DialerStore.ListHeader(list, "Gold", "segment", 2, at, "mina"), List.of(a, b)));

        assertEquals(List.of(a, b), result(store().contacts(List.of(list))));
        ContactListIndex.Entry entry = result(store().lists()).stream().filter(l -> l.listId().equals(list))
                .findFirst().orElseThrow();
        assertEquals(new ContactListIndex.Entry(list, "Gold", "segment", 2, at, "mina"), entry);
        assertNotNull(failure(store().saveList(new DialerStore.ListHeader(list, "Again", "csv", 0, at, "mina"),
                List.of())));
        assertEquals(List.of(a, b), result(store().contacts(List.of(list))), "the refused save changed nothing");
    }

    @Test
    @DisplayName("retry states and attempts survive, counters resume, and a disposition marks the attempt converted")
    void progressAndAttempts() {
        String camp = id("camp");
        Instant t = Instant.parse("2026-11-02T08:00:00Z");
        ContactProgress p = new ContactProgress("a", 1, Optional.of(AttemptOutcome.BUSY),
                Optional.of(t.plusSeconds(600)), Optional.empty(), false);
        result(store().saveProgress(camp, p));
        ContactProgress done = new ContactProgress("a", 2, Optional.of(AttemptOutcome.CONNECTED), Optional.empty(),
                Optional.empty(), true);
        result(store().saveProgress(camp, done));
        assertEquals(Map.of("a", done), result(store().progress(camp)));

        AttemptState placed = new AttemptState(camp, 1, "a", "+989120000001", t, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, false);
        result(store().saveAttempt(placed));
        AttemptState connected = new AttemptState(camp, 1, "a", "+989120000001", t, Optional.of(t.plusSeconds(5)),
                Optional.of(t.plusSeconds(7)), Optional.of(t.plusSeconds(127)), Optional.of(AttemptOutcome.CONNECTED),
                Optional.of("agent-1"), Optional.of("int-" + camp), 120, false);
        result(store().saveAttempt(connected));
        result(store().saveAttempt(new AttemptState(camp, 2, "b", "+989120000002", t.plusSeconds(1),
                Optional.of(t.plusSeconds(4)), Optional.empty(), Optional.of(t.plusSeconds(9)),
                Optional.of(AttemptOutcome.MACHINE), Optional.empty(), Optional.empty(), 0, true)));
        result(store().saveAttempt(new AttemptState(camp, 3, "c", "+989120000003", t.plusSeconds(2),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, false)));

        assertEquals(1, result(store().markConverted("int-" + camp)));
        assertEquals(0, result(store().markConverted("int-nobody")));
        result(store().saveAttempt(connected));
        long[] counters = result(store().attemptCounters(camp));
        assertEquals(3, counters[0], "highest attempt id");
        assertEquals(1, counters[1], "machine verdicts");
        List<AttemptRecord> records = result(store().attempts(camp, t, t.plusSeconds(3600)));
        assertEquals(2, records.size(), "the attempt still ringing has no outcome yet");
        AttemptRecord r = records.get(0);
        assertEquals(AttemptOutcome.CONNECTED, r.outcome());
        assertEquals(Duration.ofSeconds(122), r.answeredTime());
        assertEquals(Duration.ofSeconds(120), r.talkTime());
        assertTrue(r.converted(), "a later save of the attempt keeps the conversion");
        assertTrue(records.get(1).amdFalsePositive());
        assertEquals(List.of(), result(store().attempts(camp, t.plusSeconds(3600), t.plusSeconds(7200))));
        long[] live = result(store().liveOutcomes(camp, t));
        assertEquals(List.of(1L, 0L, 1L), List.of(live[0], live[1], live[2]), "connected, abandoned, false positives");
        assertEquals(0, result(store().liveOutcomes(camp, t.plusSeconds(2)))[0]);
        assertEquals(3, result(store().dialledAndFinished(camp))[0]);
        assertEquals(1, result(store().dialledAndFinished(camp))[1]);
    }

    @Test
    @DisplayName("agent time adds up per campaign and day")
    void agentTime() {
        String camp = id("camp");
        LocalDate d = LocalDate.of(2026, 11, 2);
        result(store().addAgentTime(camp, d, 30));
        result(store().addAgentTime(camp, d, 15.5));
        result(store().addAgentTime(camp, d.plusDays(1), 10));
        var times = result(store().agentTime(camp, d, d));
        assertEquals(1, times.size());
        assertEquals(Duration.ofMillis(45_500), times.get(0).loggedIn());
    }

    @Test
    @DisplayName("a segment selects customers by every kind of condition, best score first, with all their numbers")
    void segment() throws Exception {
        String seg = id("seg");
        long gold = customer(seg, "Gold One", "fa", "Asia/Tehran", 9.0, 0.2, "09120000101", "02155550101");
        long silver = customer(seg, "Silver", "fa", null, 5.0, 0.9, "09120000102");
        long noPhone = customer(seg, "No Phone", "en", "Europe/London", 7.0, 0.9);
        long recent = customer(seg, "Recent", "fa", null, 8.0, 0.9, "09120000104");
        interaction(recent, Instant.parse("2026-11-01T10:00:00Z"));
        Instant now = Instant.parse("2026-11-02T10:00:00Z");

        List<SegmentListBuilder.CustomerRow> all = result(store().segment(SegmentQuery.of(List.of(
                cond("segment", "=", seg)), 0), now));
        assertEquals(List.of(gold, recent, noPhone, silver), all.stream().map(r -> r.customerId()).toList());
        assertEquals(List.of("09120000101", "02155550101"), all.get(0).phones());
        assertEquals(List.of(), all.get(2).phones());
        assertEquals(9.0, all.get(0).score());
        assertEquals(Optional.of("Asia/Tehran"), all.get(0).timeZone());

        assertEquals(List.of(silver, noPhone, recent), ids(seg, now, cond("score.churnRisk", ">=", "0.5")),
                "ordered by the score the condition names (all 0.9 here), then by customer");
        assertEquals(List.of(silver, recent), ids(seg, now, cond("language", "=", "fa"),
                cond("score.churnRisk", ">", "0.5")));
        assertEquals(List.of(noPhone), ids(seg, now, cond("language", "!=", "fa")));
        assertEquals(List.of(gold, noPhone), ids(seg, now, cond("score.value", "in", "9, 7")));
        assertEquals(List.of(gold, recent, silver), ids(seg, now, cond("timeZone", "=", "Asia/Tehran")),
                "customers without a zone are in the default zone");
        assertEquals(List.of(gold, noPhone, silver), ids(seg, now, cond("daysSinceLastContact", ">", "1")),
                "never contacted counts as long ago");
        assertEquals(List.of(recent), ids(seg, now, cond("daysSinceLastContact", "<=", "1")));
        assertEquals(List.of(), ids(seg, now, cond("language", "=", "' or '1'='1")), "values are bound, not pasted");
    }

    private static SegmentQuery.Condition cond(String f, String o, String v) {
        return new SegmentQuery.Condition(f, o, v);
    }

    private List<Long> ids(String seg, Instant now, SegmentQuery.Condition... more) {
        List<SegmentQuery.Condition> cs = new java.util.ArrayList<>(List.of(cond("segment", "=", seg)));
        cs.addAll(List.of(more));
        return result(store().segment(SegmentQuery.of(cs, 0), now)).stream()
                .map(SegmentListBuilder.CustomerRow::customerId).toList();
    }

    private long customer(String segment, String name, String language, String zone, double value, double churn,
                          String... phones) {
        return result(database().inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into customers (name, language, segment, "
                    + "time_zone) values (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, language);
                ps.setString(3, segment);
                ps.setString(4, zone);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            for (int i = 0; i < phones.length; i++) {
                try (PreparedStatement ps = c.prepareStatement("insert into customer_phones (customer_id, seq, "
                        + "number, match_digits) values (?, ?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, phones[i]);
                    ps.setString(4, phones[i].substring(phones[i].length() - 10));
                    ps.executeUpdate();
                }
            }
            for (Map.Entry<String, Double> s : Map.of("value", value, "churnRisk", churn).entrySet()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into customer_scores (customer_id, name, score) values (?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, s.getKey());
                    ps.setDouble(3, s.getValue());
                    ps.executeUpdate();
                }
            }
            return id;
        }));
    }

    private void interaction(long customer, Instant at) {
        result(database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into interactions (id, channel, direction, "
                    + "offered_at, customer_id) values (?, 'VOICE', 'INBOUND', ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setObject(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                ps.setLong(3, customer);
                ps.executeUpdate();
                return null;
            }
        }));
    }

    @Test
    @DisplayName("the do-not-call numbers are read back")
    void doNotCall() {
        String number = "+98912" + (1_000_000 + (long) (Math.random() * 8_999_999));
        result(database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_do_not_call (number) values (?)")) {
                ps.setString(1, number);
                return ps.executeUpdate();
            }
        }));
        assertTrue(result(store().doNotCall()).contains(number));
        assertFalse(result(store().doNotCall()).contains("+989999999999"));
    }

    @Test
    @DisplayName("a number added to the do-not-call list is read back at once; adding it again keeps the first")
    void addDoNotCall() {
        String number = "+98912" + (1_000_000 + (long) (Math.random() * 8_999_999));
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        assertTrue(result(store().addDoNotCall(number, "asked on the call", "agent1", at)));
        assertTrue(result(store().doNotCall()).contains(number));
        assertFalse(result(store().addDoNotCall(number, "again", "sup1", at.plusSeconds(60))));
        assertEquals("asked on the call agent1", result(database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select reason, added_by from dialer_do_not_call where number = ?")) {
                ps.setString(1, number);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1) + " " + rs.getString(2);
                }
            }
        })));
    }

    @Test
    @DisplayName("the latest audit row of each contact of a campaign is read back, other campaigns' rows aside")
    void lastAudits() {
        String campaign = id("audit");
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        cc.dialer.adapter.jdbc.JdbcDialAudit audit = new cc.dialer.adapter.jdbc.JdbcDialAudit(database());
        // written one after the other: the order of the rows is the order of the writes
        for (AuditEntry e : List.of(
                entry(campaign, "c1", AuditEntry.Event.SKIPPED, "outside-hours: night", at),
                entry(campaign, "c1", AuditEntry.Event.SKIPPED, "do-not-call: opted out", at.plusSeconds(60)),
                entry(campaign, "c2", AuditEntry.Event.SKIPPED, "outside-hours: night", at),
                entry(campaign, "c2", AuditEntry.Event.DIALLED, "PJSIP/0912 as MOBILE (attempt 1)", at.plusSeconds(9)),
                entry("other-" + campaign, "c3", AuditEntry.Event.SKIPPED, "do-not-call: x", at))) {
            result(audit.record(e));
        }
        List<DialerStore.LastAudit> latest = new java.util.ArrayList<>(result(store().lastAudits(campaign)));
        latest.sort(java.util.Comparator.comparing(DialerStore.LastAudit::contactId));
        assertEquals(List.of(new DialerStore.LastAudit("c1", "SKIPPED", "do-not-call: opted out", at.plusSeconds(60)),
                new DialerStore.LastAudit("c2", "DIALLED", "PJSIP/0912 as MOBILE (attempt 1)", at.plusSeconds(9))),
                latest);
        assertEquals(List.of(), result(store().lastAudits("no-such-" + campaign)));
    }

    @Test
    @DisplayName("an audit line written again (a write retried after its answer was lost) is stored once")
    void auditRetriedOnce() {
        String campaign = id("retried");
        Instant at = Instant.parse("2026-11-25T10:00:00.123456Z");
        cc.dialer.adapter.jdbc.JdbcDialAudit audit = new cc.dialer.adapter.jdbc.JdbcDialAudit(database());
        AuditEntry dialled = entry(campaign, "c1", AuditEntry.Event.DIALLED, "PJSIP/0912 as MOBILE (attempt 1)", at);
        result(audit.record(dialled));
        result(audit.record(dialled));
        result(audit.record(entry(campaign, "c1", AuditEntry.Event.DIALLED, "PJSIP/0912 as MOBILE (attempt 2)",
                at.plusSeconds(30))));
        long rows = result(database().<Long>withConnection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "select count(*) from dialer_audit where campaign_id = ?")) {
                ps.setString(1, campaign);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));
        assertEquals(2L, rows);
    }

    private static AuditEntry entry(String campaign, String contact, AuditEntry.Event event, String detail,
                                    Instant at) {
        return new AuditEntry(campaign, contact, Optional.empty(), "+989120000001", event, detail, Optional.empty(),
                at);
    }
}
