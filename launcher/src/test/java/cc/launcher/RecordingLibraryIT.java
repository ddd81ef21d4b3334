package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.RecordingChanged;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.testkit.PostgresTestDatabase;
import cc.core.testkit.Wavs;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recordings library as the server wires it: a change published by call control on the event bus is stored, and
 * the file, written where the (simulated) Asterisk writes it, is played from the console's API.
 */
class RecordingLibraryIT {
    private static final String SECRET = "rec-secret";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    static Path simulatorHost;
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en").recordingsDir(simulatorHost).build());
        String config = Rig.serverYaml(simulator, agiPort, "acd-flows", "acd", pg,
                "recording:",
                "  directory: /var/spool/asterisk/monitor",
                "  readDirectory: '" + simulatorHost.resolve("var/spool/asterisk/monitor") + "'",
                "  agentsHearOwnCalls: true",
                "");
        server = Server.start(ServerConfig.read(ConfigNode.parse("recording-it.yaml", config,
                Map.of("AMI_SECRET", SECRET)::get))).await();
        server.console().users().save(new UserAccount(new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", ""),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("call control's recording change is stored and its file plays from the console")
    void changeStoredAndPlayed() throws Exception {
        Instant t0 = Instant.parse("2026-12-02T07:00:00Z");
        Interaction call = Interaction.newCall("rec-call-1", Direction.INBOUND, "pbx1", "c1", "09120000000", "",
                "1500", t0).withSegment(new Segment(SegmentKind.TALK, t0, Optional.of(t0.plusSeconds(60)), "a1",
                "support", "", Segment.CALLER_HUNG_UP, "")).withAgent("a1");
        server.console().interactions().save(call).await();
        String file = "2026/12/02/rec-call-1-1.wav";
        // what Asterisk leaves at /var/spool/asterisk/monitor/<file> on the (simulated) Asterisk host
        byte[] wav = Wavs.write(simulator.recordingsDir().resolve("var/spool/asterisk/monitor").resolve(file), 300);
        server.vertx().eventBus().publish(CallControlAddresses.RECORDING_CHANGED,
                new RecordingChanged("rec-call-1", "pbx1", file, "started", "policy", "", t0));
        server.vertx().eventBus().publish(CallControlAddresses.RECORDING_CHANGED,
                new RecordingChanged("rec-call-1", "pbx1", file, "ended", "system", "", t0.plusSeconds(60)));
        Rig.awaitTrue("the change is stored", Duration.ofSeconds(10), () -> server.recordings().find(file).await()
                .map(f -> !f.isOpen()).orElse(false));

        ConsoleClient sara = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, sara.signIn("sara", PASSWORD).statusCode());
        JsonArray list = new JsonArray(sara.get("/api/calls/rec-call-1/recordings").body());
        assertEquals(1, list.size());
        assertEquals("ended", list.getJsonObject(0).getString("endReason"));
        HttpResponse<byte[]> played = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + list.getJsonObject(0).getString("url")))
                .header("Cookie", sara.cookie).header("Range", "bytes=0-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, played.statusCode());
        assertArrayEquals(wav, played.body());
    }
}
