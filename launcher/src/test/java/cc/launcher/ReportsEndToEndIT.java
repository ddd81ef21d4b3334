package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The day's queue report of the whole server equals what the ACD itself counted (its interval rows, the figures the
 * wallboard showed): callers run through the simulator, the IVR and the ACD; some reach the agent, some give up in
 * a queue nobody can answer; the report is read over HTTP as a supervisor would.
 */
class ReportsEndToEndIT {
    private static final String SECRET = "reports-e2e-secret";
    private static final String PASSWORD = "correct horse battery staple";
    private static final long KEY_AT_MS = 1_500;
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
                .phones(Phones.builder()
                        .number("2001", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300),
                                Distribution.fixed(1_500)))
                        .build())
                .build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("reports-e2e.yaml", Rig.serverYaml(simulator, agiPort,
                "acd-flows", "acd", pg,
                "acd:",
                "  ringTimeout: 3s",
                "  tickEvery: 100ms",
                "  interval: 1s",
                "  agentsAvailableAtStart: true",
                "  queues:",
                "    - {id: sales, wrapUp: 0s}",
                "    - {id: lonely, skills: 'klingon:9'}",
                "  agents:",
                "    - {id: seller, phone: PJSIP/2001, queues: [sales]}",
                "    - {id: lonely-agent, phone: PJSIP/2999, queues: [lonely], skills: 'klingon:1'}",
                "reports: {zone: UTC, shortAbandon: 1s, repeatContactDays: 7, maxDays: 31}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        server.console().users().save(new UserAccount(new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", ""),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    @Test
    @DisplayName("the day's queue report shows the offered, answered and abandoned calls the ACD counted for the day")
    void dayReportEqualsTheAcdsFigures() throws Exception {
        List<SimulatedCall> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // one after another, so each finds the agent free
            SimulatedCall c = simulator.placeInboundCall(InboundCall.of("0913100000" + i, "Caller", "02100000")
                    .withDtmf(new DtmfStep(KEY_AT_MS, "1")).withPatienceMs(20_000));
            assertTrue(c.awaitEnd(Duration.ofSeconds(30)).reachedAgent(), "caller " + i + " reached the agent");
            calls.add(c);
        }
        for (int i = 0; i < 2; i++) {
            // nobody has the skill: the caller waits and hangs up after four seconds
            calls.add(simulator.placeInboundCall(InboundCall.of("0913200000" + i, "Caller", "02100000")
                    .withDtmf(new DtmfStep(KEY_AT_MS, "3")).withPatienceMs(4_000)));
        }
        for (SimulatedCall c : calls) {
            c.awaitEnd(Duration.ofSeconds(30));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Rig.awaitTrue("the ACD's interval rows hold all five callers", Duration.ofSeconds(20),
                () -> acd("sales", today)[0] == 3 && acd("lonely", today)[0] == 2 && acd("lonely", today)[2] == 2);
        Rig.awaitTrue("every interaction record has ended", Duration.ofSeconds(20),
                () -> count("select count(*) from interactions where ended_at is not null") == 5);

        ConsoleClient sara = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, sara.signIn("sara", PASSWORD).statusCode());
        HttpResponse<String> r = sara.get("/api/reports/queues?from=" + today + "&to=" + today + "&interval=day");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray rows = new JsonObject(r.body()).getJsonArray("rows");
        Map<String, JsonObject> byQueue = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byQueue.put(rows.getJsonObject(i).getString("queue"), rows.getJsonObject(i));
        }
        for (String queue : List.of("sales", "lonely")) {
            long[] acd = acd(queue, today);
            JsonObject row = byQueue.get(queue);
            assertEquals(acd[0], row.getLong("offered"), queue + " offered: report " + row + " vs ACD");
            assertEquals(acd[1], row.getLong("answered"), queue + " answered");
            assertEquals(acd[2], row.getLong("abandoned"), queue + " abandoned");
        }
        assertEquals(3, byQueue.get("sales").getLong("answered"));
        assertEquals(2, byQueue.get("lonely").getLong("abandoned"));
    }

    /** The ACD's own offered, answered and abandoned for the queue over the UTC day, from its interval rows. */
    private static long[] acd(String queue, LocalDate day) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select coalesce(sum(offered), 0), coalesce(sum(answered), 0),"
                     + " coalesce(sum(abandoned), 0) from acd_queue_interval where queue_id = ?"
                     + " and interval_start >= ? and interval_start < ?")) {
            ps.setString(1, queue);
            ps.setObject(2, day.atStartOfDay().atOffset(ZoneOffset.UTC));
            ps.setObject(3, day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.config().url(), "postgres", "");
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
