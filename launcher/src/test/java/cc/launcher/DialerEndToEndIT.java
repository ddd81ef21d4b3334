package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallConnected;
import cc.core.contract.BuildSegmentList;
import cc.core.contract.CallOffered;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignReport;
import cc.core.contract.CampaignReportQuery;
import cc.core.contract.CampaignView;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ContactListIndex;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.DisposeInteraction;
import cc.core.contract.ImportContactList;
import cc.core.contract.InteractionUpdated;
import cc.core.contract.ListContactLists;
import cc.core.contract.SaveCampaign;
import cc.core.domain.interaction.Interaction;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.eventbus.ReplyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialer inside the whole server, driven only through its event-bus contract (what the console's campaign pages
 * send): a call list is built from a customer segment in PostgreSQL, a campaign over it is saved and started, and
 * the calls go through the Asterisk simulator over AMI into the shipped dialer dialplan, AMD, and the ACD's agents.
 * The customers, scores and the do-not-call registry are fixtures written to the database, as the CRM and a registry
 * import would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DialerEndToEndIT {
    private static final String SECRET = "dialer-e2e-secret";
    private static final String HUMAN_1 = "09120000301";
    private static final String HUMAN_2 = "09120000302";
    private static final String MACHINE = "09120000303";
    private static final String DNC = "09120000304";
    private static final String PREMIUM = "09090000305";
    private static final String BUSY_1 = "09120000401";
    private static final String BUSY_2 = "09120000402";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static PostgresTestDatabase pg;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static String config;
    private static final List<CallOffered> offers = new CopyOnWriteArrayList<>();
    private static final List<CallConnected> connected = new CopyOnWriteArrayList<>();
    private static final List<Interaction> interactions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        PhoneBehaviour agent = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200), Distribution.fixed(2_000));
        PhoneBehaviour customer = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300), Distribution.fixed(6_000));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(Phones.builder()
                        .number("3001", agent)
                        .number("3002", agent)
                        .number(HUMAN_1, customer)
                        .number(HUMAN_2, customer)
                        .number(MACHINE, customer.withAmd("MACHINE"))
                        .number(DNC, customer)
                        .number(PREMIUM, customer)
                        .number(BUSY_1, PhoneBehaviour.busy())
                        .number(BUSY_2, PhoneBehaviour.busy())
                        .build())
                .build());
        config = Rig.serverYaml(simulator, agiPort, "acd-flows", "acd", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues:",
                // the campaign "renew" records always: its own policy must win over the queue's
                "    - {id: outbound, wrapUp: 500ms, recording: never}",
                "  agents:",
                "    - {id: dialer-agent-1, phone: PJSIP/3001, queues: [outbound]}",
                "    - {id: dialer-agent-2, phone: PJSIP/3002, queues: [outbound]}",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  conversionCodes: [sale, renewed]",
                "  amdFalsePositiveRate: 1",
                "  demo: false",
                "");
        server = startServer();
        var bus = server.vertx().eventBus();
        bus.<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
        bus.<CallConnected>consumer(AcdAddresses.CALL_CONNECTED, m -> connected.add(m.body()));
        bus.<InteractionUpdated>consumer(Addresses.INTERACTION_UPDATED, m -> interactions.add(m.body().interaction()));
        fixtures();
    }

    private static Server startServer() {
        return Server.start(ServerConfig.read(ConfigNode.parse("dialer-e2e.yaml", config,
                Map.of("AMI_SECRET", SECRET)::get))).await();
    }

    /** The CRM's customers with scores, and the do-not-call registry (the dialer only reads them). */
    private static void fixtures() throws Exception {
        try (Connection c = tables.connect()) {
            customer(c, "Human One", 9, HUMAN_1);
            customer(c, "Human Two", 8, HUMAN_2);
            customer(c, "Machine", 7, MACHINE);
            customer(c, "Opted Out", 6, DNC);
            customer(c, "Premium Line", 5, PREMIUM);
            customer(c, "No Phone", 4, null);
            customer(c, "Low Score", 0.5, "09120000309");
            try (PreparedStatement ps = c.prepareStatement("insert into dialer_do_not_call (number, reason) "
                    + "values (?, 'asked not to be called')")) {
                ps.setString(1, "+98" + DNC.substring(1));
                ps.executeUpdate();
            }
        }
    }

    private static void customer(Connection c, String name, double score, String phone) throws Exception {
        long id;
        try (PreparedStatement ps = c.prepareStatement("insert into customers (name, language, segment) "
                + "values (?, 'fa', 'renewals')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        if (phone != null) {
            try (PreparedStatement ps = c.prepareStatement("insert into customer_phones (customer_id, seq, number, "
                    + "match_digits) values (?, 0, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, phone);
                ps.setString(3, phone.substring(phone.length() - 10));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into customer_scores (customer_id, name, score) "
                + "values (?, 'value', ?)")) {
            ps.setLong(1, id);
            ps.setDouble(2, score);
            ps.executeUpdate();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    private static CampaignDefinition campaign(String id, String listId, String machineAction,
                                               Map<String, Duration> retries, int maxAttempts) {
        return new CampaignDefinition(id, "Renewals " + id, List.of(listId), "PROGRESSIVE", TODAY.minusDays(1),
                TODAY.plusDays(1), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), Set.of(), Set.of(), retries,
                maxAttempts, "USD", new BigDecimal("0.05"), new BigDecimal("0.02"), new BigDecimal("25"), "US-TSR", 5,
                "outbound", machineAction);
    }

    private static CampaignView view(String id) throws Exception {
        cc.core.contract.CampaignList list = Rig.ask(server, DialerAddresses.CAMPAIGN_LIST,
                new cc.core.contract.ListCampaigns());
        return list.campaigns().stream().filter(v -> v.definition().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    @DisplayName("a segment becomes a call list best score first; the customer without a phone is reported")
    void listFromSegment() throws Exception {
        List<BuildSegmentList.Condition> renewals = List.of(new BuildSegmentList.Condition("segment", "=", "renewals"),
                new BuildSegmentList.Condition("score.value", ">=", "1"));
        ContactListBuilt preview = Rig.ask(server, DialerAddresses.LIST_FROM_SEGMENT,
                new BuildSegmentList("renewals", "Renewals", renewals, 0, true, "mina"));
        assertFalse(preview.saved());
        assertEquals(6, preview.rows(), "the low score customer is outside the segment");
        assertEquals(5, preview.accepted());
        assertEquals(List.of(new ContactListBuilt.Problem(0, "no phone number", "No Phone (customer 6)")),
                preview.problems());
        assertEquals("Human One <+989120000301>", preview.sample().get(0));

        ContactListBuilt built = Rig.ask(server, DialerAddresses.LIST_FROM_SEGMENT,
                new BuildSegmentList("renewals", "Renewals", renewals, 0, false, "mina"));
        assertTrue(built.saved());
        assertEquals(5, built.accepted());
        ContactListIndex index = Rig.ask(server, DialerAddresses.LIST_INDEX, new ListContactLists());
        assertEquals(List.of("renewals"), index.lists().stream().map(ContactListIndex.Entry::listId).toList());
        assertEquals(409, Rig.refused(server, DialerAddresses.LIST_FROM_SEGMENT,
                new BuildSegmentList("renewals", "Again", renewals, 0, false, "mina")).failureCode());
        ReplyException bad = Rig.refused(server, DialerAddresses.LIST_FROM_SEGMENT, new BuildSegmentList("x", "X",
                List.of(new BuildSegmentList.Condition("score.value", "like", "1")), 0, true, "mina"));
        assertEquals(400, bad.failureCode());
        assertEquals("conditions[0].operator: 'like' is not one of =, !=, <, <=, >, >=, in", bad.getMessage());
    }

    @Test
    @Order(2)
    @DisplayName("the campaign dials the list: live answers reach the ACD's agents recorded as the campaign says, "
            + "the machine hears the message, the do-not-call number is never dialled, the premium number is refused and audited")
    void campaignRuns() throws Exception {
        ReplyException badHours = Rig.refused(server, DialerAddresses.CAMPAIGN_SAVE,
                new SaveCampaign(new CampaignDefinition(
                "bad", "Bad", List.of("renewals"), "PROGRESSIVE", TODAY, TODAY, LocalTime.NOON, LocalTime.MIDNIGHT,
                Set.of(), Set.of(), Map.of(), 1, "USD", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, "US-TSR", 1,
                "outbound", "HANGUP"), "mina"));
        assertEquals(400, badHours.failureCode());
        assertTrue(badHours.getMessage().startsWith("closes: must be after opens"), badHours.getMessage());

        CampaignView saved = Rig.ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(campaign("renew",
                "renewals", "MESSAGE", Map.of(), 1).withRecording("always"), "mina"));
        assertEquals("always", saved.definition().recording());
        assertEquals("DRAFT", saved.status());
        assertEquals(5, saved.contacts());
        CampaignView started = Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("renew", "START",
                "mina"));
        assertEquals("RUNNING", started.status());
        assertEquals(409, Rig.refused(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(campaign("renew",
                "renewals", "HANGUP", Map.of(), 1), "mina")).failureCode(), "a running campaign cannot be changed");

        Rig.awaitTrue("the campaign finishes its list", Duration.ofSeconds(25),
                () -> view("renew").status().equals("FINISHED"));
        List<CallOffered> campaignOffers = offers.stream().filter(o -> "renew".equals(o.data().get("campaign")))
                .toList();
        assertEquals(Set.of("dialer-agent-1", "dialer-agent-2"),
                Set.copyOf(campaignOffers.stream().map(CallOffered::agentId).toList()),
                "both live customers were offered to the queue's agents: " + campaignOffers);
        assertEquals(2, campaignOffers.size());
        Set<String> campaignCalls = Set.copyOf(campaignOffers.stream().map(CallOffered::callerUniqueId).toList());
        Rig.awaitTrue("the ACD connects both live customers to their agents", Duration.ofSeconds(10),
                () -> connected.stream().filter(c -> campaignCalls.contains(c.callId())).count() == 2);
        assertEquals(List.of("always", "always"), connected.stream().filter(c -> campaignCalls.contains(c.callId()))
                .map(CallConnected::recordingPolicy).toList(), "the campaign's policy, not the queue's never");
        Map<String, String> outcomes = attemptOutcomes("renew");
        assertEquals(Map.of("+989120000301", "CONNECTED", "+989120000302", "CONNECTED", "+989120000303", "MACHINE"),
                outcomes, "the do-not-call and the premium numbers have no attempt");
        List<String> premium = tables.audit("renew", "+989090000305");
        assertEquals(1, premium.size());
        assertTrue(premium.get(0).startsWith("REFUSED PREMIUM_REFUSED"), premium.toString());
        assertEquals(List.of("SKIPPED do-not-call: +989120000304 is on the do-not-call list; never dialled while it stays"
                + " there"), tables.audit("renew", "+989120000304"), "the do-not-call number was never dialled, audited once");
        assertTrue(tables.audit("renew", "+989120000303").get(1).startsWith("MACHINE AMD MACHINE: message"),
                tables.audit("renew", "+989120000303").toString());
    }

    @Test
    @Order(3)
    @DisplayName("a disposition with a conversion code counts in the day report: dials, contacts, rates, ROI")
    void dayReport() throws Exception {
        Rig.awaitTrue("the campaign's calls have interactions with their agent", Duration.ofSeconds(10),
                () -> interactions.stream().anyMatch(i -> i.campaignId().orElse("").equals("renew")
                        && i.agentId().isPresent() && i.isEnded()));
        Interaction call = interactions.stream().filter(i -> i.campaignId().orElse("").equals("renew")
                && i.agentId().isPresent()).findFirst().orElseThrow();
        Rig.ask(server, Addresses.INTERACTION_DISPOSE, new DisposeInteraction(call.id(), call.agentId().get(), "sale",
                "renewed"));

        Rig.awaitTrue("the conversion is in the report", Duration.ofSeconds(10),
                () -> report("renew").conversions() == 1);
        CampaignReport.Day d = report("renew");
        assertEquals(3, d.dials());
        assertEquals(2, d.contacts());
        assertEquals(2, d.connected());
        assertEquals(0, d.abandoned());
        assertEquals(1, d.amdFalsePositives(), "the configured rate of 1 counts the machine verdict");
        assertEquals(0.0, d.abandonRateUsDay());
        assertEquals(0.0, d.abandonRateUs30Days());
        assertEquals(1.0 / 3, d.abandonRateUkDay(), 1e-9, "Ofcom counts the false positive as abandoned and live");
        assertTrue(d.talkMinutes() > 0, "talk: " + d.talkMinutes());
        assertTrue(d.agentHours() > 0, "agent time: " + d.agentHours());
        assertEquals("USD", d.currency());
        // three dials and three answered calls of under a minute each
        BigDecimal cost = new BigDecimal("0.21");
        assertEquals(0, cost.compareTo(d.cost()), "cost " + d.cost());
        assertEquals(0, new BigDecimal("25").compareTo(d.revenue()));
        assertEquals(0, new BigDecimal("25").subtract(cost).divide(cost, MathContext.DECIMAL64)
                .compareTo(d.roi().orElseThrow()), "roi " + d.roi());
        assertEquals(404, Rig.refused(server, DialerAddresses.CAMPAIGN_REPORT,
                new CampaignReportQuery("nobody", TODAY, TODAY)).failureCode());
    }

    @Test
    @Order(4)
    @DisplayName("PAUSE stops new dials (the call in progress finishes); a CSV list counts its duplicates")
    void pauseStopsDialling() throws Exception {
        ContactListBuilt csv = Rig.ask(server, DialerAddresses.LIST_IMPORT, new ImportContactList("busy", "Busy lines",
                "phone,name\n" + BUSY_1 + ",Busy One\n" + BUSY_2 + ",Busy Two\n+98 912 000 0401,Again\nnope,Bad\n",
                "mina"));
        assertEquals(4, csv.rows());
        assertEquals(2, csv.accepted());
        assertEquals(1, csv.duplicates());
        assertEquals(1, csv.problems().size());
        assertEquals(5, csv.problems().get(0).line());

        Rig.ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(campaign("redial", "busy", "HANGUP",
                Map.of("BUSY", Duration.ofMillis(500)), 100), "mina"));
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("redial", "START", "mina"));
        Rig.awaitTrue("busy numbers are redialled", Duration.ofSeconds(15), () -> tables.attempts("redial") >= 4);
        CampaignView paused = Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("redial", "PAUSE",
                "mina"));
        assertEquals("PAUSED", paused.status());
        Rig.awaitTrue("calls in progress end", Duration.ofSeconds(10), () -> view("redial").inFlight() == 0);
        long afterPause = tables.attempts("redial");
        Thread.sleep(2_500);
        assertEquals(afterPause, tables.attempts("redial"), "no dial after the pause");
        assertEquals(409, Rig.refused(server, DialerAddresses.CAMPAIGN_CONTROL,
                new ControlCampaign("redial", "PAUSE", "mina")).failureCode());
        CampaignView stopped = Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("redial", "STOP",
                "mina"));
        assertEquals("STOPPED", stopped.status());
    }

    @Test
    @Order(5)
    @DisplayName("a running campaign resumes after a server restart, counting its attempts on")
    void resumesAfterRestart() throws Exception {
        Rig.ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(campaign("resume", "busy", "HANGUP",
                Map.of("BUSY", Duration.ofMillis(500)), 100), "mina"));
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("resume", "START", "mina"));
        Rig.awaitTrue("the campaign dials", Duration.ofSeconds(10), () -> tables.attempts("resume") >= 2);
        server.close();
        long beforeRestart = tables.attempts("resume");
        server = startServer();

        assertEquals("RUNNING", view("resume").status());
        Rig.awaitTrue("the campaign dials again after the restart", Duration.ofSeconds(15),
                () -> tables.attempts("resume") >= beforeRestart + 2);
        assertEquals(tables.attempts("resume"), maxAttemptId("resume"),
                "attempt ids go on from the last one, none reused");
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("resume", "PAUSE", "mina"));
    }

    private static long maxAttemptId(String campaign) throws Exception {
        return tables.one(Long.class, "select max(attempt_id) from dialer_attempts where campaign_id = ?", campaign);
    }

    private static CampaignReport.Day report(String campaign) throws Exception {
        CampaignReport r = Rig.ask(server, DialerAddresses.CAMPAIGN_REPORT, new CampaignReportQuery(campaign, TODAY,
                TODAY));
        return r.days().isEmpty() ? new CampaignReport.Day(TODAY, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, "USD",
                BigDecimal.ZERO, BigDecimal.ZERO, java.util.Optional.empty()) : r.days().get(0);
    }

    private static Map<String, String> attemptOutcomes(String campaign) throws Exception {
        Map<String, String> out = new java.util.HashMap<>();
        for (String row : tables.rows("select number, outcome from dialer_attempts where campaign_id = ?", campaign)) {
            out.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
        }
        return out;
    }
}
