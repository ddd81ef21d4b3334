package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Phones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole server's public help page: served at /help/ without signing in, the waiting time of the configured public
 * queue following a real caller the simulator puts in it (through the IVR and the ACD's figures), the business hours
 * of the configuration, and a POST from another site refused.
 */
class SelfServiceEndToEndIT {
    private static final String SECRET = "selfservice-e2e-secret";
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(Phones.builder().build())
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("selfservice-e2e.yaml", Rig.serverYaml(simulator,
                agiPort, "acd-flows", "acd", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  interval: 1s",
                "  queues:",
                "    - {id: sales}",
                "    - {id: lonely}",
                "  agents:",
                "    - {id: nobody-home, phone: PJSIP/2999, queues: [lonely]}",
                "selfService:",
                "  queues:",
                "    - {queue: sales, en: Sales, fa: فروش}",
                "  hours: {zone: Asia/Tehran, monday: ['09:00-17:00'], holidays: ['2026-12-25']}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("the page is public, the public queue's wait follows a real caller waiting in it, hours as configured,"
            + " and another site cannot post")
    void publicPage() throws Exception {
        HttpResponse<String> page = get("/help/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("help.js"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));

        SimulatedCall caller = simulator.placeInboundCall(InboundCall.of("09131000000", "Caller", "02100000")
                .withPatienceMs(30_000));
        Rig.awaitTrue("the help page shows the caller waiting in sales", Duration.ofSeconds(25), () -> {
            JsonArray queues = new JsonObject(get("/help/api/queues?lang=fa").body()).getJsonArray("queues");
            return queues.size() == 1 && queues.getJsonObject(0).getBoolean("known", false)
                    && queues.getJsonObject(0).getInteger("waiting") >= 1;
        });
        JsonObject sales = new JsonObject(get("/help/api/queues?lang=fa").body()).getJsonArray("queues")
                .getJsonObject(0);
        assertEquals("فروش", sales.getString("name"));
        assertFalse(sales.encode().contains("nobody-home"), "no agent is ever named");
        assertFalse(get("/help/api/queues").body().contains("lonely"), "only the configured public queues");
        caller.hangup();

        JsonObject hours = new JsonObject(get("/help/api/hours").body());
        assertEquals("Asia/Tehran", hours.getString("zone"));
        assertEquals(1, hours.getJsonObject("week").size());
        assertEquals("2026-12-25", hours.getJsonArray("holidays").getString(0));

        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.httpPort() + "/help/api/orders/status")).header("Content-Type", "application/json")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"order\":\"1\",\"lastFour\":\"1234\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode());
    }
}
