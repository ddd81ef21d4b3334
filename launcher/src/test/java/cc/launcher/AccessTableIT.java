package cc.launcher;

import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.testing.AccessTable;
import cc.console.testing.ConsoleClient;
import cc.core.config.ConfigNode;
import cc.core.testkit.PostgresTestDatabase;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security review's access table ({@code agent-console/README.md}) against the whole server as it runs (every
 * optional part on: email with a real mailbox, chat, reports, recordings, the public help page): every route the HTTP
 * router has is a row of the table, and what the table's rules say is what the server does, row by row:
 * without a session every signed-in route answers 401; an agent gets 403 from every supervisor and admin route, a
 * supervisor from every admin route; every change made with the session cookie but without the CSRF token gets 403;
 * every public change from another site's page gets 403.
 */
class AccessTableIT {
    private static final String SECRET = "access-table-secret";
    private static final String PASSWORD = "correct horse battery";
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static PostgresTestDatabase pg;
    private static AsteriskSimulator simulator;
    private static GreenMail mail;
    private static Server server;
    private static AccessTable table;
    private static String base;

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
        server = Server.start(ServerConfig.read(ConfigNode.parse("access-table.yaml", Rig.serverYaml(simulator,
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
                "", ""), Map.of("AMI_SECRET", SECRET)::get))).await();
        String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
        for (String[] u : List.of(new String[]{"ali", "AGENT", "a1"}, new String[]{"sara", "SUPERVISOR", ""},
                new String[]{"ada", "ADMIN", ""})) {
            server.console().users().save(new UserAccount(new Principal(u[0], u[0], Role.valueOf(u[1]), u[2], "en",
                    ""), hash, true)).await();
        }
        table = AccessTable.read();
        base = "http://127.0.0.1:" + server.httpPort();
    }

    @AfterAll
    static void stop() throws Exception {
        Rig.closeAll(server, simulator, pg);
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @DisplayName("every route the server's HTTP router has is a row of the access table")
    void routesHaveRows() {
        Set<String> registered = new LinkedHashSet<>(server.httpRoutes());
        List<String> missing = new ArrayList<>();
        for (String key : registered) {
            if (table.route(key).isEmpty()) {
                String[] mp = key.split(" ", 2);
                missing.add("| " + mp[0] + " | `" + mp[1] + "` | ? | ? | ? |");
            }
        }
        assertEquals(List.of(), missing, "routes without a row in agent-console/README.md's access table");
        assertTrue(registered.size() > 100, "the whole server's routes: " + registered.size());
    }

    @Test
    @DisplayName("without a session, every route for signed-in users answers 401 and does nothing")
    void signInRequired() {
        List<String> wrong = new ArrayList<>();
        ConsoleClient nobody = new ConsoleClient(base);
        int checked = 0;
        for (AccessTable.Route r : endpoints()) {
            if (r.session()) {
                checked++;
                int status = nobody.send(r.method(), AccessTable.concrete(r.path()), r.change() ? new JsonObject() : null,
                        false).statusCode();
                if (status != 401) {
                    wrong.add(r.key() + " -> " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 80, "routes checked: " + checked);
    }

    @Test
    @DisplayName("an agent gets 403 from every supervisor and admin route, a supervisor from every admin route")
    void rolesRefusedWith403() {
        ConsoleClient agent = signIn("ali");
        ConsoleClient supervisor = signIn("sara");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (AccessTable.Route r : endpoints()) {
            List<ConsoleClient> refused = r.rule().equals("admin") ? List.of(agent, supervisor)
                    : r.rule().equals("supervisor") ? List.of(agent) : List.of();
            for (ConsoleClient c : refused) {
                checked++;
                int status = c.send(r.method(), AccessTable.concrete(r.path()), r.change() ? new JsonObject() : null,
                        true).statusCode();
                if (status != 403) {
                    wrong.add(r.key() + " as " + (c == agent ? "agent" : "supervisor") + " -> " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 60, "refusals checked: " + checked);
    }

    @Test
    @DisplayName("every change sent with the session cookie but without the CSRF token is refused with 403")
    void changesNeedCsrfToken() {
        ConsoleClient admin = signIn("ada");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (AccessTable.Route r : endpoints()) {
            if (r.session() && r.change()) {
                checked++;
                int status = admin.changeWithoutToken(r.method(), AccessTable.concrete(r.path()), new JsonObject())
                        .statusCode();
                if (status != 403) {
                    wrong.add(r.key() + " -> " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 40, "changes checked: " + checked);
        assertEquals(200, admin.get("/api/session").statusCode(), "the admin's session is still good");
    }

    @Test
    @DisplayName("every public change posted from another site's page is refused with 403")
    void publicChangesRefuseOtherSites() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (AccessTable.Route r : endpoints()) {
            if (r.rule().equals("public") && r.change() && r.path().startsWith("/help/")) {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base
                                + AccessTable.concrete(r.path()))).header("Content-Type", "application/json")
                        .header("Origin", "https://evil.example").timeout(Duration.ofSeconds(10))
                        .method(r.method(), HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() != 403) {
                    wrong.add(r.key() + " -> " + res.statusCode());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The rows that are endpoints with one method and a path without wildcards (filters are not called alone). */
    private static List<AccessTable.Route> endpoints() {
        return table.routes().values().stream().filter(r -> !r.rule().equals("filter") && !r.method().contains(",")
                && !r.method().equals("*") && !r.path().contains("*")).toList();
    }

    private static ConsoleClient signIn(String user) {
        ConsoleClient c = new ConsoleClient(base);
        assertEquals(200, c.signIn(user, PASSWORD).statusCode());
        return c;
    }
}
