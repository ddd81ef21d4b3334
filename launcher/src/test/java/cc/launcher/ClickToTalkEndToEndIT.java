package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallConnected;
import cc.core.contract.CallOffered;
import cc.core.contract.ClickToTalkAddresses;
import cc.core.contract.ClickToTalkQuery;
import cc.core.contract.ClickToTalkRequest;
import cc.core.contract.ClickToTalkStatus;
import cc.core.contract.InteractionUpdated;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.DtmfStep;
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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Click-to-talk through the whole server: a request arrives on the event bus as the public page sends it, the dialer
 * calls the customer through the Asterisk simulator over real AMI into the shipped confirmation context, the shipped
 * {@code config/ivr/click-to-talk.yaml} runs over real FastAGI and asks for a 1, and only then the ACD rings a signed-in
 * agent whose pop carries the customer's topic. A customer who presses 2 is never connected to anyone; premium,
 * foreign and do-not-call numbers are refused, audited and never dialled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClickToTalkEndToEndIT {
    private static final String SECRET = "ctt-e2e-secret";
    private static final String AGENT_PHONE = "3001";
    private static final String PRESSES_1 = "09120000501";
    private static final String PRESSES_2 = "09120000502";
    private static final String DNC = "09120000503";
    private static final String BUSY = "09120000504";
    private static final String FROM_THE_PAGE = "09120000505";
    private static final String FROM_THE_BROWSER = "09120000506";
    private static final String PASSWORD = "ctt-e2e-password";

    @org.junit.jupiter.api.extension.RegisterExtension
    final cc.console.browser.Chromium chromium = new cc.console.browser.Chromium();
    private static final String TOPIC = "سوال درباره فاکتور & payment, #42";

    private static PostgresTestDatabase pg;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static final List<ClickToTalkStatus> statuses = new CopyOnWriteArrayList<>();
    private static final List<CallOffered> offers = new CopyOnWriteArrayList<>();
    private static final List<CallConnected> connected = new CopyOnWriteArrayList<>();
    private static final List<Interaction> interactions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        PhoneBehaviour customer = PhoneBehaviour.answersAfter(Distribution.fixed(300));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "main?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(Phones.builder()
                        .number(AGENT_PHONE, PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200),
                                Distribution.fixed(3_000)))
                        // the keys come 1.5 s after the answer: while the confirmation prompt waits for them
                        .number(PRESSES_1, customer.withKeys(new DtmfStep(1_500, "1")))
                        .number(PRESSES_2, customer.withKeys(new DtmfStep(1_500, "2")))
                        .number(DNC, customer.withKeys(new DtmfStep(1_500, "1")))
                        .number(BUSY, PhoneBehaviour.busy())
                        .number(FROM_THE_PAGE, customer.withKeys(new DtmfStep(1_500, "1")))
                        .number(FROM_THE_BROWSER, customer.withKeys(new DtmfStep(1_500, "1")))
                        .build())
                .build());
        String config = Rig.serverYaml(simulator, agiPort, "../../../../config/ivr", "main", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues:",
                "    - {id: support, wrapUp: 500ms}",
                "  agents:",
                "    - {id: ctt-agent-1, phone: PJSIP/" + AGENT_PHONE + ", queues: [support]}",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  demo: false",
                "  clickToTalk: {retries: 0, dialsPerMinute: 5}",
                // the public page takes "call me now" only while the center is open: open all day, every day
                "selfService:",
                "  queues: [{queue: support, en: Support, fa: پشتیبانی}]",
                "  hours: {zone: UTC, saturday: ['00:00-24:00'], sunday: ['00:00-24:00'], monday: ['00:00-24:00'],"
                        + " tuesday: ['00:00-24:00'], wednesday: ['00:00-24:00'], thursday: ['00:00-24:00'],"
                        + " friday: ['00:00-24:00']}",
                "");
        server = Server.start(ServerConfig.read(ConfigNode.parse("ctt-e2e.yaml", config,
                Map.of("AMI_SECRET", SECRET)::get))).await();
        server.console().users().save(new cc.console.domain.auth.UserAccount(new cc.console.domain.auth.Principal(
                "ctt.agent", "Ctt Agent", cc.console.domain.auth.Role.AGENT, "ctt-agent-1", "en", ""),
                new cc.console.app.PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        var bus = server.vertx().eventBus();
        bus.<ClickToTalkStatus>consumer(ClickToTalkAddresses.STATUS, m -> statuses.add(m.body()));
        bus.<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> offers.add(m.body()));
        bus.<CallConnected>consumer(AcdAddresses.CALL_CONNECTED, m -> connected.add(m.body()));
        bus.<InteractionUpdated>consumer(Addresses.INTERACTION_UPDATED, m -> interactions.add(m.body().interaction()));
        tables.update("insert into dialer_do_not_call (number, reason) values (?, 'asked not to be called')",
                "+98" + DNC.substring(1));
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    private static ClickToTalkRequest request(String id, String number, Instant requestedAt) {
        return new ClickToTalkRequest(id, number, "fa", "support", TOPIC, Optional.empty(), requestedAt, requestedAt);
    }

    private static List<String> states(String id) {
        return statuses.stream().filter(s -> s.requestId().equals(id)).map(ClickToTalkStatus::state).toList();
    }

    private static long originates() {
        return simulator.stats().actionsByName().getOrDefault("originate", 0L);
    }

    private static List<String> audit(String id) throws Exception {
        return tables.rows("select event, detail from dialer_audit where campaign_id = 'click-to-talk' "
                + "and contact_id = ? order by id", id);
    }

    @Test
    @Order(1)
    @DisplayName("premium, foreign and do-not-call numbers are refused with the reason, audited, and never dialled")
    void refusedNumbers() throws Exception {
        long before = originates();
        Instant now = Instant.now();
        ReplyException premium = Rig.refused(server, ClickToTalkAddresses.REQUEST,
                request("ctt-premium", "09091234567", now));
        assertEquals(409, premium.failureCode());
        assertTrue(premium.getMessage().contains("PREMIUM_REFUSED"), premium.getMessage());
        ReplyException abroad = Rig.refused(server, ClickToTalkAddresses.REQUEST,
                request("ctt-abroad", "00441632960001", now));
        assertEquals(409, abroad.failureCode());
        assertTrue(abroad.getMessage().contains("INTERNATIONAL_REFUSED"), abroad.getMessage());
        // the dialer reads the list every 2 s; the fixture was written after the server started
        Thread.sleep(2_500);
        ReplyException dnc = Rig.refused(server, ClickToTalkAddresses.REQUEST, request("ctt-dnc", DNC, now));
        assertEquals(409, dnc.failureCode());
        assertTrue(dnc.getMessage().contains("do-not-call"), dnc.getMessage());
        ReplyException bad = Rig.refused(server, ClickToTalkAddresses.REQUEST,
                new ClickToTalkRequest("ctt-bad", "09120000599", "de", "support", "", Optional.empty(), now, now));
        assertEquals(400, bad.failureCode());
        assertTrue(bad.getMessage().startsWith("language:"), bad.getMessage());

        Thread.sleep(1_500);
        assertEquals(before, originates(), "the simulator saw an Originate for a refused number");
        Rig.awaitTrue("the refusals are in the dial audit", Duration.ofSeconds(5),
                () -> audit("ctt-premium").size() == 1 && audit("ctt-abroad").size() == 1
                        && audit("ctt-dnc").size() == 1);
        assertTrue(audit("ctt-premium").get(0).startsWith("REFUSED PREMIUM_REFUSED"), audit("ctt-premium").toString());
        assertTrue(audit("ctt-abroad").get(0).startsWith("REFUSED INTERNATIONAL_REFUSED"), audit("ctt-abroad").toString());
        ClickToTalkStatus asked = Rig.ask(server, ClickToTalkAddresses.QUERY, new ClickToTalkQuery("ctt-premium"));
        assertEquals(ClickToTalkStatus.REFUSED, asked.state());
    }

    @Test
    @Order(2)
    @DisplayName("confirmed with 1: the customer's phone rings, hears the prompt, presses 1, waits in the queue keeping"
            + " the request's place, and the agent who answers gets the topic on the pop")
    void confirmedReachesAnAgent() throws Exception {
        Instant requestedAt = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        ClickToTalkStatus reply = Rig.ask(server, ClickToTalkAddresses.REQUEST,
                request("ctt-yes", PRESSES_1, requestedAt));
        assertEquals(ClickToTalkStatus.SCHEDULED, reply.state());
        Rig.awaitTrue("the customer confirmed reaches an agent", Duration.ofSeconds(30),
                () -> states("ctt-yes").contains(ClickToTalkStatus.CONNECTED));
        assertEquals(List.of("scheduled", "dialling", "confirming", "waiting", "connected"), states("ctt-yes"));

        CallOffered offer = offers.stream().filter(o -> "ctt-yes".equals(o.data().get("clickToTalk"))).findFirst()
                .orElseThrow(() -> new AssertionError("no agent was offered the customer: " + offers));
        assertEquals("ctt-agent-1", offer.agentId());
        assertEquals("support", offer.queue());
        assertEquals(TOPIC, offer.data().get("topic"), "the pop shows the customer's topic");
        assertEquals("fa", offer.data().get("language"));
        assertEquals(requestedAt.toString(), offer.data().get("keptPlaceSince"));
        assertTrue(connected.stream().anyMatch(c -> c.callId().equals(offer.callerUniqueId())));

        Rig.awaitTrue("the call's interaction record is an outbound click-to-talk call through the IVR's 1",
                Duration.ofSeconds(10), () -> interactions.stream().anyMatch(i -> i.callId() != null
                        && i.campaignId().equals(Optional.of("click-to-talk")) && i.agentId().isPresent()
                        && i.ivrPath().stream().anyMatch(s -> s.node().equals("confirm") && s.input().equals("1"))));
        List<String> rows = audit("ctt-yes");
        assertTrue(rows.get(0).startsWith("DIALLED PJSIP/" + PRESSES_1), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("CONNECTED")), rows.toString());
    }

    @Test
    @Order(3)
    @DisplayName("a customer who presses 2 is never connected to an agent: unconfirmed, and the record ends at the"
            + " IVR's unconfirmed node")
    void unconfirmedNeverConnected() throws Exception {
        int offersBefore = offers.size();
        ClickToTalkStatus reply = Rig.ask(server, ClickToTalkAddresses.REQUEST,
                request("ctt-no", PRESSES_2, Instant.now()));
        assertEquals(ClickToTalkStatus.SCHEDULED, reply.state());
        Rig.awaitTrue("the request ends unconfirmed", Duration.ofSeconds(30),
                () -> states("ctt-no").contains(ClickToTalkStatus.UNCONFIRMED));
        assertEquals(List.of("scheduled", "dialling", "confirming", "unconfirmed"), states("ctt-no"));
        Thread.sleep(1_000);
        assertEquals(offersBefore, offers.size(), "an agent was offered an unconfirmed customer");
        assertTrue(offers.stream().noneMatch(o -> "ctt-no".equals(o.data().get("clickToTalk"))));
        Rig.awaitTrue("the interaction record shows the 2 and the unconfirmed end", Duration.ofSeconds(10),
                () -> interactions.stream().anyMatch(i -> i.endedAt().isPresent() && i.agentId().isEmpty()
                        && i.campaignId().equals(Optional.of("click-to-talk"))
                        && i.ivrPath().stream().map(IvrStep::node).toList().contains("unconfirmed")));
        List<String> rows = audit("ctt-no");
        assertTrue(rows.get(rows.size() - 1).startsWith("UNCONFIRMED"), rows.toString());
        assertEquals(409, Rig.refused(server, ClickToTalkAddresses.CANCEL, new ClickToTalkQuery("ctt-no"))
                .failureCode(), "too late to cancel");
    }

    @Test
    @Order(4)
    @DisplayName("a request for later can be cancelled before it is dialled, and its state survives in the database")
    void cancelLater() throws Exception {
        Instant now = Instant.now();
        ClickToTalkStatus reply = Rig.ask(server, ClickToTalkAddresses.REQUEST, new ClickToTalkRequest("ctt-later",
                "09120000577", "en", "support", "", Optional.empty(), now.plus(Duration.ofHours(1)), now));
        assertEquals(ClickToTalkStatus.SCHEDULED, reply.state());
        ClickToTalkStatus cancelled = Rig.ask(server, ClickToTalkAddresses.CANCEL, new ClickToTalkQuery("ctt-later"));
        assertEquals(ClickToTalkStatus.CANCELLED, cancelled.state());
        Rig.awaitTrue("the cancellation is stored", Duration.ofSeconds(5), () -> "cancelled".equals(tables.one(
                String.class, "select state from dialer_click_to_talk where request_id = ?", "ctt-later")));
        assertEquals(404, Rig.refused(server, ClickToTalkAddresses.QUERY, new ClickToTalkQuery("nope"))
                .failureCode());
    }

    @Test
    @Order(5)
    @DisplayName("a busy phone, with no retry configured, ends not-reached and the busy call is audited")
    void busyNotReached() throws Exception {
        Rig.ask(server, ClickToTalkAddresses.REQUEST, request("ctt-busy", BUSY, Instant.now()));
        Rig.awaitTrue("the busy request ends not-reached", Duration.ofSeconds(15),
                () -> states("ctt-busy").contains(ClickToTalkStatus.NOT_REACHED));
        assertEquals(List.of("scheduled", "dialling", "not-reached"), states("ctt-busy"));
        Rig.awaitTrue("the busy call is in the audit", Duration.ofSeconds(5),
                () -> audit("ctt-busy").stream().anyMatch(r -> r.startsWith("BUSY")));
    }

    @Test
    @Order(9)
    @DisplayName("from the public page: a \"call me now\" posted to /help/ is dialled, confirmed with 1 and offered to"
            + " the agent with the topic; the page's reference follows it to connected")
    void fromThePublicPage() throws Exception {
        String base = "http://127.0.0.1:" + server.httpPort();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> posted = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/help/api/click-to-talk"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new io.vertx.core.json.JsonObject()
                        .put("number", FROM_THE_PAGE).put("topic", "page topic: refund").put("queue", "support")
                        .put("language", "en").put("when", "now").encode()))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        String reference = new io.vertx.core.json.JsonObject(posted.body()).getString("reference");

        Rig.awaitTrue("the agent offered the page's call with its topic", Duration.ofSeconds(40),
                () -> offers.stream().anyMatch(o -> "page topic: refund".equals(o.data().get("topic"))));
        Rig.awaitTrue("the page's reference reaches connected", Duration.ofSeconds(40), () -> {
            java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/help/api/click-to-talk/" + reference)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && "connected".equals(new io.vertx.core.json.JsonObject(r.body())
                    .getString("state"));
        });
        assertEquals(List.of(ClickToTalkStatus.SCHEDULED, ClickToTalkStatus.DIALLING, ClickToTalkStatus.CONFIRMING,
                ClickToTalkStatus.WAITING, ClickToTalkStatus.CONNECTED), states(reference));
    }

    @Test
    @Order(10)
    @DisplayName("in Chromium: a customer asks on the public page to be called now; the simulator's phone rings and"
            + " presses 1; the signed-in agent's console pops the call with the customer's topic; the page says connected")
    void customerAndAgentInTheBrowser() {
        String base = "http://127.0.0.1:" + server.httpPort();
        org.openqa.selenium.WebDriver agent = chromium.start();
        var agentWait = new org.openqa.selenium.support.ui.WebDriverWait(agent, Duration.ofSeconds(40),
                Duration.ofMillis(50));
        agent.get(base + "/console/");
        agentWait.until(x -> x.findElement(org.openqa.selenium.By.id("username")).isDisplayed());
        agent.findElement(org.openqa.selenium.By.id("username")).sendKeys("ctt.agent");
        agent.findElement(org.openqa.selenium.By.id("password")).sendKeys(PASSWORD);
        agent.findElement(org.openqa.selenium.By.id("signin-button")).click();
        agentWait.until(x -> "open".equals(x.findElement(org.openqa.selenium.By.tagName("body"))
                .getAttribute("data-live")));

        org.openqa.selenium.WebDriver customer = chromium.start();
        var customerWait = new org.openqa.selenium.support.ui.WebDriverWait(customer, Duration.ofSeconds(60),
                Duration.ofMillis(100));
        customer.get(base + "/help/");
        customerWait.until(x -> !x.findElements(org.openqa.selenium.By.cssSelector("#call-queue option")).isEmpty());
        customer.findElement(org.openqa.selenium.By.id("call-number")).sendKeys(FROM_THE_BROWSER);
        customer.findElement(org.openqa.selenium.By.id("call-topic")).sendKeys("browser topic: invoice 77");
        new org.openqa.selenium.support.ui.Select(customer.findElement(org.openqa.selenium.By.id("call-queue")))
                .selectByValue("support");
        new org.openqa.selenium.support.ui.Select(customer.findElement(org.openqa.selenium.By.id("call-language")))
                .selectByValue("en");
        customer.findElement(org.openqa.selenium.By.id("call-submit")).click();

        agentWait.until(x -> "browser topic: invoice 77".equals(x.findElement(org.openqa.selenium.By.id("call-topic"))
                .getText()));
        customerWait.until(x -> "connected".equals(x.findElement(org.openqa.selenium.By.id("call-result"))
                .getAttribute("data-state")));
        assertTrue(offers.stream().anyMatch(o -> "browser topic: invoice 77".equals(o.data().get("topic"))
                && "ctt-agent-1".equals(o.agentId())));
    }
}
