package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOffered;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole server reading a real mailbox (GreenMail over sockets): the email panel's API answers only the agent
 * holding the case and supervisors, and the holder's answer reaches the customer. The ACD's media side is
 * the real ACD, which offers each case to an agent with room on the email channel.
 */
class EmailPanelIT {
    private static final String SECRET = "email-secret";
    private static final String PASSWORD = "correct horse battery";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static GreenMail mail;
    private static Server server;
    private static final List<MediaOffered> offered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final List<MediaEnded> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.Map<String, String> agentStates = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        mail = new GreenMail(Arrays.stream(ServerSetupTest.SMTP_IMAP).map(ServerSetup::dynamicPort)
                .toArray(ServerSetup[]::new));
        mail.start();
        mail.setUser("support@cc.test", "support", "secret");
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en").build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("email-panel.yaml", Rig.serverYaml(simulator,
                agiPort, "acd-flows", "acd", pg,
                "email: {enabled: true, address: support@cc.test, imap: {host: 127.0.0.1, port: "
                        + mail.getImap().getPort() + ", username: support, password: secret}, smtp: {host: 127.0.0.1,"
                        + " port: " + mail.getSmtp().getPort() + "}, queue: desk}",
                "acd:",
                "  server: pbx1",
                "  agentsAvailableAtStart: false",
                "  queues: [{id: desk}]",
                "  agents:",
                "    - {id: a1, phone: PJSIP/5001, queues: [desk]}",
                "    - {id: a2, phone: PJSIP/5002, queues: [desk]}",
                "", ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        var bus = server.vertx().eventBus();
        bus.<MediaOffered>consumer(MediaAddresses.OFFERED, m -> offered.add(m.body()));
        bus.<MediaEnded>consumer(MediaAddresses.ENDED, m -> ended.add(m.body()));
        bus.<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED,
                m -> agentStates.put(m.body().agentId(), m.body().state()));
        for (String[] u : List.of(new String[]{"ali", "AGENT", "a1"}, new String[]{"bob", "AGENT", "a2"},
                new String[]{"sara", "SUPERVISOR", ""})) {
            server.console().users().save(new UserAccount(new Principal(u[0], u[0], Role.valueOf(u[1]), u[2], "en",
                    ""), new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
        if (mail != null) {
            mail.stop();
        }
    }

    /** The tests run in any order: the other test's agent may still be available, and would be offered the email. */
    private static void pauseOther(String user) throws Exception {
        ConsoleClient other = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, other.signIn(user, PASSWORD).statusCode());
        other.change("POST", "/api/agent/state", new JsonObject().put("state", "paused").put("reason", "break"));
        String agentId = user.equals("ali") ? "a1" : "a2";
        Rig.awaitTrue(user + " not available", Duration.ofSeconds(10),
                () -> !"available".equals(agentStates.get(agentId)));
    }

    @org.junit.jupiter.api.extension.RegisterExtension
    final cc.console.browser.Chromium chromium = new cc.console.browser.Chromium();

    @Test
    @DisplayName("in Chromium: the agent goes available, the ACD offers a new email on the offer panel, Accept opens the"
            + " case with the customer's text shown as text, a template fills the answer and Send mails it")
    void offerAndAnswerInTheBrowser() throws Exception {
        pauseOther("ali");
        GreenMailUtil.sendTextEmail("support@cc.test", "mahsa@customer.test", "Invoice <b>twice</b>",
                "You charged me twice <script>window.hacked=1</script>", mail.getSmtp().getServerSetup());
        String base = "http://127.0.0.1:" + server.httpPort();
        org.openqa.selenium.WebDriver agent = chromium.start();
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(agent, Duration.ofSeconds(40),
                Duration.ofMillis(50));
        agent.get(base + "/console/");
        wait.until(x -> x.findElement(By.id("username")).isDisplayed());
        agent.findElement(By.id("username")).sendKeys("bob");
        agent.findElement(By.id("password")).sendKeys(PASSWORD);
        agent.findElement(By.id("signin-button")).click();
        wait.until(x -> "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
        agent.findElement(By.id("go-available")).click();

        // the real ACD offers the case to a2 (bob) on the offer panel (redrawn every second: read it afresh)
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class);
        var js = (org.openqa.selenium.JavascriptExecutor) agent;
        String offers = wait.until(x -> (String) js.executeScript("var li = document.querySelector("
                + "'#media-offers li[data-interaction]'); return li && !document.getElementById('media-panel').hidden"
                + " ? li.textContent : null;"));
        assertTrue(offers.contains("Invoice <b>twice</b>"), "the offer shows the subject as text: " + offers);
        assertTrue(offers.contains("mahsa@customer.test"), offers);
        wait.until(x -> {
            x.findElement(By.cssSelector("#media-offers .media-accept")).click();
            return true;
        });
        wait.until(x -> !x.findElements(By.id("email-thread")).isEmpty());
        wait.until(x -> x.findElement(By.id("email-thread")).getText().contains("You charged me twice"));
        String shown = agent.findElement(By.id("email-thread")).getText();
        assertTrue(shown.contains("You charged me twice <script>window.hacked=1</script>"), shown);
        assertTrue(shown.contains("Invoice <b>twice</b>"), shown);
        assertTrue(agent.findElements(By.cssSelector("#email-thread b")).isEmpty(), "the subject is not markup");
        assertEquals(null, js.executeScript("return window.hacked"));
        String id = agent.findElement(By.id("email-thread")).getAttribute("data-interaction");
        wait.until(x -> x.findElement(By.id("media-offers")).getText().isEmpty()
                || x.findElements(By.cssSelector("#media-offers .media-accept")).isEmpty());

        // a template (with the case number) fills the answer; the agent adds a line and sends
        var templates = new org.openqa.selenium.support.ui.Select(agent.findElement(By.id("email-template")));
        wait.until(x -> templates.getOptions().size() > 1);
        templates.selectByIndex(1);
        String filled = agent.findElement(By.id("email-answer")).getAttribute("value");
        assertTrue(filled.contains(agent.findElement(By.id("email-thread")).getAttribute("data-case")), filled);
        agent.findElement(By.id("email-answer")).sendKeys("\nThe second charge is refunded.");
        agent.findElement(By.id("email-send")).click();
        Rig.awaitTrue("the browser's answer delivered", Duration.ofSeconds(15), () -> Arrays.stream(
                mail.getReceivedMessages()).anyMatch(m -> GreenMailUtil.getBody(m).contains(
                        "The second charge is refunded.")));
        Rig.awaitTrue("the ACD let bob's case go", Duration.ofSeconds(10),
                () -> ended.stream().anyMatch(e -> e.interactionId().equals(id) && "answered".equals(e.reason())));
    }

    @Test
    @DisplayName("only the agent holding an email case (and supervisors) read it; the holder answers it and the customer gets the answer")
    void holderAnswers() throws Exception {
        pauseOther("bob");
        GreenMailUtil.sendTextEmail("support@cc.test", "nika@customer.test", "Broken router", "It blinks red.",
                mail.getSmtp().getServerSetup());
        String base = "http://127.0.0.1:" + server.httpPort();
        ConsoleClient ali = new ConsoleClient(base);
        ConsoleClient bob = new ConsoleClient(base);
        ConsoleClient sara = new ConsoleClient(base);
        assertEquals(200, ali.signIn("ali", PASSWORD).statusCode());
        assertEquals(200, bob.signIn("bob", PASSWORD).statusCode());
        assertEquals(200, sara.signIn("sara", PASSWORD).statusCode());
        assertEquals(204, ali.change("POST", "/api/agent/state", new JsonObject().put("state", "available"))
                .statusCode());
        Rig.awaitTrue("a1 available", Duration.ofSeconds(10), () -> "available".equals(agentStates.get("a1")));
        Rig.awaitTrue("the case offered to a1 by the ACD", Duration.ofSeconds(20), () -> offered.stream()
                .anyMatch(o -> "nika@customer.test".equals(o.data().get("address"))));
        MediaOffered offer = offered.stream().filter(o -> "nika@customer.test".equals(o.data().get("address")))
                .findFirst().orElseThrow();
        String id = offer.interactionId();
        assertEquals("a1", offer.agentId());
        assertEquals(403, ali.get("/api/email/" + id).statusCode(), "offered, not yet held");

        assertEquals(200, ali.change("POST", "/api/media/" + id + "/accept", new JsonObject()).statusCode());
        Rig.awaitTrue("ali holds it", Duration.ofSeconds(10), () -> ali.get("/api/email/" + id).statusCode() == 200);
        JsonObject thread = new JsonObject(ali.get("/api/email/" + id).body());
        assertEquals("Broken router", thread.getString("subject"));
        assertEquals(id, new JsonObject(ali.get("/api/email/mine").body()).getJsonArray("cases").getJsonObject(0)
                .getString("interactionId"));
        assertEquals(403, bob.get("/api/email/" + id).statusCode());
        assertEquals(200, sara.get("/api/email/" + id).statusCode());
        assertTrue(new JsonObject(ali.get("/api/email/" + id + "/templates").body()).getJsonArray("templates")
                .encode().contains(String.valueOf(thread.getLong("caseNumber"))));
        assertEquals(403, bob.change("POST", "/api/email/" + id + "/reply", new JsonObject().put("text", "Hi"))
                .statusCode());
        HttpResponse<String> empty = ali.change("POST", "/api/email/" + id + "/reply", new JsonObject());
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("text"), empty.body());
        HttpResponse<String> sent = ali.change("POST", "/api/email/" + id + "/reply",
                new JsonObject().put("text", "Please restart it."));
        assertEquals(204, sent.statusCode(), sent.body());
        Rig.awaitTrue("the answer delivered", Duration.ofSeconds(10), () -> Arrays.stream(mail.getReceivedMessages())
                .anyMatch(m -> GreenMailUtil.getBody(m).contains("Please restart it.")));
        assertTrue(new JsonObject(ali.get("/api/email/timeline?ids=" + id).body()).getJsonArray("messages").size() >= 2);
        Rig.awaitTrue("the ACD let the case go", Duration.ofSeconds(10),
                () -> ended.stream().anyMatch(e -> e.interactionId().equals(id) && "answered".equals(e.reason())));
        ServerTables tables = new ServerTables(pg);
        Rig.awaitTrue("the record ended as answered by a1", Duration.ofSeconds(10), () -> "a1 answered email".equals(
                String.join(" ", tables.rows("select agent_id, end_cause, lower(channel) from interactions"
                        + " where id = ?", id))));
    }
}
