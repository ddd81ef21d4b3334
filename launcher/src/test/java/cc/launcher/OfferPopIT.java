package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.browser.Chromium;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
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
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The next-best offer on a real call: a simulated caller goes through the IVR (looked up by caller ID) and the ACD to
 * the agent's phone; the agent's console in headless Chromium pops the customer with the offer and its reason in
 * English and in Persian; the agent's "accepted" is a row of customer_offers in PostgreSQL. Only that agent may
 * answer, and only for the product shown.
 */
class OfferPopIT {
    private static final String SECRET = "offer-secret";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NUMBER = "09123334455";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static long customer;

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
        server = Server.start(ServerConfig.read(ConfigNode.parse("offer.yaml", Rig.serverYaml(simulator, agiPort,
                "day-flows", "day", pg,
                "scores: {recomputeEvery: 0s}",
                "offers:",
                "  products:",
                "    - {code: card, fa: کارت اعتباری, en: Credit card, excludes: [card-gold]}",
                "    - {code: card-gold, fa: کارت طلایی, en: Gold card, kind: up-sell, requires: [card]}",
                "    - {code: insurance, fa: بیمه سفر, en: Travel insurance, minPropensity: 0.3}",
                "acd:",
                "  server: pbx1",
                "  agentsAvailableAtStart: false",
                "  queues: [{id: support}]",
                "  agents: [{id: agent-1001, phone: PJSIP/1001, queues: [support]}, {id: agent-1002, phone: PJSIP/1002,"
                        + " queues: [support]}]",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        server.console().users().save(new UserAccount(new Principal("sara.agent", "Sara Agent", Role.AGENT,
                "agent-1001", "en", "PJSIP/1001"), new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        server.console().users().save(new UserAccount(new Principal("omid.agent", "Omid Agent", Role.AGENT,
                "agent-1002", "en", "PJSIP/1002"), new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        Vertx vertx = Vertx.vertx();
        try (Database db = Database.open(vertx, pg.config()).await()) {
            customer = new JdbcCustomerStore(db).save(new Customer(0, "Nima Kazemi", List.of(NUMBER), "51000001",
                    "en", "gold")).await().id();
        } finally {
            vertx.close().await();
        }
        // the scoring run's propensities: the gold card needs the card, which Nima does not have
        score("propensity_card", 0.41, "segmentAcceptance");
        score("propensity_card_gold", 0.8, "segmentAcceptance");
        score("propensity_insurance", 0.64, "acceptedBefore,segmentAcceptance");
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("the pop shows the next-best offer with its reason in English and Persian; the agent's accepted is stored")
    void offerShownAndAccepted() throws Exception {
        WebDriver d = chromium.start();
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30), Duration.ofMillis(50));
        d.get("http://127.0.0.1:" + server.httpPort() + "/console/");
        wait.until(x -> x.findElement(By.id("username")).isDisplayed());
        d.findElement(By.id("username")).sendKeys("sara.agent");
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("signin-button")).click();
        wait.until(x -> "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
        d.findElement(By.id("go-available")).click();
        wait.until(x -> "available".equals(x.findElement(By.id("my-state")).getAttribute("data-state")));

        simulator.placeInboundCall(InboundCall.of(NUMBER, "Nima", "02100000").withTalkTimeMs(20_000));
        wait.until(x -> "insurance".equals(x.findElement(By.id("offer-panel")).getAttribute("data-product")));
        String pop = d.findElement(By.tagName("body")).getAttribute("data-pop");
        assertEquals("Nima Kazemi", d.findElement(By.id("caller-name")).getText());
        assertEquals("Cross-sell: Travel insurance, 64% likely to accept (offer propensity): took an offer of it before;"
                + " customers of segment gold often take it.", d.findElement(By.id("offer-reason")).getText());
        assertTrue(d.findElement(By.id("offer-panel")).getText().contains("Next-best offer"));

        d.findElement(By.id("lang")).click();
        wait.until(x -> x.findElement(By.id("offer-reason")).getText().startsWith("فروش مکمل: بیمه سفر"));
        assertEquals("فروش مکمل: بیمه سفر، احتمال پذیرش ۶۴٪ (تمایل به پیشنهاد): پیش‌تر پیشنهاد آن را پذیرفته است؛"
                + " مشتریان بخش gold آن را بسیار می‌پذیرند.", d.findElement(By.id("offer-reason")).getText());
        assertEquals("پذیرفت", d.findElement(By.id("offer-accepted")).getText());

        // another agent may not answer Sara's call, and Sara may not record a product that was not offered
        ConsoleClient omid = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, omid.signIn("omid.agent", PASSWORD).statusCode());
        assertEquals(403, omid.change("POST", "/api/pops/" + pop + "/offer",
                new JsonObject().put("product", "insurance").put("outcome", "accepted")).statusCode());
        ConsoleClient sara = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, sara.signIn("sara.agent", PASSWORD).statusCode());
        assertEquals(409, sara.change("POST", "/api/pops/" + pop + "/offer",
                new JsonObject().put("product", "card").put("outcome", "accepted")).statusCode());
        assertEquals(400, sara.change("POST", "/api/pops/" + pop + "/offer",
                new JsonObject().put("product", "insurance").put("outcome", "maybe")).statusCode());
        assertEquals(List.of(), offers(), "nothing stored by refused answers");

        d.findElement(By.id("offer-offered")).click();
        wait.until(x -> "offered".equals(x.findElement(By.id("offer-panel")).getAttribute("data-outcome")));
        assertEquals(List.of("insurance offered false " + pop + " agent-1001"), offers());
        d.findElement(By.id("offer-accepted")).click();
        wait.until(x -> "accepted".equals(x.findElement(By.id("offer-panel")).getAttribute("data-outcome")));
        assertEquals("ثبت شد: پذیرفت", d.findElement(By.id("offer-status")).getText());
        assertEquals(List.of("insurance accepted true " + pop + " agent-1001"), offers(),
                "one row for the call, its answer replacing the offer");
    }

    private static void score(String name, double value, String reasons) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("insert into customer_scores (customer_id, name, score,"
                     + " computed_at, reasons) values (?, ?, ?, ?, ?)")) {
            ps.setLong(1, customer);
            ps.setString(2, name);
            ps.setDouble(3, value);
            ps.setTimestamp(4, Timestamp.from(Instant.now().minus(Duration.ofHours(3))));
            ps.setString(5, reasons);
            ps.executeUpdate();
        }
    }

    private static List<String> offers() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select product, outcome, accepted, interaction_id, agent_id"
                     + " from customer_offers where customer_id = ? order by id")) {
            ps.setLong(1, customer);
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3) + " " + rs.getString(4)
                            + " " + rs.getString(5));
                }
            }
            return out;
        }
    }
}
