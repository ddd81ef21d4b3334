package cc.launcher;

import cc.console.browser.Chromium;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.app.PasswordHasher;
import cc.console.domain.auth.UserAccount;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.config.ConfigNode;
import cc.core.domain.customer.Customer;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent's call from end to end, every part real: a simulated caller dials in, the IVR looks the caller up and
 * hands them to the ACD, the ACD rings the agent's simulated phone, and the agent's console in headless Chromium pops
 * the customer; the disposition the agent saves is in PostgreSQL.
 */
class AgentDayIT {
    private static final String SECRET = "day-secret";
    private static final String PASSWORD = "correct horse battery staple";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "day?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(Phones.builder().prefix("1001",
                        PhoneBehaviour.answersAfter(Distribution.fixed(1_000))).build())
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("day.yaml", Rig.serverYaml(simulator, agiPort, "day-flows", "day", pg,
                "acd:",
                "  server: pbx1",
                "  agentsAvailableAtStart: false",
                "  queues: [{id: support}]",
                "  agents: [{id: agent-1001, phone: PJSIP/1001, queues: [support]}]",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        server.console().users().save(new UserAccount(new Principal("maryam.agent", "Maryam Agent", Role.AGENT,
                "agent-1001", "en", "PJSIP/1001"), new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        Vertx vertx = Vertx.vertx();
        try (Database db = Database.open(vertx, pg.config()).await()) {
            new JdbcCustomerStore(db).save(new Customer(0, "Reza Moradi", List.of("09121112233"), "49927395", "en",
                    "gold")).await();
        } finally {
            vertx.close().await();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("a caller dials in, the agent's console pops the customer, the agent holds and resumes, and the disposition is stored")
    void aCallFromDialToDisposition() throws Exception {
        WebDriver d = chromium.start();
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30), Duration.ofMillis(50));
        d.get("http://127.0.0.1:" + server.httpPort() + "/console/");
        wait.until(x -> x.findElement(By.id("username")).isDisplayed());
        d.findElement(By.id("username")).sendKeys("maryam.agent");
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("signin-button")).click();
        wait.until(x -> "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
        d.findElement(By.id("go-available")).click();
        wait.until(x -> "available".equals(x.findElement(By.id("my-state")).getAttribute("data-state")));

        simulator.placeInboundCall(InboundCall.of("09121112233", "Reza", "02100000").withTalkTimeMs(20_000));
        wait.until(x -> {
            String pop = x.findElement(By.tagName("body")).getAttribute("data-pop");
            return pop != null && !pop.isEmpty();
        });
        String interaction = d.findElement(By.tagName("body")).getAttribute("data-pop");
        assertEquals("Reza Moradi", d.findElement(By.id("caller-name")).getText());
        assertEquals("gold", d.findElement(By.id("caller-segment")).getText());
        assertTrue(d.findElement(By.id("ivr-path")).getText().contains("to-agent"),
                d.findElement(By.id("ivr-path")).getText());

        // the call-control bar on the real call, usable once the agent's phone is answered and bridged: Hold puts
        // the caller on the music, Resume joins them again
        wait.until(x -> x.findElement(By.id("cc-hold")).isEnabled());
        wait.until(x -> callerChannel().map(c -> !c.bridgeId().isEmpty()).orElse(false));
        d.findElement(By.id("cc-hold")).click();
        wait.until(x -> callerChannel().map(c -> "MusicOnHold".equals(c.application()) && c.bridgeId().isEmpty())
                .orElse(false));
        wait.until(x -> x.findElement(By.id("cc-hold")).getText().equals("Resume"));
        d.findElement(By.id("cc-hold")).click();
        wait.until(x -> callerChannel().map(c -> !c.bridgeId().isEmpty()).orElse(false));
        wait.until(x -> x.findElement(By.id("cc-hold")).getText().equals("Hold"));
        // reloaded mid-call, the page gets the call back with its controls usable
        d.navigate().refresh();
        wait.until(x -> interaction.equals(x.findElement(By.tagName("body")).getAttribute("data-pop")));
        wait.until(x -> x.findElement(By.id("cc-hold")).isEnabled());

        new Select(d.findElement(By.id("disposition"))).selectByValue("resolved");
        d.findElement(By.id("notes")).sendKeys("Card unblocked");
        d.findElement(By.id("save-disposition")).click();
        wait.until(x -> "Saved".equals(x.findElement(By.id("dispose-status")).getText()));

        Instant deadline = Instant.now().plusSeconds(20);
        String[] stored = null;
        while (Instant.now().isBefore(deadline)) {
            stored = row(interaction);
            // the agent may save before the phone is answered: the record names the agent once they talk
            if (stored != null && "resolved".equals(stored[0]) && stored[2] != null) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(stored != null, "the interaction is stored");
        assertEquals("resolved", stored[0]);
        assertEquals("Card unblocked", stored[1]);
        assertEquals("agent-1001", stored[2]);
        assertEquals("support", stored[3]);
        assertEquals("09121112233", stored[4]);
    }

    /** The caller's half of the Local pair, in the dialplan (the one the IVR and the ACD know). */
    private static java.util.Optional<cc.simulator.ChannelSnapshot> callerChannel() {
        return simulator.channels().stream()
                .filter(c -> c.name().endsWith(";2") && "09121112233".equals(c.callerIdNum())).findFirst();
    }

    private static String[] row(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement(
                     "select disposition, notes, agent_id, queue, caller_number from interactions where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)} : null;
            }
        }
    }

}
