package cc.launcher;

import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recordings directory unwritable under a recorded call, through the whole server and the simulator: the call goes
 * on to its agent and ends as usual, the call's recording is stored as {@code failed} with why, and /health says
 * {@code recordings} DOWN until a later call's file is written again.
 *
 * <p>How it is made unwritable: the tests run as root in CI, and root ignores permission bits, so {@code chmod} would
 * prove nothing. The monitor directory is replaced by a regular FILE of that name: creating anything under it fails
 * for every user (ENOTDIR), as a missing mount or a full disk fails Asterisk's MixMonitor, which then records nothing
 * and still answers Success.
 */
class RecordingsUnwritableIT {
    private static final String SECRET = "rec-unwritable-secret";

    private static PostgresTestDatabase pg;
    private static ServerTables tables;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static Path monitor;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        tables = new ServerTables(pg);
        int agiPort = Rig.freePort();
        PhoneBehaviour agent = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(200), Distribution.fixed(60_000));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(200))
                .phones(Phones.builder().number("4901", agent).build())
                .build());
        monitor = simulator.recordingsDir().resolve("var/spool/asterisk/monitor");
        server = Server.start(ServerConfig.read(ConfigNode.parse("rec-unwritable.yaml", Rig.serverYaml(simulator,
                agiPort, "acd-flows", "acd", pg,
                "acd:",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues:",
                "    - {id: sales, wrapUp: 0s, recording: always}",
                "  agents:",
                "    - {id: rec-agent, phone: PJSIP/4901, queues: [sales]}",
                "recording: {readDirectory: '" + monitor + "'}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    void callGoesOnRecordingFailsHealthSaysSo() throws Exception {
        Files.createDirectories(monitor.getParent());
        Files.deleteIfExists(monitor);
        Files.writeString(monitor, "not a directory");

        CallOutcome first = call("09171230001");
        assertTrue(first.reachedAgent(), "the call went on to its agent: " + first);
        String interaction = tables.one(String.class, "select id from interactions where caller_number = ?",
                "09171230001");
        Rig.awaitTrue("the call's recording is stored as failed", Duration.ofSeconds(15), () -> "failed".equals(
                tables.one(String.class, "select end_reason from interaction_recordings where interaction_id = ?",
                        interaction)));
        String detail = tables.one(String.class, "select detail from interaction_recordings where interaction_id = ?",
                interaction);
        assertTrue(detail.startsWith("no file written in " + monitor), detail);
        assertTrue(tables.one(String.class, "select cast(ended_at as varchar) from interactions where id = ?",
                interaction) != null, "the call's record ended as usual");
        HttpResponse<String> down = health();
        assertEquals(503, down.statusCode(), down.body());
        JsonObject rec = new JsonObject(down.body()).getJsonObject("checks").getJsonObject("recordings");
        assertEquals("DOWN", rec.getString("status"));
        assertTrue(rec.getString("detail").contains(monitor + " is not a directory"), rec.encode());

        // the directory comes back: the next call's file is written and /health is up again
        Files.delete(monitor);
        Files.createDirectories(monitor);
        CallOutcome second = call("09171230002");
        assertTrue(second.reachedAgent(), second.toString());
        Rig.awaitTrue("/health is up again", Duration.ofSeconds(15), () -> health().statusCode() == 200);
        String secondInteraction = tables.one(String.class, "select id from interactions where caller_number = ?",
                "09171230002");
        assertEquals("ended", tables.one(String.class,
                "select end_reason from interaction_recordings where interaction_id = ?", secondInteraction));
        System.out.printf("RecordingsUnwritableIT: injected %s as a regular file (ENOTDIR, even for root); counted: "
                        + "call reached its agent and ended, recording row failed (\"%s\"), /health recordings DOWN;"
                        + " after the directory came back: next call's file written, /health 200%n",
                monitor, detail);
    }

    private static CallOutcome call(String number) throws Exception {
        SimulatedCall c = simulator.placeInboundCall(new InboundCall(number, "Rec caller", "02100000", null,
                List.of(new DtmfStep(300, "1")), 20_000, 3_000));
        return c.awaitEnd(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
