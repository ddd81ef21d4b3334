package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions over real HTTP and WebSockets against real PostgreSQL: no session fixation (a cookie set before sign-in is
 * never adopted, and signing in replaces the session the browser had), signing out everywhere and an admin ending a
 * user's sessions, both closing that user's open live channels at once. Idle and absolute expiry are on a virtual
 * clock in {@code SessionsTest}.
 */
class SessionSecurityIT {
    private static ConsoleFixture fx;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "en");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("mallory", Role.AGENT, "a9", "en");
        fx.user("nika", Role.AGENT, "a2", "en");
        fx.user("omid", Role.AGENT, "a3", "en");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    @DisplayName("a session id set before sign-in is not adopted: sign-in issues a new one and the planted one stays unknown")
    void fixation() {
        ConsoleClient victim = new ConsoleClient(fx.base());
        victim.cookie = ConsoleWeb.COOKIE + "=planted-by-the-attacker-0123456789abcdef";
        assertEquals(401, victim.get("/api/session").statusCode());
        assertEquals(200, victim.signIn("ali", ConsoleFixture.PASSWORD).statusCode());
        assertNotEquals(ConsoleWeb.COOKIE + "=planted-by-the-attacker-0123456789abcdef", victim.cookie);
        ConsoleClient attacker = new ConsoleClient(fx.base());
        attacker.cookie = ConsoleWeb.COOKIE + "=planted-by-the-attacker-0123456789abcdef";
        assertEquals(401, attacker.get("/api/session").statusCode(), "the planted id signs nobody in");

        // an attacker's own real session planted in the victim's browser is ended and replaced at sign-in
        ConsoleClient browser = fx.signIn("mallory");
        String planted = browser.cookie;
        assertEquals(200, browser.signIn("ali", ConsoleFixture.PASSWORD).statusCode());
        assertNotEquals(planted, browser.cookie);
        assertEquals("ali", new JsonObject(browser.get("/api/session").body()).getString("username"));
        ConsoleClient holder = new ConsoleClient(fx.base());
        holder.cookie = planted;
        assertEquals(401, holder.get("/api/session").statusCode(), "the planted session ended at the victim's sign-in");
    }

    @Test
    @DisplayName("signing out everywhere ends every session of the user and closes their live channels at once")
    void signOutEverywhere() throws Exception {
        ConsoleClient desk = fx.signIn("omid");
        ConsoleClient phone = fx.signIn("omid");
        ConsoleClient other = fx.signIn("sara");
        ConsoleClient.Live deskLive = desk.live();
        deskLive.next("hello");
        assertEquals(403, phone.changeWithoutToken("DELETE", "/api/me/sessions", null).statusCode());
        assertEquals(200, desk.get("/api/session").statusCode(), "a forged sign-out-everywhere changes nothing");

        HttpResponse<String> r = phone.change("DELETE", "/api/me/sessions", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, new JsonObject(r.body()).getInteger("sessionsEnded"));
        assertTrue(r.headers().firstValue("set-cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, desk.get("/api/session").statusCode());
        assertEquals(401, phone.get("/api/session").statusCode());
        deskLive.closedByServer.get(5, TimeUnit.SECONDS);
        assertEquals(200, other.get("/api/session").statusCode(), "other users stay signed in");
    }

    @Test
    @DisplayName("an admin ends a user's sessions and live channels; supervisors and agents may not")
    void adminEndsSessions() throws Exception {
        ConsoleClient ali = fx.signIn("nika");
        ConsoleClient.Live live = ali.live();
        live.next("hello");
        ConsoleClient sara = fx.signIn("sara");
        assertEquals(403, sara.change("DELETE", "/api/admin/users/nika/sessions", null).statusCode());
        assertEquals(403, fx.signIn("mallory").change("DELETE", "/api/admin/users/nika/sessions", null).statusCode());
        assertEquals(200, ali.get("/api/session").statusCode());
        assertFalse(live.closedByServer.isDone());

        ConsoleClient root = fx.signIn("root");
        assertEquals(403, root.changeWithoutToken("DELETE", "/api/admin/users/nika/sessions", null).statusCode());
        HttpResponse<String> r = root.change("DELETE", "/api/admin/users/nika/sessions", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, new JsonObject(r.body()).getInteger("sessionsEnded"));
        assertEquals(401, ali.get("/api/session").statusCode());
        live.closedByServer.get(5, TimeUnit.SECONDS);
        assertEquals(200, root.get("/api/session").statusCode());
    }

    @Test
    @DisplayName("the live channel's hello names the socket's own user and carries the wallboard to supervisors only")
    void liveHelloByRole() {
        ConsoleClient.Live agent = fx.signIn("mallory").live();
        JsonObject hello = agent.next("hello");
        assertEquals("mallory", hello.getString("username"));
        assertFalse(hello.containsKey("wallboard"), hello.encode());
        JsonObject supervisor = fx.signIn("sara").live().next("hello");
        assertEquals("supervisor", supervisor.getString("role"));
        assertTrue(supervisor.containsKey("wallboard"), supervisor.encode());
    }
}
