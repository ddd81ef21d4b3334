package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.CallControlStandIn;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallControlRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Call control through the console's API and live channel, against the real server and PostgreSQL, with a stand-in
 * for core's call-control service on the event bus that records what reached it.
 */
class CallControlApiIT {
    private static ConsoleFixture fx;
    private static CallControlStandIn service;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("bita", Role.AGENT, "a2", "en");
        fx.user("reza", Role.AGENT, "a3", "fa");
        service = CallControlStandIn.register(fx.vertx);
        service.availableAgents.add("a2");
        service.queues.add("loans");
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** A call rings a1 and pops on their live channel: from then on it is their call. */
    private static String callForAli(ConsoleClient.Live live) {
        String id = CallControlStandIn.offer(fx, "a1", Map.of("topic", "loan"));
        while (!id.equals(live.next("pop").getJsonObject("pop").getString("id"))) {
            // an earlier test's pop
        }
        return id;
    }

    private static HttpResponse<String> control(ConsoleClient c, String call, String intent, String kind,
                                                String target, String notes) {
        return c.change("POST", "/api/calls/" + call + "/control", new JsonObject().put("intent", intent)
                .put("targetKind", kind).put("target", target).put("notes", notes));
    }

    private static JsonObject ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    @Test
    @DisplayName("each intent on the agent's own call reaches call control with the agent, actor, target and notes, and answers the new state")
    void everyIntentReachesTheService() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient.Live live = ali.live();
        String call = callForAli(live);

        JsonObject held = ok(control(ali, call, "hold", "", "", ""));
        assertEquals("held", held.getJsonObject("state").getString("state"));
        assertEquals(new CallControlRequest(call, "a1", "ali", false, "hold", "", "", ""), service.last());
        assertEquals("held", live.next("call-control").getString("state"), "the change is pushed to the agent");
        assertEquals("talking", ok(control(ali, call, "resume", "", "", "")).getJsonObject("state").getString("state"));
        assertEquals("on", ok(control(ali, call, "record-start", "", "", "")).getJsonObject("state").getString("recording"));
        assertEquals("paused", ok(control(ali, call, "record-pause", "", "", "")).getJsonObject("state").getString("recording"));
        assertEquals("on", ok(control(ali, call, "record-resume", "", "", "")).getJsonObject("state").getString("recording"));
        assertEquals("off", ok(control(ali, call, "record-stop", "", "", "")).getJsonObject("state").getString("recording"));
        JsonObject consulting = ok(control(ali, call, "consult", "agent", "a2", "asks about a loan")).getJsonObject("state");
        assertEquals("consulting", consulting.getString("state"));
        assertEquals("a2", consulting.getString("party"));
        assertEquals(new CallControlRequest(call, "a1", "ali", false, "consult", "agent", "a2", "asks about a loan"),
                service.last());
        assertEquals("talking", ok(control(ali, call, "consult-cancel", "", "", "")).getJsonObject("state").getString("state"));
        assertEquals("conference", ok(control(ali, call, "conference", "number", "02188776655", ""))
                .getJsonObject("state").getString("state"));
        assertEquals(new CallControlRequest(call, "a1", "ali", false, "conference", "number", "02188776655", ""),
                service.last());
        assertEquals("ended", ok(control(ali, call, "leave-conference", "", "", "")).getJsonObject("state").getString("state"));
        assertEquals(List.of("hold", "resume", "record-start", "record-pause", "record-resume", "record-stop", "consult",
                "consult-cancel", "conference", "leave-conference"), service.requests.stream()
                .filter(r -> r.interactionId().equals(call)).map(CallControlRequest::intent).toList());
        while (!"ended".equals(live.next("call-control").getString("state"))) {
            // the pushes of the intents before
        }
        int before = service.requests.size();
        assertEquals(403, control(ali, call, "hangup", "", "", "").statusCode(), "an ended call is no longer hers");
        assertEquals(before, service.requests.size());

        String toQueue = callForAli(live);
        assertEquals("transferring", ok(control(ali, toQueue, "transfer", "queue", "loans",
                "Wants a car loan; verified her account")).getJsonObject("state").getString("state"));
        assertEquals(new CallControlRequest(toQueue, "a1", "ali", false, "transfer", "queue", "loans",
                "Wants a car loan; verified her account"), service.last());

        String warm = callForAli(live);
        ok(control(ali, warm, "consult", "number", "02188776655", ""));
        assertEquals("ended", ok(control(ali, warm, "consult-complete", "", "", "")).getJsonObject("state").getString("state"));
        assertEquals(new CallControlRequest(warm, "a1", "ali", false, "consult-complete", "", "", ""), service.last());

        String toAgent = callForAli(live);
        ok(control(ali, toAgent, "transfer", "agent", "a2", ""));
        assertEquals(new CallControlRequest(toAgent, "a1", "ali", false, "transfer", "agent", "a2", ""), service.last());

        String ended = callForAli(live);
        assertEquals("ended", ok(control(ali, ended, "hangup", "", "", "")).getJsonObject("state").getString("state"));
        assertEquals(new CallControlRequest(ended, "a1", "ali", false, "hangup", "", "", ""), service.last());
        live.close();
    }

    @Test
    @DisplayName("a page reloaded mid-call asks its call's control state: the agent on it gets it, another agent does not")
    void controlStateOnReload() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient.Live live = ali.live();
        String call = callForAli(live);
        assertEquals(404, ali.get("/api/calls/" + call + "/control").statusCode(), "nothing heard yet");
        ok(control(ali, call, "hold", "", "", ""));
        var r = ali.get("/api/calls/" + call + "/control");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("held", new JsonObject(r.body()).getString("state"));
        assertEquals(403, fx.signIn("bita").get("/api/calls/" + call + "/control").statusCode());
        live.close();
    }

    @Test
    @DisplayName("call control's refusals map to HTTP codes with the error, its sentence and the call's state")
    void refusalsMapToCodes() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient.Live live = ali.live();
        String call = callForAli(live);
        Map<String, Integer> codes = Map.of("no-such-call", 404, "not-your-call", 403, "bad-request", 400,
                "bad-state", 409, "agent-unavailable", 422, "no-such-queue", 422, "number-refused", 422,
                "telephony", 502);
        codes.forEach((error, status) -> {
            service.refuseNext(error, "because " + error);
            HttpResponse<String> r = control(ali, call, "hold", "", "", "");
            assertEquals(status, r.statusCode(), error);
            JsonObject body = new JsonObject(r.body());
            assertEquals(error, body.getString("error"));
            assertEquals("because " + error, body.getString("message"));
            assertTrue(body.containsKey("state"));
        });

        HttpResponse<String> resume = control(ali, call, "resume", "", "", "");
        assertEquals(409, resume.statusCode(), "the stand-in's own check: the call is not held");
        assertEquals("talking", new JsonObject(resume.body()).getJsonObject("state").getString("state"));
        HttpResponse<String> abroad = control(ali, call, "transfer", "number", "0044207123456", "");
        assertEquals(422, abroad.statusCode());
        assertEquals(CallControlStandIn.REFUSED_NUMBER_MESSAGE, new JsonObject(abroad.body()).getString("message"));

        service.silenceNext();
        long started = System.nanoTime();
        HttpResponse<String> silent = control(ali, call, "hold", "", "", "");
        assertEquals(504, silent.statusCode());
        assertEquals("no-reply", new JsonObject(silent.body()).getString("error"));
        assertTrue(System.nanoTime() - started >= 4_500_000_000L, "waited for call control's 5 s");
        live.close();
    }

    @Test
    @DisplayName("what the console refuses itself never reaches call control: unknown intents, missing targets, fields of the wrong type")
    void consoleRefusalsSendNothing() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient.Live live = ali.live();
        String call = callForAli(live);
        int before = service.requests.size();
        HttpResponse<String> park = control(ali, call, "park", "", "", "");
        assertEquals(400, park.statusCode());
        assertEquals("bad-request", new JsonObject(park.body()).getString("error"));
        assertEquals(400, control(ali, call, "transfer", "", "", "").statusCode());
        assertEquals(400, control(ali, call, "consult", "queue", "loans", "").statusCode());
        assertEquals(400, ali.change("POST", "/api/calls/" + call + "/control",
                new JsonObject().put("intent", "transfer").put("targetKind", "agent").put("target", 7)).statusCode());
        assertEquals(403, ali.changeWithoutToken("POST", "/api/calls/" + call + "/control",
                new JsonObject().put("intent", "hold")).statusCode());
        assertEquals(before, service.requests.size());
        live.close();
    }

    @Test
    @DisplayName("the live channel carries out control messages, answers malformed ones with an error and stays open")
    void liveChannelControl() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient.Live live = ali.live();
        String call = callForAli(live);
        live.send("not json");
        assertEquals("bad-request", live.next("error").getString("error"));
        live.send(new JsonObject().put("type", "dance").encode());
        live.next("error");
        live.send(new JsonObject().put("type", "control").put("interactionId", 42).encode());
        live.next("error");
        live.send(new JsonObject().put("type", "control").put("interactionId", call).put("intent", "hold")
                .put("notes", "a\0b").encode());
        assertTrue(live.next("error").getString("message").contains("NUL"), "refused before the audit's store");

        live.send(new JsonObject().put("type", "control").put("interactionId", call).put("intent", "hold").encode());
        JsonObject result = live.next("control-result");
        assertEquals(true, result.getBoolean("ok"));
        assertEquals(call, result.getString("interactionId"));
        assertEquals("held", result.getJsonObject("state").getString("state"));
        assertEquals(new CallControlRequest(call, "a1", "ali", false, "hold", "", "", ""), service.last());

        live.send(new JsonObject().put("type", "control").put("interactionId", call).put("intent", "transfer")
                .put("targetKind", "number").put("target", "0044207123456").encode());
        JsonObject refused = live.next("control-result");
        assertEquals(false, refused.getBoolean("ok"));
        assertEquals("number-refused", refused.getString("error"));
        assertEquals(CallControlStandIn.REFUSED_NUMBER_MESSAGE, refused.getString("message"));
        live.close();
    }

    @Test
    @DisplayName("transfer targets: every other agent with their live state, only available ones selectable, and the known queues")
    void transferTargets() {
        ConsoleClient root = fx.signIn("root");
        assertEquals(204, root.change("PUT", "/api/admin/queues/loans", new JsonObject().put("displayName", "Loans")
                .put("serviceLevelSeconds", 30).put("questionScript", "")).statusCode());
        ConsoleClient.Live board = root.live();
        board.next("hello");
        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a1", "on-call", "", Instant.now()));
        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a2", "available", "", Instant.now()));
        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a3", "paused", "lunch", Instant.now()));
        for (int i = 0; i < 3; i++) {
            board.next("agent-state");
        }
        board.close();
        ConsoleClient ali = fx.signIn("ali");
        JsonObject targets = new JsonObject(ali.get("/api/transfer-targets").body());
        JsonArray agents = targets.getJsonArray("agents");
        assertEquals(List.of("a2", "a3"), agents.stream().map(a -> ((JsonObject) a).getString("agentId")).toList(),
                "everyone but herself");
        JsonObject bita = agents.getJsonObject(0);
        assertEquals("bita", bita.getString("name"));
        assertEquals("available", bita.getString("state"));
        assertEquals(true, bita.getBoolean("available"));
        JsonObject reza = agents.getJsonObject(1);
        assertEquals("paused", reza.getString("state"));
        assertEquals(false, reza.getBoolean("available"));
        assertEquals(List.of("loans"), targets.getJsonArray("queues").stream()
                .map(q -> ((JsonObject) q).getString("name")).toList());
        assertEquals(401, new ConsoleClient(fx.base()).get("/api/transfer-targets").statusCode());
    }
}
