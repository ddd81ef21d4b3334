package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.browser.Chromium;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.contract.AddDoNotCall;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignReport;
import cc.core.contract.CampaignReportQuery;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialPreviewRecord;
import cc.core.contract.DialerAddresses;
import cc.core.contract.DoNotCallAdded;
import cc.core.contract.ImportContactList;
import cc.core.contract.PreviewDialled;
import cc.core.contract.PreviewRecord;
import cc.core.contract.SaveCampaign;
import cc.core.contract.ScheduleCampaignCallback;
import cc.core.contract.SkipPreviewRecord;
import cc.core.contract.TakePreviewRecord;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.ChannelSnapshot;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

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
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Preview dialling, do-not-call additions and campaign callbacks inside the whole server, through the dialer's
 * event-bus contract (what the agent console sends), with the calls going over AMI to the Asterisk simulator: agents
 * take preview records (never the same one), dial them (their own phone rings first, then the customer's, bridged),
 * skip them; a number put on the do-not-call list mid-campaign is never dialled again, in preview and in a predictive
 * campaign; a callback comes at its time, not before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreviewDialerIT {
    private static final String SECRET = "preview-it-secret";
    private static final String AGENT_1 = "preview-agent-1";
    private static final String AGENT_2 = "preview-agent-2";
    private static final String P1 = "09120000501";
    private static final String P2 = "09120000502";
    private static final String P3 = "09120000503";
    private static final String BUSY_1 = "09120000511";
    private static final String BUSY_2 = "09120000512";
    private static final String CALL_ME = "09120000521";
    private static final String X1 = "09120000531";
    private static final String X2 = "09120000532";
    private static final String PASSWORD = "preview-it-password";
    private static final String CARD = "09120000541";
    private static final String CLICKED = "09120000551";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static PostgresTestDatabase pg;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static final List<AgentStateChanged> agentStates = new CopyOnWriteArrayList<>();
    private static PreviewRecord held1;
    private static PreviewRecord skipped;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        PhoneBehaviour agent = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300), Distribution.fixed(20_000));
        PhoneBehaviour customer = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(600), Distribution.fixed(2_500));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(Phones.builder()
                        .number("3101", agent).number("3102", agent).number("3103", agent)
                        .number(P1, customer).number(P2, customer).number(P3, customer)
                        .number(BUSY_1, PhoneBehaviour.busy()).number(BUSY_2, PhoneBehaviour.busy())
                        .number(CALL_ME, customer).number(CARD, customer).number(CLICKED, customer)
                        .build())
                .build());
        String config = Rig.serverYaml(simulator, agiPort, "acd-flows", "acd", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues:",
                "    - {id: preview, wrapUp: 500ms}",
                "    - {id: sales, wrapUp: 500ms}",
                "  agents:",
                "    - {id: " + AGENT_1 + ", phone: PJSIP/3101, queues: [preview]}",
                "    - {id: " + AGENT_2 + ", phone: PJSIP/3102, queues: [preview]}",
                "    - {id: sales-agent, phone: PJSIP/3103, queues: [sales]}",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  previewHold: 2m",
                "  demo: false",
                "  numbers: {allow: [mobile]}",
                "");
        server = Server.start(ServerConfig.read(ConfigNode.parse("preview-it.yaml", config,
                Map.of("AMI_SECRET", SECRET)::get))).await();
        server.vertx().eventBus().<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED,
                m -> agentStates.add(m.body()));
        importList("pv", P1 + ",Parisa One\n" + P2 + ",Parviz Two\n" + P3 + ",Pooya Three\n");
        importList("busy", BUSY_1 + ",Busy One\n" + BUSY_2 + ",Busy Two\n");
        importList("callme", CALL_ME + ",Call Me Later\n");
        importList("pv2", X1 + ",Xerxes One\n" + X2 + ",Xenia Two\n");
        importList("card", CARD + ",Katayoun Card\n");
        user("ali", AGENT_1, Role.AGENT, "PJSIP/3101");
        user("bita", AGENT_2, Role.AGENT, "PJSIP/3102");
        user("sara", "", Role.SUPERVISOR, "");
    }

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    private static void user(String username, String agentId, Role role, String phone) {
        server.console().users().save(new UserAccount(new Principal(username, username, role, agentId, "en", phone),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
    }

    private static ConsoleClient signedIn(String username) {
        ConsoleClient c = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, c.signIn(username, PASSWORD).statusCode());
        return c;
    }

    private static void importList(String id, String rows) throws Exception {
        ContactListBuilt built = Rig.ask(server, DialerAddresses.LIST_IMPORT, new ImportContactList(id, id,
                "phone,name\n" + rows, "mina"));
        assertEquals(built.rows(), built.accepted(), built.problems().toString());
    }

    private static CampaignDefinition campaign(String id, String mode, String listId, String queue,
                                               Map<String, Duration> retries, int maxAttempts) {
        return new CampaignDefinition(id, "Campaign " + id, List.of(listId), mode, TODAY.minusDays(1),
                TODAY.plusDays(1), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), Set.of(), Set.of(), retries,
                maxAttempts, "USD", new BigDecimal("0.05"), new BigDecimal("0.02"), new BigDecimal("25"), "US-TSR", 5,
                queue, "HANGUP");
    }

    private static void start(CampaignDefinition d) throws Exception {
        Rig.ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(d, "mina"));
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign(d.id(), "START", "mina"));
    }

    private static String lastState(String agentId) {
        String state = "";
        for (AgentStateChanged c : agentStates) {
            if (c.agentId().equals(agentId)) {
                state = c.state() + (c.reason().isEmpty() ? "" : ":" + c.reason());
            }
        }
        return state;
    }

    @Test
    @Order(1)
    @DisplayName("a preview campaign dials nothing by itself; two agents never hold the same record; a record is "
            + "only dialled or skipped by its holder; the holder is paused in the ACD meanwhile")
    void reservations() throws Exception {
        start(campaign("pv", "PREVIEW", "pv", "preview", Map.of("NO_ANSWER", Duration.ofHours(1)), 3));
        Thread.sleep(1_500);
        assertEquals(0, tables.attempts("pv"), "the pacer never dials a preview campaign");

        held1 = Rig.ask(server, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord(AGENT_1));
        PreviewRecord held2 = Rig.ask(server, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord(AGENT_2));
        assertNotEquals(held1.contactId(), held2.contactId(), "a second agent cannot take the same record");
        assertEquals(held1, Rig.ask(server, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord(AGENT_1)),
                "asking again gives the record the agent holds");
        assertEquals(0, held1.attempts());
        assertEquals("", held1.lastOutcome());
        assertTrue(held1.reservedUntil().isAfter(Instant.now().plusSeconds(100)), held1.toString());

        ReplyException notYours = Rig.refused(server, DialerAddresses.PREVIEW_DIAL,
                new DialPreviewRecord("pv", held1.contactId(), AGENT_2));
        assertEquals(409, notYours.failureCode());
        assertEquals("contactId: contact " + held1.contactId() + " is reserved to another agent",
                notYours.getMessage());
        assertEquals(409, Rig.refused(server, DialerAddresses.PREVIEW_SKIP,
                new SkipPreviewRecord("pv", held1.contactId(), AGENT_2, "")).failureCode());
        assertEquals(404, Rig.refused(server, DialerAddresses.PREVIEW_DIAL,
                new DialPreviewRecord("nope", held1.contactId(), AGENT_1)).failureCode());
        assertEquals(404, Rig.refused(server, DialerAddresses.PREVIEW_NEXT,
                new TakePreviewRecord("sales-agent")).failureCode(),
                "no preview campaign on that agent's queues");
        Rig.awaitTrue("the agents holding records are paused for preview", Duration.ofSeconds(5),
                () -> lastState(AGENT_1).equals("paused:preview") && lastState(AGENT_2).equals("paused:preview"));

        Rig.ask(server, DialerAddresses.PREVIEW_SKIP, new SkipPreviewRecord("pv", held2.contactId(), AGENT_2,
                "customer abroad"));
        skipped = held2;
        Rig.awaitTrue("the agent who skipped is available again", Duration.ofSeconds(5),
                () -> lastState(AGENT_2).equals("available"));
    }

    @Test
    @Order(2)
    @DisplayName("a number put on the do-not-call list is never offered or dialled; the skipped record is not dialled")
    void doNotCallInPreview() throws Exception {
        DoNotCallAdded added = Rig.ask(server, DialerAddresses.DNC_ADD, new AddDoNotCall(P3, "asked on another call",
                "sara"));
        assertEquals("+989120000503", added.number(), "normalised like the lists");
        assertEquals(400, Rig.refused(server, DialerAddresses.DNC_ADD, new AddDoNotCall("call me", "",
                "sara")).failureCode());
        assertEquals(404, Rig.refused(server, DialerAddresses.PREVIEW_NEXT,
                new TakePreviewRecord(AGENT_2)).failureCode(),
                "agent 1 holds one record, the other was skipped, the third is on the do-not-call list");
        Rig.awaitTrue("the do-not-call record is audited as never offered", Duration.ofSeconds(5),
                () -> !tables.audit("pv", "+989120000503").isEmpty());
        assertEquals(List.of("SKIPPED do-not-call: +989120000503 is on the do-not-call list; never dialled while it"
                + " stays there"), tables.audit("pv", "+989120000503"), "audited once, never dialled");
        List<String> skip = tables.audit("pv", skipped.phone());
        assertEquals(1, skip.size(), skip.toString());
        assertTrue(skip.get(0).startsWith("SKIPPED skipped by agent " + AGENT_2 + ": customer abroad"), skip.get(0));
    }

    @Test
    @Order(3)
    @DisplayName("the agent dials the record: the agent's phone rings, then the customer's, bridged; the attempt is "
            + "in the day report and the agent is available again after the call")
    void dial() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        List<String> bridged = new CopyOnWriteArrayList<>();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ChannelSnapshot ch : simulator.channels()) {
                    String who = ch.name().startsWith("PJSIP/3101") ? "agent"
                            : ch.name().startsWith("PJSIP/" + P1) ? "customer" : "";
                    if (!who.isEmpty() && !order.contains(who)) {
                        order.add(who);
                    }
                    if (!who.isEmpty() && !ch.bridgeId().isEmpty() && !bridged.contains(who)) {
                        bridged.add(who);
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        try {
            assertEquals("+98" + P1.substring(1), held1.phone(), "the best record first (ids in list order)");
            PreviewDialled dialled = Rig.ask(server, DialerAddresses.PREVIEW_DIAL,
                    new DialPreviewRecord("pv", held1.contactId(), AGENT_1));
            assertEquals(1, dialled.attemptId());
            Rig.awaitTrue("the call is connected", Duration.ofSeconds(10),
                    () -> "CONNECTED".equals(tables.outcome("pv", held1.phone())));
            Rig.awaitTrue("both phones are bridged", Duration.ofSeconds(5), () -> bridged.size() == 2);
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        assertEquals(List.of("agent", "customer"), order, "the agent's phone rings first");
        List<String> trail = tables.audit("pv", held1.phone());
        assertTrue(trail.get(0).startsWith("DIALLED PJSIP/" + P1 + " as MOBILE (attempt 1, preview by agent "
                + AGENT_1 + ")"), trail.toString());
        assertTrue(trail.get(1).startsWith("CONNECTED answered; bridged to agent " + AGENT_1), trail.toString());
        Rig.awaitTrue("the agent is available again after the call", Duration.ofSeconds(10),
                () -> lastState(AGENT_1).equals("available"));
        CampaignReport report = Rig.ask(server, DialerAddresses.CAMPAIGN_REPORT, new CampaignReportQuery("pv", TODAY,
                TODAY));
        assertEquals(1, report.days().get(0).dials());
        assertEquals(1, report.days().get(0).connected());
        assertEquals(0, report.days().get(0).abandoned());
        assertEquals(409, Rig.refused(server, DialerAddresses.PREVIEW_DIAL,
                new DialPreviewRecord("pv", held1.contactId(), AGENT_1)).failureCode(), "not held any more");
    }

    @Test
    @Order(4)
    @DisplayName("a callback booked on a running preview campaign's record is offered at its time, not before")
    void callbackInPreview() throws Exception {
        Instant at = Instant.now().plusSeconds(3);
        Rig.ask(server, DialerAddresses.CAMPAIGN_CALLBACK, new ScheduleCampaignCallback("pv", skipped.contactId(), at,
                AGENT_2));
        assertEquals(404, Rig.refused(server, DialerAddresses.PREVIEW_NEXT,
                new TakePreviewRecord(AGENT_2)).failureCode(),
                "not before its time");
        Rig.awaitTrue("the callback is offered once due", Duration.ofSeconds(8), () -> {
            try {
                PreviewRecord r = Rig.ask(server, DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord(AGENT_2));
                assertTrue(!Instant.now().isBefore(at), "offered before its time");
                return r.contactId().equals(skipped.contactId());
            } catch (ExecutionException e) {
                return false;
            }
        });
        assertEquals(404, Rig.refused(server, DialerAddresses.CAMPAIGN_CALLBACK,
                new ScheduleCampaignCallback("pv", "no-such-contact", at, AGENT_2)).failureCode());
    }

    @Test
    @Order(5)
    @DisplayName("a number added to the do-not-call list mid-campaign is never dialled again by a predictive campaign")
    void doNotCallInPredictive() throws Exception {
        start(campaign("pd", "PREDICTIVE", "busy", "sales", Map.of("BUSY", Duration.ofMillis(500)), 100));
        Rig.awaitTrue("both busy numbers are dialled", Duration.ofSeconds(15),
                () -> dials("pd", "+98" + BUSY_1.substring(1), Instant.EPOCH) >= 1
                        && dials("pd", "+98" + BUSY_2.substring(1), Instant.EPOCH) >= 1);
        Rig.ask(server, DialerAddresses.DNC_ADD, new AddDoNotCall(BUSY_1, "asked not to be called", "sara"));
        Instant added = Instant.now();
        long otherBefore = dials("pd", "+98" + BUSY_2.substring(1), Instant.EPOCH);
        Rig.awaitTrue("the campaign goes on dialling the other number", Duration.ofSeconds(10),
                () -> dials("pd", "+98" + BUSY_2.substring(1), Instant.EPOCH) >= otherBefore + 2);
        assertEquals(0, dials("pd", "+98" + BUSY_1.substring(1), added), "never dialled after it was added");
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("pd", "STOP", "mina"));
    }

    @Test
    @Order(6)
    @DisplayName("a callback booked before a progressive campaign starts is dialled at its time, not before")
    void callbackDialled() throws Exception {
        Rig.ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(campaign("cb", "PROGRESSIVE", "callme", "sales",
                Map.of(), 1), "mina"));
        String contactId = contactId("callme", "+98" + CALL_ME.substring(1));
        Instant at = Instant.now().plusSeconds(4);
        ScheduleCampaignCallback booked = Rig.ask(server, DialerAddresses.CAMPAIGN_CALLBACK,
                new ScheduleCampaignCallback("cb", contactId, at, "sara"));
        assertEquals(at, booked.at());
        Rig.ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign("cb", "START", "mina"));
        Rig.awaitTrue("the callback is dialled", Duration.ofSeconds(12), () -> tables.attempts("cb") == 1);
        Instant placed = firstPlaced("cb");
        assertTrue(!placed.isBefore(at), "dialled at " + placed + ", booked for " + at);
        assertTrue(tables.audit("cb", "+98" + CALL_ME.substring(1)).get(0).startsWith("CALLBACK callback at " + at
                + " booked by sara"));
    }

    @Test
    @Order(7)
    @DisplayName("the console's API: agents take, dial and skip only their own preview records (403 otherwise), "
            + "add only their record's number to the do-not-call list, supervisors any; CSRF is required")
    void consoleApi() throws Exception {
        start(campaign("pv2", "PREVIEW", "pv2", "preview", Map.of(), 3));
        ConsoleClient ali = signedIn("ali");
        ConsoleClient bita = signedIn("bita");
        ConsoleClient sara = signedIn("sara");
        var taken = ali.change("POST", "/api/preview/next", new JsonObject());
        assertEquals(200, taken.statusCode(), taken.body());
        JsonObject rec = new JsonObject(taken.body());
        assertEquals("pv2", rec.getString("campaignId"));
        assertEquals("+98" + X1.substring(1), rec.getString("phone"));
        assertEquals("Xerxes One", rec.getString("name"));
        String base = "/api/preview/pv2/" + rec.getString("contactId");

        assertEquals(403, ali.changeWithoutToken("POST", "/api/preview/next", new JsonObject()).statusCode());
        assertEquals(422, ali.change("POST", "/api/dial", new JsonObject().put("number", "021 8877 6655")).statusCode(),
                "click-to-dial follows the server's configured numbers: landlines are not allowed here");
        assertEquals(403, sara.change("POST", "/api/preview/next", new JsonObject()).statusCode(),
                "supervisors take no preview records");
        assertEquals(403, bita.change("POST", base + "/dial", new JsonObject()).statusCode());
        assertEquals(403, bita.change("POST", base + "/skip", new JsonObject()).statusCode());
        assertEquals(403, bita.change("POST", "/api/campaigns/pv2/contacts/" + rec.getString("contactId")
                + "/callback", new JsonObject().put("at", Instant.now().plusSeconds(3600).toString())).statusCode());
        assertEquals(403, bita.change("POST", "/api/do-not-call", new JsonObject().put("campaignId", "pv2")
                .put("contactId", rec.getString("contactId"))).statusCode());
        assertEquals(403, ali.change("POST", "/api/do-not-call", new JsonObject().put("number", X2)).statusCode(),
                "an agent cannot type a number onto the list");

        var callback = ali.change("POST", "/api/campaigns/pv2/contacts/" + rec.getString("contactId") + "/callback",
                new JsonObject().put("at", Instant.now().plusSeconds(3600).toString()));
        assertEquals(202, callback.statusCode(), callback.body());
        var dnc = ali.change("POST", "/api/do-not-call", new JsonObject().put("campaignId", "pv2")
                .put("contactId", rec.getString("contactId")).put("reason", "asked on the preview call"));
        assertEquals(201, dnc.statusCode(), dnc.body());
        assertEquals("+98" + X1.substring(1), new JsonObject(dnc.body()).getString("number"));
        var refusedDial = ali.change("POST", base + "/dial", new JsonObject());
        assertEquals(409, refusedDial.statusCode(), refusedDial.body());
        assertEquals("contactId: not dialled: DO_NOT_CALL", new JsonObject(refusedDial.body()).getString("error"));
        assertEquals(List.of(), tables.audit("pv2", "+98" + X1.substring(1)).stream()
                .filter(a -> a.startsWith("DIALLED")).toList());

        var supervisorDnc = sara.change("POST", "/api/do-not-call", new JsonObject().put("number", X2)
                .put("reason", "registry"));
        assertEquals(201, supervisorDnc.statusCode(), supervisorDnc.body());
        assertEquals(404, ali.change("POST", "/api/preview/next", new JsonObject()).statusCode(),
                "both numbers of the list are on the do-not-call list now");

        var bitas = bita.change("POST", "/api/preview/next", new JsonObject());
        assertEquals(200, bitas.statusCode(), bitas.body());
        JsonObject b = new JsonObject(bitas.body());
        assertEquals(skipped.contactId(), b.getString("contactId"), "the callback record agent 2 still holds");
        var skip = bita.change("POST", "/api/preview/pv/" + b.getString("contactId") + "/skip",
                new JsonObject().put("reason", "line was bad"));
        assertEquals(200, skip.statusCode(), skip.body());
    }

    @Test
    @Order(8)
    @DisplayName("the agent's page: the preview card shows the record in Persian, Dial rings the agent's phone then "
            + "the customer's")
    void previewCard() throws Exception {
        start(campaign("card", "PREVIEW", "card", "preview", Map.of(), 3));
        WebDriver d = chromium.start();
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30), Duration.ofMillis(50));
        d.get("http://127.0.0.1:" + server.httpPort() + "/console/");
        wait.until(x -> x.findElement(By.id("username")).isDisplayed());
        d.findElement(By.id("username")).sendKeys("ali");
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("signin-button")).click();
        wait.until(x -> x.findElement(By.id("preview-next")).isDisplayed());
        d.findElement(By.id("lang")).click();
        wait.until(x -> "rtl".equals(x.findElement(By.tagName("html")).getAttribute("dir")));
        assertEquals("رکورد بعدی", d.findElement(By.id("preview-next")).getText());
        d.findElement(By.id("preview-next")).click();
        wait.until(x -> x.findElement(By.id("preview-card")).isDisplayed());
        assertEquals("Katayoun Card", d.findElement(By.id("preview-name")).getText());
        assertEquals("+۹۸۹۱۲۰۰۰۰۵۴۱", d.findElement(By.id("preview-phone")).getText());
        assertEquals("۰", d.findElement(By.id("preview-attempts")).getText());
        assertEquals("card/" + contactId("card", "+98" + CARD.substring(1)),
                d.findElement(By.tagName("body")).getAttribute("data-preview"));
        d.findElement(By.id("preview-dial")).click();
        wait.until(x -> !x.findElement(By.id("preview-card")).isDisplayed());
        Rig.awaitTrue("the card's customer is connected", Duration.ofSeconds(10),
                () -> "CONNECTED".equals(tables.outcome("card", "+98" + CARD.substring(1))));
        assertTrue(tables.audit("card", "+98" + CARD.substring(1)).get(0).contains("preview by agent " + AGENT_1));
    }

    @Test
    @Order(9)
    @DisplayName("the records of agents' own calls: a preview dial and a click-to-dial each show the agent who talked")
    void agentsOwnCallsAreRecorded() throws Exception {
        String card = "+98" + CARD.substring(1);
        try {
            Rig.awaitTrue("the preview call's record shows the agent's talk", Duration.ofSeconds(15),
                    () -> tables.segments(card).stream().anyMatch(x -> x.startsWith("talk " + AGENT_1 + " ")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; segments " + tables.segments(card) + "; record "
                    + tables.rows("select direction, caller_number, dialed_number, answered_at, ended_at, handled_by"
                    + " from interactions order by offered_at"), e);
        }
        assertEquals(AGENT_1, tables.summary(card, "handled_by"));

        ConsoleClient ali = signedIn("ali");
        var dial = ali.change("POST", "/api/dial", new JsonObject().put("number", CLICKED));
        assertEquals(202, dial.statusCode(), dial.body());
        // the agent's phone rings and answers, cc-outbound dials the customer, who talks 2.5 s and hangs up
        Rig.awaitTrue("the click-to-dial call is recorded, ended", Duration.ofSeconds(20),
                () -> tables.summary(CLICKED, "ended_at") != null);
        assertEquals("outbound", tables.summary(CLICKED, "direction"));
        assertEquals(CLICKED, tables.summary(CLICKED, "dialed_number"));
        assertEquals(List.of("talk " + AGENT_1 + " caller-hung-up"), tables.segments(CLICKED));
        assertEquals(AGENT_1, tables.summary(CLICKED, "handled_by"));
        assertTrue(tables.summary(CLICKED, "answered_at") != null, "answered when the customer joined the agent");
    }

    // ---- reading what the dialer wrote

    private static Instant firstPlaced(String campaign) throws Exception {
        return tables.one(java.time.OffsetDateTime.class,
                "select min(at) from dialer_audit where campaign_id = ? and event = 'DIALLED'", campaign).toInstant();
    }

    private static long dials(String campaign, String number, Instant since) throws Exception {
        return tables.one(Long.class, "select count(*) from dialer_audit where campaign_id = ? and number = ?"
                + " and event = 'DIALLED' and at >= ?", campaign, number, since);
    }

    private static String contactId(String list, String number) throws Exception {
        return tables.one(String.class, "select contact_id from dialer_list_contacts where list_id = ? and phone = ?",
                list, number);
    }
}
