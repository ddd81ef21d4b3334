package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.config.ConfigNode;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole server with the warehouse export on (CSV, report zone UTC): an admin runs it from the console's API and
 * yesterday's call is in the file; a supervisor may not; a second run writes nothing.
 */
class WarehouseExportApiIT {
    private static final String SECRET = "warehouse-secret";
    private static final String PASSWORD = "correct horse battery";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        dir = Files.createTempDirectory("cc-warehouse-api-");
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en").build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("warehouse-api.yaml", Rig.serverYaml(simulator,
                agiPort, "acd-flows", "acd", pg,
                "reports: {zone: UTC}",
                "warehouse: {enabled: true, directory: '" + dir + "', format: csv, catchUpDays: 2}",
                ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        for (String[] u : List.of(new String[]{"ada", "ADMIN"}, new String[]{"sara", "SUPERVISOR"})) {
            server.console().users().save(new UserAccount(new Principal(u[0], u[0], Role.valueOf(u[1]), "", "en", ""),
                    new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
        }
        Vertx vertx = Vertx.vertx();
        try (Database db = Database.open(vertx, pg.config()).await()) {
            Instant yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
            new JdbcInteractionStore(db).save(Interaction.newCall("api-1", Direction.INBOUND, "pbx1", "c1", "0912",
                    "", "100", yesterday).answered(yesterday).withDisposition("sale", "")
                    .ended(yesterday.plusSeconds(60), "normal")).await();
        } finally {
            vertx.close().await();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    @DisplayName("an admin runs the export from the console's API and gets yesterday's call in a CSV file; a supervisor "
            + "is refused; a second run writes nothing")
    void adminRunsTheExport() throws Exception {
        String base = "http://127.0.0.1:" + server.httpPort();
        ConsoleClient sara = new ConsoleClient(base);
        assertEquals(200, sara.signIn("sara", PASSWORD).statusCode());
        assertEquals(403, sara.change("POST", "/api/admin/warehouse/export", new JsonObject()).statusCode());

        ConsoleClient ada = new ConsoleClient(base);
        assertEquals(200, ada.signIn("ada", PASSWORD).statusCode());
        HttpResponse<String> first = ada.change("POST", "/api/admin/warehouse/export", new JsonObject());
        assertEquals(200, first.statusCode(), first.body());
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertTrue(new JsonObject(first.body()).getJsonArray("partitions").contains(
                "dw_interactions/date=" + yesterday), first.body());
        List<String> lines = Files.readAllLines(dir.resolve("dw_interactions/date=" + yesterday + "/part-0.csv"));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("api-1,voice,inbound,pbx1,"), lines.get(1));

        HttpResponse<String> second = ada.change("POST", "/api/admin/warehouse/export", new JsonObject());
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(0, new JsonObject(second.body()).getInteger("written"), second.body());
        assertEquals(0, new JsonObject(second.body()).getInteger("rewritten"), second.body());
    }
}
