package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.ChangeAgentState;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.testkit.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security rules over real HTTP and WebSocket, against a real PostgreSQL database. */
class ConsoleSecurityIT {
    private static ConsoleFixture fx;
    private static final List<ChangeAgentState> stateRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("bita", Role.AGENT, "a2", "en");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("guess-target", Role.AGENT, "a9", "en");
        // the ACD's side of a state change, as the acd module answers it
        fx.vertx.eventBus().<ChangeAgentState>consumer(Addresses.ACD_AGENT_CHANGE_STATE, m -> {
            stateRequests.add(m.body());
            m.reply(null);
        });
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static String offerCall(String agentId) {
        String id = "it-" + UUID.randomUUID();
        Await.result(fx.interactions.save(Interaction.newCall(id, Direction.INBOUND, "pbx1", id, "09120000000", "",
                "1500", Instant.now()).withAgent(agentId).withQueue("support")));
        fx.vertx.eventBus().publish(Addresses.ACD_CALL_OFFERED, new CallOffered(agentId, id, "u-" + id,
                "09120000000", "support", Map.of("topic", "card"), Instant.now()));
        return id;
    }

    @Test
    @DisplayName("an agent cannot read another agent's call or screen-pop over REST")
    void restIsolation() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient bita = fx.signIn("bita");
        ConsoleClient.Live aliLive = ali.live();
        String call = offerCall("a1");
        aliLive.next("pop");

        assertEquals(200, ali.get("/api/pops/" + call).statusCode());
        assertEquals(200, ali.get("/api/calls/" + call).statusCode());
        assertEquals(403, bita.get("/api/pops/" + call).statusCode());
        assertEquals(403, bita.get("/api/calls/" + call).statusCode());
        HttpResponse<String> dispose = bita.change("POST", "/api/calls/" + call + "/disposition",
                new JsonObject().put("disposition", "resolved").put("notes", "not mine"));
        assertEquals(403, dispose.statusCode());
        assertEquals(200, fx.signIn("sara").get("/api/calls/" + call).statusCode());
        aliLive.close();
    }

    @Test
    @DisplayName("a pop for one agent is never sent on another agent's live channel")
    void liveIsolation() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient bita = fx.signIn("bita");
        ConsoleClient.Live aliLive = ali.live();
        ConsoleClient.Live bitaLive = bita.live();
        aliLive.next("hello");
        bitaLive.next("hello");

        String forAli = offerCall("a1");
        String forBita = offerCall("a2");
        assertEquals(forAli, aliLive.next("pop").getJsonObject("pop").getString("id"));
        // pops leave in publish order on one context: had Ali's reached Bita, it would come before hers
        assertEquals(forBita, bitaLive.next("pop").getJsonObject("pop").getString("id"));
        assertTrue(bitaLive.messages.stream().noneMatch(m -> "pop".equals(m.getString("type"))));
        assertEquals(0, fx.console.hub().refusedSends());
        aliLive.close();
        bitaLive.close();
    }

    @Test
    @DisplayName("supervisor endpoints refuse agents, admin endpoints refuse supervisors")
    void roles() {
        ConsoleClient ali = fx.signIn("ali");
        assertEquals(403, ali.get("/api/wallboard").statusCode());
        assertEquals(403, ali.change("POST", "/api/supervisor/agents/a2/state",
                new JsonObject().put("state", "paused").put("reason", "lunch")).statusCode());
        assertEquals(403, ali.change("POST", "/api/supervisor/spy",
                new JsonObject().put("agentId", "a2").put("mode", "listen")).statusCode());
        assertEquals(403, ali.get("/api/admin/users").statusCode());
        ConsoleClient sara = fx.signIn("sara");
        assertEquals(200, sara.get("/api/wallboard").statusCode());
        assertEquals(403, sara.get("/api/admin/users").statusCode());
        assertEquals(200, fx.signIn("root").get("/api/admin/users").statusCode());
    }

    @Test
    @DisplayName("a change without the CSRF token is refused and changes nothing; with it, it goes through")
    void csrf() {
        ConsoleClient ali = fx.signIn("ali");
        int before = stateRequests.size();
        JsonObject pause = new JsonObject().put("state", "paused").put("reason", "break");
        assertEquals(403, ali.changeWithoutToken("POST", "/api/agent/state", pause).statusCode());
        String real = ali.csrf;
        ali.csrf = real.substring(0, real.length() - 2) + "xx";
        assertEquals(403, ali.change("POST", "/api/agent/state", pause).statusCode());
        assertEquals(before, stateRequests.size());
        ali.csrf = fx.signIn("bita").csrf;
        assertEquals(403, ali.change("POST", "/api/agent/state", pause).statusCode(), "another session's token");
        ali.csrf = real;
        assertEquals(204, ali.change("POST", "/api/agent/state", pause).statusCode());
        ChangeAgentState sent = stateRequests.get(stateRequests.size() - 1);
        assertEquals(new ChangeAgentState("a1", "paused", "break", "ali"), sent);
        assertEquals(403, ali.changeWithoutToken("DELETE", "/api/session", null).statusCode());
    }

    @Test
    @DisplayName("sign-in accepts JSON only, so a cross-site form cannot sign a victim into another account")
    void signInIsJsonOnly() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var form = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.base() + "/api/session"))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("username", "ali").put("password", ConsoleFixture.PASSWORD).encode()))
                .build();
        var r = http.send(form, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, r.statusCode());
        assertTrue(r.headers().firstValue("set-cookie").isEmpty());
    }

    @Test
    @DisplayName("repeated wrong passwords slow sign-in down, even for the right password afterwards")
    void throttling() {
        ConsoleClient c = new ConsoleClient(fx.base());
        for (int i = 0; i < 4; i++) {
            assertEquals(401, c.signIn("guess-target", "wrong password " + i).statusCode());
        }
        HttpResponse<String> locked = c.signIn("guess-target", ConsoleFixture.PASSWORD);
        assertEquals(429, locked.statusCode());
        assertTrue(Long.parseLong(locked.headers().firstValue("retry-after").orElseThrow()) >= 1);
        assertEquals("", c.cookie);
    }

    @Test
    @DisplayName("the session cookie is HttpOnly and SameSite=Strict, and nothing works without signing in")
    void sessions() {
        ConsoleClient anonymous = new ConsoleClient(fx.base());
        assertEquals(401, anonymous.get("/api/session").statusCode());
        assertEquals(401, anonymous.get("/api/wallboard").statusCode());
        assertThrows(CompletionException.class, anonymous::live);

        ConsoleClient ali = new ConsoleClient(fx.base());
        HttpResponse<String> r = ali.signIn("ali", ConsoleFixture.PASSWORD);
        String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(r.body().contains(ConsoleFixture.PASSWORD));
        assertEquals("agent", new JsonObject(r.body()).getString("role"));
        assertThrows(CompletionException.class, () -> ali.live(List.of("Origin", "https://evil.example")));
        assertEquals(204, ali.change("DELETE", "/api/session", null).statusCode());
        assertEquals(401, ali.get("/api/session").statusCode());
    }

    @Test
    @DisplayName("the first admin comes from configuration and the API is described at /api/openapi.yaml")
    void firstAdminAndOpenApi() {
        ConsoleClient root = fx.signIn("root");
        assertEquals("admin", new JsonObject(root.get("/api/session").body()).getString("role"));
        HttpResponse<String> spec = new ConsoleClient(fx.base()).get("/api/openapi.yaml");
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().startsWith("openapi: 3."), spec.body().substring(0, Math.min(40, spec.body().length())));
    }
}
