package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.CallControlStandIn;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.core.contract.CallControlRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may control a call, over REST and the live channel: what is refused must never reach call control (the
 * stand-in on its address records everything that does).
 */
class CallControlSecurityIT {
    private static ConsoleFixture fx;
    private static CallControlStandIn service;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("bita", Role.AGENT, "a2", "en");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("mina", Role.SUPERVISOR, "s1", "fa");
        service = CallControlStandIn.register(fx.vertx);
        service.availableAgents.add("a2");
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static String callFor(ConsoleClient.Live live, String agentId) {
        String id = CallControlStandIn.offer(fx, agentId, Map.of());
        while (!id.equals(live.next("pop").getJsonObject("pop").getString("id"))) {
            // an earlier test's pop
        }
        return id;
    }

    private static HttpResponse<String> control(ConsoleClient c, String call, String intent, String kind, String target) {
        return c.change("POST", "/api/calls/" + call + "/control", new JsonObject().put("intent", intent)
                .put("targetKind", kind).put("target", target).put("notes", ""));
    }

    private static JsonObject liveControl(String call, String intent, String kind, String target) {
        return new JsonObject().put("type", "control").put("interactionId", call).put("intent", intent)
                .put("targetKind", kind).put("target", target);
    }

    @Test
    @DisplayName("agent a2 cannot hold, transfer, record or hang up a1's call over REST or the live channel; nothing reaches call control")
    void anotherAgentsCall() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient bita = fx.signIn("bita");
        ConsoleClient.Live aliLive = ali.live();
        ConsoleClient.Live bitaLive = bita.live();
        bitaLive.next("hello");
        String call = callFor(aliLive, "a1");
        // bita has a call of her own: being on a call does not open anyone else's
        callFor(bitaLive, "a2");
        int before = service.requests.size();

        List<JsonObject> attempts = List.of(liveControl(call, "hold", "", ""),
                liveControl(call, "transfer", "number", "02188776655"), liveControl(call, "transfer", "agent", "a2"),
                liveControl(call, "record-pause", "", ""), liveControl(call, "record-stop", "", ""),
                liveControl(call, "hangup", "", ""), liveControl(call, "take-over", "agent", "a2"));
        for (JsonObject a : attempts) {
            HttpResponse<String> r = control(bita, call, a.getString("intent"), a.getString("targetKind"),
                    a.getString("target"));
            assertEquals(403, r.statusCode(), a.encode());
            assertEquals("not-your-call", new JsonObject(r.body()).getString("error"));
            bitaLive.send(a.encode());
            JsonObject result = bitaLive.next("control-result");
            assertEquals(false, result.getBoolean("ok"), a.encode());
            assertEquals("not-your-call", result.getString("error"), a.encode());
        }
        assertEquals(before, service.requests.size(), "no refused attempt reached call control");

        // the socket is still hers and still open; a1's own request goes through
        assertEquals(200, control(ali, call, "hold", "", "").statusCode());
        assertEquals(before + 1, service.requests.size());
        assertEquals("held", aliLive.next("call-control").getString("state"));
        aliLive.close();
        bitaLive.close();
    }

    @Test
    @DisplayName("a call's control state is pushed to its agent and supervisors, never to another agent")
    void pushesStayWithTheirAgent() {
        ConsoleClient.Live aliLive = fx.signIn("ali").live();
        ConsoleClient.Live bitaLive = fx.signIn("bita").live();
        ConsoleClient.Live saraLive = fx.signIn("sara").live();
        bitaLive.next("hello");
        saraLive.next("hello");
        String forAli = callFor(aliLive, "a1");
        String forBita = callFor(bitaLive, "a2");
        service.publish(forAli, "a1", "held", "", "on");
        service.publish(forBita, "a2", "talking", "", "paused");
        assertEquals(forAli, aliLive.next("call-control").getString("interactionId"));
        // published in order on one context: had a1's reached bita, it would arrive before hers
        assertEquals(forBita, bitaLive.next("call-control").getString("interactionId"));
        assertEquals(forAli, saraLive.next("call-control").getString("interactionId"));
        assertEquals(forBita, saraLive.next("call-control").getString("interactionId"));
        assertTrue(bitaLive.messages.stream().noneMatch(m -> forAli.equals(m.getString("interactionId"))));
        aliLive.close();
        bitaLive.close();
        saraLive.close();
    }

    @Test
    @DisplayName("a supervisor pauses a1's recording and takes the call over, but cannot transfer or hold it")
    void supervisor() {
        ConsoleClient.Live aliLive = fx.signIn("ali").live();
        String call = callFor(aliLive, "a1");
        service.publish(call, "a1", "talking", "", "on");
        aliLive.next("call-control");
        ConsoleClient sara = fx.signIn("sara");

        JsonObject current = new JsonObject(sara.get("/api/supervisor/agents/a1/call").body());
        assertEquals(call, current.getString("interactionId"));
        assertEquals("on", current.getJsonObject("state").getString("recording"));

        HttpResponse<String> paused = control(sara, call, "record-pause", "", "");
        assertEquals(200, paused.statusCode(), paused.body());
        assertEquals("paused", new JsonObject(paused.body()).getJsonObject("state").getString("recording"));
        assertEquals(new CallControlRequest(call, "a1", "sara", true, "record-pause", "", "", ""), service.last());

        int before = service.requests.size();
        assertEquals(403, control(sara, call, "transfer", "agent", "a2").statusCode());
        assertEquals(403, control(sara, call, "hold", "", "").statusCode());
        assertEquals(422, control(sara, call, "take-over", "", "").statusCode(), "sara takes no calls: no phone rings");
        assertEquals(before, service.requests.size());

        ConsoleClient mina = fx.signIn("mina");
        assertEquals(200, control(mina, call, "take-over", "agent", "a2").statusCode());
        assertEquals(new CallControlRequest(call, "a1", "mina", true, "take-over", "agent", "s1", ""), service.last(),
                "her own phone rings, whatever target was sent");
        assertEquals(403, fx.signIn("bita").get("/api/supervisor/agents/a1/call").statusCode());
        aliLive.close();
    }

    @Test
    @DisplayName("without signing in, call control and transfer targets answer 401 and nothing is sent")
    void unsigned() {
        ConsoleClient anonymous = new ConsoleClient(fx.base());
        int before = service.requests.size();
        assertEquals(401, anonymous.send("POST", "/api/calls/any/control", new JsonObject().put("intent", "hangup"),
                false).statusCode());
        assertEquals(401, anonymous.get("/api/transfer-targets").statusCode());
        assertEquals(before, service.requests.size());
    }
}
