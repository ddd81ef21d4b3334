package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.contract.AddDoNotCall;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignList;
import cc.core.contract.CampaignView;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.ImportContactList;
import cc.core.contract.ListCampaigns;
import cc.core.contract.SaveCampaign;
import cc.core.domain.call.CallEvent;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialer's decisions not to dial, in the whole server against the simulator and PostgreSQL: a campaign whose list
 * holds a number on the do-not-call list and customers whose time zones put them at night runs tick after tick (a
 * busy customer in the day is redialled meanwhile); each skipped contact has exactly one {@code SKIPPED} row with its
 * reason, a new one when the reason changes, none again after a server restart, and no call ever reaches the
 * simulator for them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DialerSkipAuditIT {
    private static final String SECRET = "dialer-skip-secret";
    private static final String CAMPAIGN = "skips";
    private static final String BUSY = "09120000601";
    private static final String DNC = "09120000602";
    private static final String NIGHT = "09120000603";
    private static final String NIGHT_2 = "09120000604";
    /** Written straight into the list with a zone this server does not know (around the import's checks). */
    private static final String NOWHERE = "09120000606";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** Calling hours 06:00-18:00 in each customer's zone. */
    private static final LocalTime OPENS = LocalTime.of(6, 0);
    private static final LocalTime CLOSES = LocalTime.of(18, 0);
    /** A zone where it is about noon now, and one where it is about midnight, whatever time the test runs. */
    private static final ZoneOffset NOON = noonZone(Instant.now());
    private static final ZoneOffset MIDNIGHT = ZoneOffset.ofHours(NOON.getTotalSeconds() / 3600 + 12 > 14
            ? NOON.getTotalSeconds() / 3600 - 12 : NOON.getTotalSeconds() / 3600 + 12);

    private static PostgresTestDatabase pg;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static String config;
    /** Every call event the servers heard from the simulator over AMI, before and after the restart. */
    private static final List<CallEvent> events = new CopyOnWriteArrayList<>();

    private static ZoneOffset noonZone(Instant now) {
        int hour = now.atOffset(ZoneOffset.UTC).getHour();
        return ZoneOffset.ofHours(12 - hour);
    }

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        PhoneBehaviour answers = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300), Distribution.fixed(2_000));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(Phones.builder()
                        .number("3601", answers)
                        .number(BUSY, PhoneBehaviour.busy())
                        // they answer: a dial would open a channel the test would see
                        .number(DNC, answers)
                        .number(NIGHT, answers)
                        .number(NIGHT_2, answers)
                        .build())
                .build());
        config = Rig.serverYaml(simulator, agiPort, "acd-flows", "acd", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues:",
                "    - {id: outbound, wrapUp: 500ms}",
                "  agents:",
                "    - {id: skip-agent, phone: PJSIP/3601, queues: [outbound]}",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  demo: false",
                "");
        server = startServer();
        // through the contract, not into the table: the runners read the table only every 2 s, a DNC_ADD at once
        Rig.ask(server, DialerAddresses.DNC_ADD, new AddDoNotCall(DNC, "national registry", "mina"));
    }

    private static Server startServer() {
        Server s = Server.start(ServerConfig.read(ConfigNode.parse("dialer-skip-it.yaml", config,
                Map.of("AMI_SECRET", SECRET)::get))).await();
        s.telephony().onCallEvent(events::add);
        return s;
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    private static String e164(String national) {
        return "+98" + national.substring(1);
    }

    private static List<String> audit(String national) throws Exception {
        return tables.audit(CAMPAIGN, e164(national));
    }

    private static long dials(String national) throws Exception {
        return audit(national).stream().filter(a -> a.startsWith("DIALLED ")).count();
    }

    /** Whether the simulator ever opened a channel to the number (what a dial would do). */
    private static boolean anyChannelTo(String national) {
        return events.stream().anyMatch(e -> e.leg().channelName().startsWith("PJSIP/" + national + "-"));
    }

    private static CampaignView view() throws Exception {
        CampaignList list = Rig.ask(server, DialerAddresses.CAMPAIGN_LIST, new ListCampaigns());
        return list.campaigns().stream().filter(v -> v.definition().id().equals(CAMPAIGN)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    @DisplayName("a customer whose time zone is unknown never reaches a campaign: the list import reports the row")
    void unknownTimeZoneRefusedAtImport() throws Exception {
        ContactListBuilt built = Rig.ask(server, DialerAddresses.LIST_IMPORT, new ImportContactList(CAMPAIGN,
                "Skips", "phone,name,timezone\n"
                        + BUSY + ",Busy By Day," + NOON.getId() + "\n"
                        + DNC + ",Opted Out," + NOON.getId() + "\n"
                        + NIGHT + ",Night Owl," + MIDNIGHT.getId() + "\n"
                        + NIGHT_2 + ",Night Two," + MIDNIGHT.getId() + "\n"
                        + "09120000605,Nowhere,Mars/Olympus_Mons\n", "mina"));
        assertEquals(4, built.accepted(), built.problems().toString());
        assertEquals(List.of(new ContactListBuilt.Problem(6, "unknown time zone 'Mars/Olympus_Mons'",
                "09120000605,Nowhere,Mars/Olympus_Mons")), built.problems());
        // one that got in anyway (written around the import, or a zone a newer time-zone database knows)
        assertEquals(1, tables.update("insert into dialer_list_contacts (list_id, contact_id, phone, name, time_zone,"
                + " score) values (?, ?, ?, ?, ?, ?)", built.listId(), "nowhere", e164(NOWHERE), "Nowhere",
                "Mars/Olympus_Mons", 0.1));
    }

    @Test
    @Order(2)
    @DisplayName("over many ticks the do-not-call number and the customer at night each get exactly one SKIPPED row "
            + "with their reason, and neither is ever dialled; the busy customer's used-up attempts get one too")
    void oneRowPerSkippedContact() throws Exception {
        Rig.ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(new CampaignDefinition(CAMPAIGN, "Skips",
                List.of(CAMPAIGN), "PROGRESSIVE", TODAY.minusDays(1), TODAY.plusDays(1), OPENS, CLOSES, Set.of(),
                Set.of(), Map.of("BUSY", Duration.ofSeconds(1)), 3, "USD", new BigDecimal("0.05"),
                new BigDecimal("0.02"), new BigDecimal("25"), "US-TSR", 2, "outbound", "HANGUP"), "mina"));
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign(CAMPAIGN, "START", "mina"));

        // three dials a second or more apart, then the tick that finds the attempts used up: ticks enough
        Rig.awaitTrue("the busy customer's three attempts are used up", Duration.ofSeconds(20),
                () -> audit(BUSY).stream().anyMatch(a -> a.startsWith("SKIPPED max-attempts: ")));
        assertEquals(3, dials(BUSY), audit(BUSY).toString());
        assertEquals("SKIPPED max-attempts: 3 of 3 attempts used, the last BUSY", audit(BUSY).get(6));

        List<String> dnc = audit(DNC);
        assertEquals(1, dnc.size(), dnc.toString());
        assertEquals("SKIPPED do-not-call: " + e164(DNC) + " is on the do-not-call list; never dialled while it stays"
                + " there", dnc.get(0));
        List<String> night = audit(NIGHT);
        assertEquals(1, night.size(), night.toString());
        assertTrue(night.get(0).startsWith("SKIPPED outside-hours: ") && night.get(0).contains(" in "
                + MIDNIGHT.getId() + ", calling hours 06:00-18:00"), night.get(0));
        assertEquals(1, audit(NIGHT_2).size(), audit(NIGHT_2).toString());
        assertEquals(List.of("SKIPPED unknown-time-zone: time zone 'Mars/Olympus_Mons' is unknown, so its calling hours"
                + " cannot be kept; not dialled until the contact's zone is corrected"), audit(NOWHERE),
                "the contact with an unknown zone does not stop the campaign, is never dialled, and is audited once");

        assertTrue(!anyChannelTo(DNC) && !anyChannelTo(NIGHT) && !anyChannelTo(NIGHT_2) && !anyChannelTo(NOWHERE),
                "a channel was opened to a skipped number");
        assertTrue(anyChannelTo(BUSY), "the server heard the busy customer's channels: the check above can see one");
        assertEquals(3L, simulator.stats().actionsByName().getOrDefault("originate", 0L),
                "the only Originates the simulator received are the busy customer's three");
        assertEquals("RUNNING", view().status(), "the customers at night keep the campaign running");
    }

    @Test
    @Order(3)
    @DisplayName("when the reason changes (the customer at night opts out) a second row gives the new reason")
    void newReasonNewRow() throws Exception {
        Rig.ask(server, DialerAddresses.DNC_ADD, new AddDoNotCall(NIGHT, "asked by letter", "sara"));
        Rig.awaitTrue("the new reason is audited", Duration.ofSeconds(10), () -> audit(NIGHT).size() == 2);
        assertTrue(audit(NIGHT).get(0).startsWith("SKIPPED outside-hours: "), audit(NIGHT).toString());
        assertTrue(audit(NIGHT).get(1).startsWith("SKIPPED do-not-call: "), audit(NIGHT).toString());
    }

    @Test
    @Order(4)
    @DisplayName("after a server restart the resumed campaign writes no skip again; a new reason still gets its row")
    void restartWritesNoSkipTwice() throws Exception {
        List<String> before = tables.rows("select contact_id, event, detail from dialer_audit where campaign_id = ?"
                + " order by id", CAMPAIGN);
        server.close();
        server = startServer();
        assertEquals("RUNNING", view().status());
        Rig.ask(server, DialerAddresses.DNC_ADD, new AddDoNotCall(NIGHT_2, "asked on another call", "sara"));
        Rig.awaitTrue("the resumed campaign audits the new reason", Duration.ofSeconds(15),
                () -> audit(NIGHT_2).size() == 2);
        // the rows a resumed runner without its memory would write again come on its first tick, no later than the
        // new one; closing the server waits for the audit writes in progress
        server.close();
        server = null;
        List<String> after = tables.rows("select contact_id, event, detail from dialer_audit where campaign_id = ?"
                + " order by id", CAMPAIGN);
        assertEquals(before.size() + 1, after.size(), after.toString());
        assertEquals(before, after.subList(0, before.size()));
        assertTrue(after.get(after.size() - 1).contains("SKIPPED do-not-call: " + e164(NIGHT_2)), after.toString());
        assertTrue(!anyChannelTo(DNC) && !anyChannelTo(NIGHT) && !anyChannelTo(NIGHT_2),
                "a channel was opened to a skipped number");
    }
}
