package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.adapter.jdbc.JdbcOutbox;
import cc.core.config.ConfigNode;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.core.testkit.PostgresTestDatabase;
import cc.integration.webhook.WebhookSignature;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import cc.console.browser.Chromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole server with a webhook subscription from an integration file: an event its receiver keeps refusing is
 * parked after parkAfter; an admin sees it in the console's API and replays it once the receiver is back, and the
 * receiver gets it signed with the shared secret; an agent and a supervisor are refused every webhook endpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookAdminIT {
    private static final String AMI = "webhook-admin-secret";
    private static final String WEBHOOK_SECRET = "the-crm-signing-secret-0123";
    private static final String PASSWORD = "correct horse battery";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static Vertx receiverVertx;
    private static HttpServer receiver;
    private static volatile int answer = 503;
    private static final List<String> receivedIds = new CopyOnWriteArrayList<>();
    private static final List<Boolean> signatureValid = new CopyOnWriteArrayList<>();
    private static Path dir;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        dir = Files.createTempDirectory("cc-webhook-admin-");
        receiverVertx = Vertx.vertx();
        receiver = receiverVertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            long ts = Long.parseLong(req.getHeader(WebhookSignature.TIMESTAMP_HEADER));
            boolean valid = WebhookSignature.verify(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), ts,
                    body.getBytes(), req.getHeader(WebhookSignature.SIGNATURE_HEADER));
            signatureValid.add(valid);
            if (valid && answer == 200) {
                for (Object e : body.toJsonObject().getJsonArray("events")) {
                    receivedIds.add(((JsonObject) e).getString("id"));
                }
            }
            req.response().setStatusCode(valid ? answer : 401).end();
        })).listen(0, "127.0.0.1").await();
        Path file = dir.resolve("integration.yaml");
        Files.writeString(file, String.join("\n",
                "relay: {pollEvery: 50ms}",
                "webhooks:",
                "  - {name: crm, url: 'http://127.0.0.1:" + receiver.actualPort() + "/hooks', events: [customer.*],",
                "     secretEnv: CRM_WEBHOOK_SECRET, parkAfter: 1s, retry: {initialDelay: 100ms, maxDelay: 300ms}}"));
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", AMI)
                .agi("127.0.0.1", agiPort, "acd?lang=en").build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("webhook-admin.yaml", Rig.serverYaml(simulator,
                agiPort, "acd-flows", "acd", pg, "integration: {file: '" + file + "'}", ""),
                Map.of("AMI_SECRET", AMI)::get)), Map.of("CRM_WEBHOOK_SECRET", WEBHOOK_SECRET)::get).await();
        for (String[] u : List.of(new String[]{"ada", "ADMIN"}, new String[]{"sara", "SUPERVISOR"},
                new String[]{"alex", "AGENT"})) {
            server.console().users().save(new UserAccount(new Principal(u[0], u[0], Role.valueOf(u[1]),
                    u[1].equals("AGENT") ? "agent-1001" : "", "en", ""),
                    new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
        receiverVertx.close().await();
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("a refused event is parked, an admin replays it from the console's API and the receiver gets it "
            + "signed; agents and supervisors get 403")
    void parkedThenReplayedByAnAdmin() throws Exception {
        BusinessEvent event = BusinessEvent.of(BusinessEventType.CUSTOMER_CHANGED, "cust-42", Instant.now(),
                "{\"name\":\"Sara Ahmadi\"}");
        try (Connection c = DriverManager.getConnection(pg.config().url(), pg.config().username(), "")) {
            JdbcOutbox.append(c, event);
        }
        String base = "http://127.0.0.1:" + server.httpPort();
        ConsoleClient ada = new ConsoleClient(base);
        assertEquals(200, ada.signIn("ada", PASSWORD).statusCode());
        Rig.awaitTrue("the refused event parked", Duration.ofSeconds(30), () -> deadLetters(ada, "").size() == 1);
        assertTrue(signatureValid.size() >= 2 && signatureValid.stream().allMatch(v -> v),
                "retried, each attempt signed: " + signatureValid);

        JsonObject status = new JsonObject(ada.get("/api/admin/webhooks").body());
        JsonObject crm = status.getJsonArray("subscriptions").getJsonObject(0);
        assertEquals("crm", crm.getString("name"));
        assertEquals(1, crm.getInteger("parked"));
        JsonObject letter = deadLetters(ada, "").getJsonObject(0);
        assertEquals(event.id(), letter.getString("eventId"));
        assertEquals("customer.changed", letter.getString("type"));
        assertTrue(letter.getString("lastError").contains("503"), letter.encode());
        long id = letter.getLong("id");

        for (String who : List.of("alex", "sara")) {
            ConsoleClient other = new ConsoleClient(base);
            assertEquals(200, other.signIn(who, PASSWORD).statusCode());
            assertEquals(403, other.get("/api/admin/webhooks").statusCode(), who);
            assertEquals(403, other.get("/api/admin/webhooks/dead-letters").statusCode(), who);
            assertEquals(403, other.change("POST", "/api/admin/webhooks/dead-letters/" + id + "/replay",
                    new JsonObject()).statusCode(), who);
        }
        assertTrue(receivedIds.isEmpty(), "nothing delivered yet: " + receivedIds);

        // still refused: the replay says so and the letter stays parked
        HttpResponse<String> refused = ada.change("POST", "/api/admin/webhooks/dead-letters/" + id + "/replay",
                new JsonObject());
        assertEquals(502, refused.statusCode(), refused.body());
        assertEquals(1, deadLetters(ada, "").size());

        answer = 200;
        HttpResponse<String> replay = ada.change("POST", "/api/admin/webhooks/dead-letters/" + id + "/replay",
                new JsonObject());
        assertEquals(200, replay.statusCode(), replay.body());
        assertTrue(new JsonObject(replay.body()).getBoolean("delivered"));
        assertEquals(List.of(event.id()), receivedIds);
        assertTrue(deadLetters(ada, "").isEmpty(), "no longer waiting");
        JsonObject replayed = deadLetters(ada, "&all=true").getJsonObject(0);
        assertEquals("ada", replayed.getString("replayedBy"));
        assertEquals(404, ada.change("POST", "/api/admin/webhooks/dead-letters/999999/replay", new JsonObject())
                .statusCode());
    }

    @Test
    @Order(2)
    @DisplayName("the admin's Webhooks panel in Chromium lists the parked event and its Replay button delivers it, "
            + "in Persian")
    void adminPanelInTheBrowser() throws Exception {
        answer = 503;
        BusinessEvent event = BusinessEvent.of(BusinessEventType.CUSTOMER_MERGED, "cust-7", Instant.now(), "{}");
        try (Connection c = DriverManager.getConnection(pg.config().url(), pg.config().username(), "")) {
            JdbcOutbox.append(c, event);
        }
        ConsoleClient ada = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, ada.signIn("ada", PASSWORD).statusCode());
        Rig.awaitTrue("the event parked", Duration.ofSeconds(30), () -> deadLetters(ada, "").size() == 1);
        answer = 200;

        WebDriver d = chromium.start();
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30), Duration.ofMillis(50));
        // the panel is drawn again as the status refreshes: an element found a moment ago may be gone, so read afresh
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        d.get("http://127.0.0.1:" + server.httpPort() + "/console/");
        wait.until(x -> x.findElement(By.id("username")).isDisplayed());
        d.findElement(By.id("username")).sendKeys("ada");
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("signin-button")).click();
        wait.until(x -> !x.findElements(By.cssSelector("#webhook-dead-letters tr[data-id]")).isEmpty());
        String row = wait.until(x -> x.findElement(By.cssSelector("#webhook-dead-letters tr[data-id]")).getText());
        assertTrue(row.contains(event.id()), row);
        wait.until(x -> x.findElement(By.id("webhook-subscriptions")).getText().contains("crm"));
        d.findElement(By.id("lang")).click();
        wait.until(x -> "rtl".equals(x.findElement(By.tagName("html")).getAttribute("dir")));
        wait.until(x -> x.findElement(By.id("webhooks-panel")).getText().contains("وب‌هوک‌ها"));
        wait.until(x -> "ارسال دوباره".equals(x.findElement(By.cssSelector("#webhook-dead-letters .webhook-replay"))
                .getText()));
        wait.until(x -> {
            x.findElement(By.cssSelector("#webhook-dead-letters .webhook-replay")).click();
            return true;
        });
        wait.until(x -> x.findElement(By.id("webhook-status")).getText().contains("تحویل شد"));
        assertTrue(receivedIds.contains(event.id()), receivedIds.toString());
        assertTrue(deadLetters(ada, "").isEmpty());
    }

    private static JsonArray deadLetters(ConsoleClient c, String query) {
        HttpResponse<String> r = c.get("/api/admin/webhooks/dead-letters?subscription=crm" + query);
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body()).getJsonArray("deadLetters");
    }
}
