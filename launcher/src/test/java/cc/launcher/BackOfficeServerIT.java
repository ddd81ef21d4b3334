package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.ConsoleClient;
import cc.core.adapter.jdbc.Database;
import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The back-office API as the whole server serves it (PostgreSQL, the real ACD behind the call back path): a key an
 * admin makes in the console upserts a customer, whose customer.created is in the outbox, and promises a call back
 * the ACD accepts.
 */
class BackOfficeServerIT {
    private static final String SECRET = "backoffice-secret";
    private static final String PASSWORD = "correct horse battery";
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        int agiPort = Rig.freePort();
        simulator = AsteriskSimulator.start(SimulatorConfig.builder().amiUser("cc", SECRET)
                .agi("127.0.0.1", agiPort, "acd?lang=en").build());
        server = Server.start(ServerConfig.read(ConfigNode.parse("backoffice.yaml", Rig.serverYaml(simulator,
                agiPort, "acd-flows", "acd", pg, "", "", ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        server.console().users().save(new UserAccount(new Principal("ada", "ada", Role.ADMIN, "", "en", ""),
                new PasswordHasher().hash(PASSWORD.toCharArray()), true)).await();
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
    }

    private static HttpResponse<String> call(String key, String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                + "/backoffice/v1" + path)).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a key made by an admin upserts a customer (its event in the outbox) and promises a call back the ACD takes")
    void keyAtWork() throws Exception {
        ConsoleClient ada = new ConsoleClient("http://127.0.0.1:" + server.httpPort());
        assertEquals(200, ada.signIn("ada", PASSWORD).statusCode());
        HttpResponse<String> made = ada.change("POST", "/api/admin/api-keys", new JsonObject().put("name", "ERP")
                .put("scopes", new JsonArray().add("customers:write").add("callbacks:create")).put("perMinute", 600));
        assertEquals(201, made.statusCode(), made.body());
        String key = new JsonObject(made.body()).getString("key");

        HttpResponse<String> up = call(key, "PUT", "/customers/external/erp/E-77", new JsonObject()
                .put("name", "Nina Novak").put("phones", new JsonArray().add("09127770077")));
        assertEquals(201, up.statusCode(), up.body());
        long id = new JsonObject(up.body()).getJsonObject("customer").getLong("id");
        HttpResponse<String> cb = call(key, "POST", "/callbacks", new JsonObject().put("number", "09127770077")
                .put("customerId", id).put("at", Instant.now().plusSeconds(3600).toString()).put("note", "renewal"));
        assertEquals(202, cb.statusCode(), cb.body());
        assertEquals(403, call(key, "GET", "/customers/" + id, null).statusCode());

        Vertx vertx = Vertx.vertx();
        try (Database db = Database.open(vertx, pg.config()).await()) {
            String type = db.withConnection(c -> {
                try (PreparedStatement st = c.prepareStatement("select event_type from outbox_events"
                        + " where entity_id = ?")) {
                    st.setString(1, Long.toString(id));
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "";
                    }
                }
            }).await();
            assertEquals("customer.created", type);
        } finally {
            vertx.close().await();
        }
    }
}
