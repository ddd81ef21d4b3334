package cc.warehouse;

import cc.acd.adapter.jdbc.JdbcAgentStateHistory;
import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CampaignDefinition;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.scoring.CustomerScore;
import cc.core.testkit.MigratedDatabase;
import cc.dialer.adapter.jdbc.JdbcDialerStore;
import cc.dialer.app.AttemptState;
import cc.dialer.app.DialerStore;
import cc.dialer.domain.campaign.AttemptOutcome;
import cc.warehouse.adapter.file.CsvDayWriter;
import cc.warehouse.adapter.file.DayDirectory;
import cc.warehouse.adapter.jdbc.JdbcWarehouse;
import cc.warehouse.domain.WarehouseView;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warehouse views read back what the server's own stores wrote (PostgreSQL in {@link WarehouseViewsPostgresIT},
 * the embedded H2 in {@link WarehouseViewsH2Test}): a Tehran call offered at 00:30 local time (still the day before
 * in UTC), its IVR path, queue wait and talk, an agent's spells, a campaign and one of its dials, a customer's score.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WarehouseViewsContract {
    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** 2026-12-02 00:30 in Tehran. */
    static final Instant OFFERED = Instant.parse("2026-12-01T21:00:00Z");

    private Vertx vertx;
    private MigratedDatabase db;
    private long customerId;

    abstract MigratedDatabase open(Vertx vertx, Path dir);

    @BeforeAll
    void fill(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        vertx = Vertx.vertx();
        db = open(vertx, dir);
        result(new JdbcWarehouse(db.database(), new DayDirectory(dir), new CsvDayWriter()).useZone(TEHRAN));
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "insert into customers (name, segment) values ('Sara', 'gold')", Statement.RETURN_GENERATED_KEYS)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                customerId = keys.getLong(1);
            }
        }
        Instant queued = OFFERED.plusSeconds(5);
        Instant talks = OFFERED.plusSeconds(35);
        Interaction call = Interaction.newCall("w-1", Direction.INBOUND, "pbx", "1700000000.1", "09121234567", "",
                        "100", OFFERED).answered(OFFERED.plusSeconds(2))
                .withIvrStep(new IvrStep("main", "", OFFERED.plusSeconds(2)))
                .withIvrInput("main", "2")
                .withIvrStep(new IvrStep("account", "", OFFERED.plusSeconds(3)))
                .withIvrInput("account", "6037991234")
                .withSegment(new Segment(SegmentKind.IVR, OFFERED.plusSeconds(2), Optional.of(queued), "", "", "main",
                        Segment.ENQUEUED, ""))
                .withSegment(new Segment(SegmentKind.QUEUE, queued, Optional.of(talks), "", "support", "",
                        Segment.ANSWERED, ""))
                .withSegment(new Segment(SegmentKind.TALK, talks, Optional.of(talks.plusSeconds(90)), "a1", "support",
                        "", Segment.CALLER_HUNG_UP, ""))
                .withQueue("support").withAgent("a1").withCustomer(customerId).withCampaign("c-1")
                .withDisposition("sale", "renewal, \"gold\" plan").withSatisfaction(4)
                .ended(talks.plusSeconds(90), "normal");
        result(new JdbcInteractionStore(db.database()).save(call));

        JdbcAgentStateHistory history = new JdbcAgentStateHistory(db.database());
        result(history.record(new AgentStateChanged("a1", "available", "", OFFERED.minusSeconds(3600), "")));
        result(history.record(new AgentStateChanged("a1", "paused", "break", OFFERED.minusSeconds(600), "")));

        JdbcDialerStore dialer = new JdbcDialerStore(db.database(), TEHRAN);
        result(dialer.saveCampaign(new DialerStore.StoredCampaign(new CampaignDefinition("c-1", "Renewals",
                List.of("l-1"), "PROGRESSIVE", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31),
                LocalTime.of(8, 0), LocalTime.of(20, 0), Set.of(), Set.of(), Map.of(), 3, "IRR",
                new BigDecimal("0.050000"), new BigDecimal("0.02"), new BigDecimal("25"), "US-TSR", 5, "support",
                "HANGUP"), "RUNNING", OFFERED.minusSeconds(86_400), "boss")));
        result(dialer.saveAttempt(new AttemptState("c-1", 7, "k-9", "+989121234567", OFFERED.plusSeconds(600),
                Optional.of(OFFERED.plusSeconds(612)), Optional.of(OFFERED.plusSeconds(613)),
                Optional.of(OFFERED.plusSeconds(673)), Optional.of(AttemptOutcome.CONNECTED), Optional.of("a1"),
                Optional.of("w-2"), 60.0, false)));

        result(new JdbcCustomerScoreStore(db.database()).save(List.of(new CustomerScore(customerId,
                CustomerScore.CHURN_RISK, 0.75, OFFERED, List.of("orderDrop", "lowSatisfaction")))));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        vertx.close();
    }

    private List<Map<String, Object>> rows(String sql) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String name = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
                    Object v = rs.getObject(i);
                    if (v instanceof OffsetDateTime || v instanceof java.sql.Timestamp) {
                        v = rs.getObject(i, OffsetDateTime.class).toInstant();
                    } else if (v instanceof java.sql.Date) {
                        v = rs.getObject(i, LocalDate.class);
                    }
                    row.put(name, v);
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    @DisplayName("a call shows in dw_interactions with UTC times, the Tehran date and hour, durations in seconds")
    void interactions() throws Exception {
        List<Map<String, Object>> rows = rows("select * from dw_interactions");
        assertEquals(1, rows.size());
        Map<String, Object> r = rows.get(0);
        assertEquals("w-1", r.get("interaction_id"));
        assertEquals("inbound", r.get("direction"));
        assertEquals(OFFERED, r.get("offered_at"));
        assertEquals(LocalDate.of(2026, 12, 2), r.get("offered_local_date"));
        assertEquals(0, ((Number) r.get("offered_local_hour")).intValue());
        assertEquals(35.0, ((Number) r.get("seconds_to_agent")).doubleValue(), 1e-9);
        assertEquals(125.0, ((Number) r.get("duration_seconds")).doubleValue(), 1e-9);
        assertEquals("support", r.get("queue"));
        assertEquals("a1", r.get("handled_by"));
        assertEquals("sale", r.get("disposition"));
        assertEquals("renewal, \"gold\" plan", r.get("notes"));
        assertEquals(4, ((Number) r.get("satisfaction")).intValue());
        assertEquals(customerId, ((Number) r.get("customer_id")).longValue());
        assertEquals("c-1", r.get("campaign_id"));
        assertEquals(true, r.get("segments_kept"));
    }

    @Test
    @DisplayName("segments and IVR steps carry their interaction's day; long IVR entries (card numbers) are left out")
    void segmentsAndIvr() throws Exception {
        List<Map<String, Object>> segments = rows("select * from dw_interaction_segments order by seq");
        assertEquals(List.of("ivr", "queue", "talk"), segments.stream().map(r -> r.get("kind")).toList());
        assertEquals(30.0, ((Number) segments.get(1).get("duration_seconds")).doubleValue(), 1e-9);
        assertEquals("a1", segments.get(2).get("agent_id"));
        assertEquals(Segment.CALLER_HUNG_UP, segments.get(2).get("outcome"));
        assertEquals(LocalDate.of(2026, 12, 2), segments.get(2).get("interaction_local_date"));
        assertEquals(OFFERED, segments.get(2).get("interaction_offered_at"));

        List<Map<String, Object>> steps = rows("select * from dw_ivr_steps order by seq");
        Map<String, Object> menu = steps.stream().filter(r -> "main".equals(r.get("node"))).findFirst().orElseThrow();
        Map<String, Object> account = steps.stream().filter(r -> "account".equals(r.get("node"))).findFirst()
                .orElseThrow();
        assertEquals("2", menu.get("menu_keys"));
        assertNull(account.get("menu_keys"));
        assertEquals(10, ((Number) account.get("keys_pressed")).intValue());
        assertFalse(rows("select * from dw_ivr_steps").toString().contains("6037991234"));
    }

    @Test
    @DisplayName("agent spells show their state, reason, length and Tehran date; the current one has no end or length")
    void agentStates() throws Exception {
        List<Map<String, Object>> rows = rows("select * from dw_agent_states order by started_at");
        assertEquals(2, rows.size());
        assertEquals("available", rows.get(0).get("state"));
        assertEquals(3000.0, ((Number) rows.get(0).get("duration_seconds")).doubleValue(), 1e-9);
        assertEquals("break", rows.get(1).get("pause_reason"));
        assertNull(rows.get(1).get("ended_at"));
        assertNull(rows.get(1).get("duration_seconds"));
        // 23:30 and 00:20 in Tehran: either side of local midnight, both on 1 December in UTC
        assertEquals(LocalDate.of(2026, 12, 1), rows.get(0).get("started_local_date"));
        assertEquals(LocalDate.of(2026, 12, 2), rows.get(1).get("started_local_date"));
    }

    @Test
    @DisplayName("a campaign and its dial: money as decimals, window as text, ring seconds, the Tehran date")
    void campaigns() throws Exception {
        Map<String, Object> c = rows("select * from dw_campaigns").get(0);
        assertEquals("Renewals", c.get("name"));
        assertEquals("RUNNING", c.get("status"));
        assertEquals("08:00:00", c.get("opens"));
        assertEquals(0, new BigDecimal("0.05").compareTo((BigDecimal) c.get("cost_per_dial")));
        assertEquals("boss", c.get("changed_by"));
        Map<String, Object> a = rows("select * from dw_campaign_attempts").get(0);
        assertEquals(7L, ((Number) a.get("attempt_id")).longValue());
        assertEquals(12.0, ((Number) a.get("ring_seconds")).doubleValue(), 1e-9);
        assertEquals(60.0, ((Number) a.get("talk_seconds")).doubleValue(), 1e-9);
        assertEquals("CONNECTED", a.get("outcome"));
        assertEquals(LocalDate.of(2026, 12, 2), a.get("placed_local_date"));
    }

    @Test
    @DisplayName("a customer's score with its time, reasons and the customer's segment")
    void scores() throws Exception {
        Map<String, Object> s = rows("select * from dw_customer_scores").get(0);
        assertEquals(customerId, ((Number) s.get("customer_id")).longValue());
        assertEquals("churnRisk", s.get("score_name"));
        assertEquals(0.75, ((Number) s.get("score")).doubleValue(), 1e-9);
        assertEquals(OFFERED, s.get("computed_at"));
        assertEquals("orderDrop,lowSatisfaction", s.get("reasons"));
        assertEquals("gold", s.get("customer_segment"));
        assertTrue(rows("select * from dw_quality_evaluations").isEmpty());
    }

    @Test
    @DisplayName("every column of every view is documented in the database, and none holds a password or secret")
    void documented() throws Exception {
        try (Connection c = db.connection()) {
            DatabaseMetaData md = c.getMetaData();
            for (WarehouseView v : WarehouseView.ALL) {
                int columns = 0;
                try (ResultSet rs = md.getColumns(null, null, v.name(), null)) {
                    while (rs.next()) {
                        columns++;
                        String name = rs.getString("COLUMN_NAME");
                        String remarks = rs.getString("REMARKS");
                        assertTrue(remarks != null && !remarks.isBlank(), v.name() + "." + name + " has no comment");
                        assertFalse(name.matches(".*(password|secret|hash|token).*"), v.name() + "." + name);
                    }
                }
                assertTrue(columns > 3, v.name() + " has " + columns + " columns");
            }
        }
    }
}
