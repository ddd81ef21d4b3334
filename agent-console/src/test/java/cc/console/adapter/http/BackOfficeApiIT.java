package cc.console.adapter.http;

import cc.console.adapter.jdbc.JdbcBackOffice;
import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.DialerStandIn;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.ScheduleCallback;
import cc.core.domain.interaction.Interaction;
import cc.core.testkit.Await;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The back-office API over real HTTP against PostgreSQL: keys made by an admin in the console's API, every endpoint
 * under each scope, revoked and unknown keys, the rate limit, upserts, bulk imports, merges and the interaction
 * search. The dialer's and the ACD's side of the event bus are stand-ins at the module boundary.
 */
class BackOfficeApiIT {
    private static final List<String> SCOPES = List.of("customers:read", "customers:write", "interactions:read",
            "callbacks:create", "campaigns:manage");

    private static ConsoleFixture fx;
    private static HttpServer server;
    private static ConsoleClient admin;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> keyByScope = new java.util.HashMap<>();
    private static final List<ScheduleCallback> callbacks = new CopyOnWriteArrayList<>();
    private static String allScopes;
    private static long seeded;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("adi", Role.ADMIN, "", "en");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        DialerStandIn.register(fx.vertx);
        fx.vertx.eventBus().<ScheduleCallback>consumer(ConsoleAddresses.CALLBACK_SCHEDULE, m -> {
            callbacks.add(m.body());
            m.reply("scheduled");
        });
        Router router = Router.router(fx.vertx);
        new ConsoleWeb(fx.vertx, fx.console).withBackOffice(JdbcBackOffice.web(fx.vertx, fx.db, fx.console))
                .mount(router);
        server = Await.result(fx.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        admin = new ConsoleClient(base());
        assertEquals(200, admin.signIn("adi", ConsoleFixture.PASSWORD).statusCode());
        for (String scope : SCOPES) {
            keyByScope.put(scope, newKey("only " + scope, List.of(scope), 10_000));
        }
        allScopes = newKey("everything", SCOPES, 10_000);
        seeded = upsert(allScopes, "crm", "SEED-1", new JsonObject().put("name", "Seed Customer")
                .put("phones", new JsonArray().add("09120000001"))).getJsonObject("customer").getLong("id");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            Await.result(server.close());
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private static String newKey(String name, List<String> scopes, int perMinute) {
        HttpResponse<String> r = admin.change("POST", "/api/admin/api-keys", new JsonObject().put("name", name)
                .put("scopes", new JsonArray(scopes)).put("perMinute", perMinute));
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("key");
    }

    private static HttpResponse<String> call(String key, String method, String path, String body, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + BackOfficeWeb.PREFIX + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            b.header("Content-Type", type);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> json(String key, String method, String path, JsonObject body) {
        return call(key, method, path, body == null ? null : body.encode(), "application/json");
    }

    private static JsonObject ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static JsonObject upsert(String key, String source, String id, JsonObject body) {
        HttpResponse<String> r = json(key, "PUT", "/customers/external/" + source + "/" + id, body);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.body());
        return new JsonObject(r.body());
    }

    private static void interaction(String id, long customerId, Instant offeredAt, boolean answered) {
        Await.result(fx.db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into interactions (id, channel, direction,"
                    + " offered_at, ended_at, agent_answered_at, abandoned_where, customer_id, disposition)"
                    + " values (?, 'VOICE', 'INBOUND', ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setTimestamp(2, Timestamp.from(offeredAt));
                st.setTimestamp(3, Timestamp.from(offeredAt.plusSeconds(120)));
                st.setTimestamp(4, answered ? Timestamp.from(offeredAt.plusSeconds(20)) : null);
                st.setString(5, answered ? null : "queue");
                st.setLong(6, customerId);
                st.setString(7, answered ? "sale" : null);
                st.executeUpdate();
            }
            return null;
        }));
    }

    private static List<String> eventTypes(long customerId) {
        return Await.result(fx.db.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select event_type from outbox_events where entity_id = ?"
                    + " order by seq")) {
                st.setString(1, Long.toString(customerId));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }));
    }

    /** One endpoint: what to send, the scope it needs, the statuses it gives when that scope is there. */
    private record Endpoint(String method, String path, String body, String type, String scope, Set<Integer> ok) {
        static Endpoint json(String method, String path, JsonObject body, String scope, Integer... ok) {
            return new Endpoint(method, path, body == null ? null : body.encode(), "application/json", scope,
                    Set.of(ok));
        }
    }

    private static List<Endpoint> endpoints() {
        String now = Instant.now().plusSeconds(3600).toString();
        return List.of(
                Endpoint.json("GET", "/customers/" + seeded, null, "customers:read", 200),
                Endpoint.json("GET", "/customers/external/crm/SEED-1", null, "customers:read", 200),
                Endpoint.json("PUT", "/customers/external/crm/SCOPE-1", new JsonObject().put("name", "Scope Test"),
                        "customers:write", 200, 201),
                new Endpoint("POST", "/customers/import?source=crm", "externalId,name\nSCOPE-2,Imported\n",
                        "text/csv", "customers:write", Set.of(200)),
                Endpoint.json("POST", "/customers/" + seeded + "/merge", new JsonObject().put("duplicateId", 999_999_999L),
                        "customers:write", 404),
                Endpoint.json("GET", "/interactions?customerId=" + seeded, null, "interactions:read", 200),
                Endpoint.json("POST", "/callbacks", new JsonObject().put("number", "09121234567").put("at", now)
                        .put("note", "renewal"), "callbacks:create", 202),
                Endpoint.json("GET", "/campaigns", null, "campaigns:manage", 200),
                Endpoint.json("GET", "/campaigns/none", null, "campaigns:manage", 404),
                Endpoint.json("PUT", "/campaigns/none", new JsonObject(), "campaigns:manage", 400),
                Endpoint.json("POST", "/campaigns/none/start", null, "campaigns:manage", 404),
                Endpoint.json("GET", "/campaigns/none/report?from=2026-11-01&to=2026-11-02", null,
                        "campaigns:manage", 404),
                Endpoint.json("GET", "/call-lists", null, "campaigns:manage", 200),
                Endpoint.json("POST", "/call-lists/segment", new JsonObject(), "campaigns:manage", 400));
    }

    @Test
    @DisplayName("each scope allows its own endpoints and nothing else; a refusal is 403 naming the missing scope")
    void scopes() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String scope : SCOPES) {
                HttpResponse<String> r = call(keyByScope.get(scope), e.method(), e.path(), e.body(), e.type());
                String what = scope + " -> " + e.method() + " " + e.path() + ": " + r.statusCode() + " " + r.body();
                if (scope.equals(e.scope())) {
                    if (!e.ok().contains(r.statusCode())) {
                        wrong.add("allowed " + what);
                    }
                } else if (r.statusCode() != 403 || !new JsonObject(r.body()).getString("error").contains(e.scope())) {
                    wrong.add("not refused " + what);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("api-key:" + keyByScope.get("callbacks:create").split("_")[1],
                callbacks.get(0).requestedBy(), "the call back names the key that asked, never its secret");
    }

    @Test
    @DisplayName("a missing, unknown or revoked key gets 401; the key is shown once and only its hash is stored")
    void revoked() throws Exception {
        assertEquals(401, json(null, "GET", "/customers/" + seeded, null).statusCode());
        assertEquals(401, json("cck_000000000000_nope", "GET", "/customers/" + seeded, null).statusCode());
        HttpResponse<String> made = admin.change("POST", "/api/admin/api-keys", new JsonObject().put("name", "temp")
                .put("scopes", new JsonArray().add("customers:read")).put("perMinute", 60));
        JsonObject created = ok(made, 201);
        String key = created.getString("key");
        ok(json(key, "GET", "/customers/" + seeded, null), 200);
        JsonArray listed = ok(admin.get("/api/admin/api-keys"), 200).getJsonArray("keys");
        assertFalse(listed.encode().contains(key), "the list never shows a key again");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        String stored = Await.result(fx.db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select secret_hash from api_keys where id = ?")) {
                st.setString(1, created.getString("id"));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }));
        assertEquals(hash, stored);

        assertEquals(403, admin.changeWithoutToken("DELETE", "/api/admin/api-keys/" + created.getString("id"), null)
                .statusCode(), "revoking is a console change: it needs the CSRF token");
        ConsoleClient supervisor = new ConsoleClient(base());
        supervisor.signIn("sara", ConsoleFixture.PASSWORD);
        assertEquals(403, supervisor.change("DELETE", "/api/admin/api-keys/" + created.getString("id"), null)
                .statusCode(), "admins only");
        JsonObject revoked = ok(admin.change("DELETE", "/api/admin/api-keys/" + created.getString("id"), null), 200);
        assertFalse(revoked.getBoolean("active"));
        HttpResponse<String> refused = json(key, "GET", "/customers/" + seeded, null);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("revoked"), refused.body());
    }

    @Test
    @DisplayName("past its requests per minute a key gets 429 with Retry-After")
    void rateLimit() {
        String key = newKey("slow", List.of("customers:read"), 2);
        ok(json(key, "GET", "/customers/" + seeded, null), 200);
        ok(json(key, "GET", "/customers/" + seeded, null), 200);
        HttpResponse<String> third = json(key, "GET", "/customers/" + seeded, null);
        assertEquals(429, third.statusCode(), third.body());
        long retry = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 30, "Retry-After " + retry);
        ok(json(allScopes, "GET", "/customers/" + seeded, null), 200);
    }

    @Test
    @DisplayName("an upsert twice gives one customer and one event; a change gives customer.changed; bad bodies are 400 naming the field")
    void upsertTwice() {
        JsonObject body = new JsonObject().put("name", "Maryam Karimi").put("phones", new JsonArray().add("۰۹۱۲۳۳۳۰۰۰۱"))
                .put("emails", new JsonArray().add("Maryam@Example.com")).put("language", "fa")
                .put("timeZone", "Asia/Tehran");
        HttpResponse<String> first = json(allScopes, "PUT", "/customers/external/erp/M-1", body);
        JsonObject made = ok(first, 201);
        JsonObject again = ok(json(allScopes, "PUT", "/customers/external/erp/M-1", body), 200);
        assertEquals("created", made.getString("result"));
        assertEquals("unchanged", again.getString("result"));
        long id = made.getJsonObject("customer").getLong("id");
        assertEquals(id, again.getJsonObject("customer").getLong("id"));
        assertEquals(List.of("09123330001"), again.getJsonObject("customer").getJsonArray("phones").getList());
        long count = Await.result(fx.db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("select count(*) from customers"
                    + " where external_source = 'erp' and external_id = 'M-1'"); ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertEquals(1, count);
        assertEquals(List.of("customer.created"), eventTypes(id));
        JsonObject changed = ok(json(allScopes, "PUT", "/customers/external/erp/M-1", body.copy().put("segment", "gold")),
                200);
        assertEquals("updated", changed.getString("result"));
        assertEquals(List.of("customer.created", "customer.changed"), eventTypes(id));
        assertEquals("Maryam Karimi", ok(json(allScopes, "GET", "/customers/external/erp/M-1", null), 200)
                .getString("name"));

        assertTrue(ok(json(allScopes, "PUT", "/customers/external/erp/M-2", new JsonObject().put("name", "X")
                .put("nmae", "typo")), 400).getString("error").startsWith("nmae:"));
        assertTrue(ok(json(allScopes, "PUT", "/customers/external/erp/M-2", new JsonObject().put("name", "X")
                .put("phones", "0912")), 400).getString("error").startsWith("phones:"));
        assertTrue(ok(json(allScopes, "PUT", "/customers/external/erp/M-2", new JsonObject().put("name", "X")
                .put("timeZone", "Mars/Base")), 400).getString("error").startsWith("timeZone:"));
        assertTrue(ok(json(allScopes, "PUT", "/customers/external/e%20rp/M-2", new JsonObject().put("name", "X")), 400)
                .getString("error").startsWith("source:"));
        assertEquals(409, json(allScopes, "PUT", "/customers/external/erp/M-3", new JsonObject().put("name", "Other")
                .put("phones", new JsonArray().add("09123330001"))).statusCode(), "a number another customer has");
        assertTrue(ok(json(allScopes, "GET", "/interactions?limit=0", null), 400).getString("error")
                .startsWith("limit:"));
        assertTrue(ok(json(allScopes, "GET", "/interactions?outcome=won", null), 400).getString("error")
                .startsWith("outcome:"));
        assertEquals(422, json(allScopes, "POST", "/callbacks", new JsonObject().put("number", "09091234567"))
                .statusCode(), "premium numbers are refused by the dial rules");
    }

    @Test
    @DisplayName("a CSV and a JSON-lines import report created, updated, unchanged and each rejected line with its reason")
    void bulkImport() {
        upsert(allScopes, "shop", "S-2", new JsonObject().put("name", "Before"));
        upsert(allScopes, "shop", "S-3", new JsonObject().put("name", "Same"));
        String csv = "\uFEFFexternalId,name,phones,emails,language\r\n"
                + "S-1,\"Karimi, Maryam\",09124440001;+98 912 444 0002,m@x.ir,fa\r\n"
                + "S-2,After,,,en\r\n"
                + "S-3,Same,,,fa\r\n"
                + "S-4,,09124440004,,fa\r\n"
                + "S-5,Bad Phone,call me,,fa\r\n"
                + "S-6,Too,many,fields,here,now\r\n"
                + "\r\n"
                + "S-7,\"open quote,,,fa\r\n"
                + "S-8,Taken,09120000001,,fa\r\n"
                + "S-9,Last,09124440009,,en\r\n";
        JsonObject report = ok(call(allScopes, "POST", "/customers/import?source=shop", csv,
                "text/csv; charset=utf-8"), 200);
        assertEquals(2, report.getInteger("created"), report.encode());
        assertEquals(1, report.getInteger("updated"));
        assertEquals(1, report.getInteger("unchanged"));
        assertEquals(5, report.getInteger("rejected"));
        List<Integer> lines = report.getJsonArray("rejections").stream().map(o -> ((JsonObject) o).getInteger("line"))
                .toList();
        assertEquals(List.of(5, 6, 7, 9, 10), lines.stream().sorted().toList());
        Map<Integer, String> reasons = new java.util.HashMap<>();
        report.getJsonArray("rejections").forEach(o -> reasons.put(((JsonObject) o).getInteger("line"),
                ((JsonObject) o).getString("reason")));
        assertTrue(reasons.get(5).startsWith("name:"), reasons.toString());
        assertTrue(reasons.get(6).startsWith("phones:"), reasons.toString());
        assertTrue(reasons.get(7).contains("fields"), reasons.toString());
        assertTrue(reasons.get(9).contains("quoted"), reasons.toString());
        assertTrue(reasons.get(10).contains("already belongs to customer " + seeded), reasons.toString());
        JsonObject karimi = ok(json(allScopes, "GET", "/customers/external/shop/S-1", null), 200);
        assertEquals("Karimi, Maryam", karimi.getString("name"));
        assertEquals(List.of("09124440001", "+98 912 444 0002"), karimi.getJsonArray("phones").getList());

        String lines2 = "{\"externalId\":\"J-1\",\"name\":\"Json One\",\"phones\":[\"09125550001\"]}\n"
                + "not json\n"
                + "{\"externalId\":\"J-2\"}\n"
                + "{\"externalId\":\"J-1\",\"name\":\"Json One\",\"phones\":[\"09125550001\"]}\n";
        JsonObject jr = ok(call(allScopes, "POST", "/customers/import?source=shop", lines2, "application/x-ndjson"),
                200);
        assertEquals(1, jr.getInteger("created"), jr.encode());
        assertEquals(1, jr.getInteger("unchanged"));
        assertEquals(2, jr.getInteger("rejected"));
        assertEquals(2, jr.getJsonArray("rejections").getJsonObject(0).getInteger("line"));
        assertEquals(3, jr.getJsonArray("rejections").getJsonObject(1).getInteger("line"));

        assertTrue(ok(call(allScopes, "POST", "/customers/import?source=shop", "id,name\n1,x\n", "text/csv"), 400)
                .getString("error").startsWith("header:"));
        assertTrue(ok(call(allScopes, "POST", "/customers/import", "externalId,name\n1,x\n", "text/csv"), 400)
                .getString("error").startsWith("source:"));
        assertEquals(415, call(allScopes, "POST", "/customers/import?source=shop", "x", "text/plain").statusCode());
    }

    @Test
    @DisplayName("a merge keeps both customers' interactions, phones and emails on the kept one's timeline and writes customer.merged")
    void merge() {
        long kept = upsert(allScopes, "crm", "K-1", new JsonObject().put("name", "Reza Ahmadi")
                .put("phones", new JsonArray().add("09126660001"))).getJsonObject("customer").getLong("id");
        long dup = upsert(allScopes, "crm", "K-2", new JsonObject().put("name", "R. Ahmadi")
                .put("phones", new JsonArray().add("09126660002")).put("emails", new JsonArray().add("reza@x.ir")))
                .getJsonObject("customer").getLong("id");
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        interaction("bo-merge-1", kept, t, true);
        interaction("bo-merge-2", dup, t.plusSeconds(600), false);
        interaction("bo-merge-3", dup, t.plusSeconds(1200), true);

        JsonObject merged = ok(json(allScopes, "POST", "/customers/" + kept + "/merge",
                new JsonObject().put("duplicateId", dup)), 200);
        assertEquals(2, merged.getJsonObject("moved").getInteger("interactions"));
        assertEquals(List.of("09126660001", "09126660002"), merged.getJsonObject("customer").getJsonArray("phones")
                .getList());
        assertEquals(List.of("reza@x.ir"), merged.getJsonObject("customer").getJsonArray("emails").getList());
        assertEquals(kept, ok(json(allScopes, "GET", "/customers/" + dup, null), 200).getLong("mergedInto"));

        List<Interaction> timeline = Await.result(fx.interactions.forCustomer(kept, 10));
        assertEquals(List.of("bo-merge-3", "bo-merge-2", "bo-merge-1"), timeline.stream().map(Interaction::id).toList());
        assertEquals(kept, Await.result(fx.customers.findByPhone("09126660002")).orElseThrow().id(),
                "the duplicate's number pops the kept customer");
        assertTrue(eventTypes(kept).contains("customer.merged"), eventTypes(kept).toString());

        JsonObject page1 = ok(json(allScopes, "GET", "/interactions?customerId=" + kept
                + "&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&limit=2", null), 200);
        assertEquals(List.of("bo-merge-3", "bo-merge-2"), page1.getJsonArray("interactions").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList());
        JsonObject page2 = ok(json(allScopes, "GET", "/interactions?customerId=" + kept
                + "&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&limit=2&cursor=" + page1.getString("next"),
                null), 200);
        assertEquals(List.of("bo-merge-1"), page2.getJsonArray("interactions").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList());
        assertFalse(page2.containsKey("next"));
        JsonObject answered = ok(json(allScopes, "GET", "/interactions?customerId=" + kept
                + "&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&outcome=answered", null), 200);
        assertEquals(List.of("bo-merge-3", "bo-merge-1"), answered.getJsonArray("interactions").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList());

        assertEquals(409, json(allScopes, "POST", "/customers/" + kept + "/merge",
                new JsonObject().put("duplicateId", dup)).statusCode(), "merged already");
        assertEquals(409, json(allScopes, "PUT", "/customers/external/crm/K-2", new JsonObject().put("name", "Again"))
                .statusCode(), "the merged customer's external id points to the kept one");
        assertNotEquals(200, json(allScopes, "POST", "/customers/" + kept + "/merge",
                new JsonObject().put("duplicateId", kept)).statusCode());
    }
}
