package cc.console.adapter.http;

import cc.console.app.CallControls;
import cc.console.app.ConsoleVerticle;
import cc.console.app.LiveClient;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.console.domain.callcontrol.ControlAsk;
import cc.core.contract.CallControlChanged;
import cc.core.domain.interaction.Interaction;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Call control from the console: {@code POST /api/calls/{id}/control} and the same intent as a {@code control}
 * message on the live channel, both checked by {@link AccessRules} before anything reaches call control; the
 * transfer dialog's list ({@code GET /api/transfer-targets}); and for the wallboard, the call an agent is on
 * ({@code GET /api/supervisor/agents/{agentId}/call}).
 *
 * <p>Threading: handlers run on the HTTP server's event loops and on the sockets' event loops.
 */
final class CallControlWeb {
    /** The HTTP status of each refusal code of call control (and of the console's own two). */
    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("no-such-call", 404), Map.entry("not-your-call", 403), Map.entry("bad-request", 400),
            Map.entry("bad-state", 409), Map.entry("agent-unavailable", 422), Map.entry("no-such-queue", 422),
            Map.entry("number-refused", 422), Map.entry("telephony", 502),
            Map.entry(CallControls.NO_REPLY, 504), Map.entry(CallControls.NOT_RUNNING, 503));

    private final ConsoleVerticle console;

    CallControlWeb(ConsoleVerticle console) {
        this.console = console;
    }

    void mount(Router router) {
        router.post("/api/calls/:id/control").handler(this::control);
        router.get("/api/transfer-targets").handler(this::targets);
        router.get("/api/supervisor/agents/:agentId/call").handler(this::agentCall);
        router.get("/api/calls/:id/control").handler(this::controlState);
    }

    static int status(String error) {
        return STATUS.getOrDefault(error, 502);
    }

    private void control(RoutingContext rc) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        ControlAsk ask = ask(rc.pathParam("id"), b);
        if (ask == null) {
            ApiReplies.json(rc, 400, new JsonObject().put("error", "bad-request")
                    .put("message", "intent, targetKind, target and notes must be strings").putNull("state"));
            return;
        }
        carryOut(SignInWeb.principal(rc), ask).onSuccess(o -> {
            JsonObject out = o.toJson();
            out.remove("ok");
            if (o.ok()) {
                ApiReplies.json(rc, 200, out);
            } else {
                ApiReplies.json(rc, status(o.error()), out);
            }
        }).onFailure(e -> ApiReplies.error(rc, e));
    }

    /** The ask from a JSON body, or null when a field is there but is not a string. */
    private static ControlAsk ask(String interactionId, JsonObject b) {
        String[] fields = {"intent", "targetKind", "target", "notes"};
        String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object v = b.getValue(fields[i]);
            if (v != null && !(v instanceof String)) {
                return null;
            }
            values[i] = (String) v;
        }
        return new ControlAsk(interactionId, values[0], values[1], values[2], values[3]);
    }

    /** Whose the call is when the console saw no offer or state of it: the agent on its record. */
    private Future<CallControls.Outcome> carryOut(Principal p, ControlAsk ask) {
        CallControls controls = console.callControls();
        if (controls.agentOf(ask.interactionId()).isPresent() || ask.interactionId().isEmpty()
                || !AccessRules.maySupervise(p)) {
            return controls.ask(p, ask, Optional.empty());
        }
        return console.interactions().find(ask.interactionId())
                .compose(i -> controls.ask(p, ask, i.flatMap(Interaction::agentId)));
    }

    /**
     * A message from a live channel: {@code control} asks are carried out and answered with {@code control-result};
     * anything else is answered with an {@code error} message, and the socket stays open.
     */
    /** The message types a console's live channel ({@code /live}) accepts from the browser: its dispatch table. */
    static final java.util.Set<String> LIVE_TYPES_IN = java.util.Set.of("control");

    void onLiveMessage(LiveClient client, String text) {
        // the session is read without blocking the event loop; a socket's messages are still taken in the order sent
        io.vertx.core.Future<?> before = inOrder.getOrDefault(client, io.vertx.core.Future.succeededFuture());
        io.vertx.core.Future<Boolean> live = before.transform(v -> console.sessions().isLiveAsync(client.sessionId()));
        inOrder.put(client, live);
        live.onComplete(r -> {
            inOrder.remove(client, live);
            if (r.failed() || !r.result()) {
                client.send(new JsonObject().put("type", "error").put("error", "not-signed-in")
                        .put("message", "your session has ended; sign in again").encode(), false);
                return;
            }
            onLiveMessageSignedIn(client, text);
        });
    }

    /** The session read of each socket's last message not yet answered, so the next waits for it. */
    private final java.util.Map<LiveClient, io.vertx.core.Future<?>> inOrder =
            new java.util.concurrent.ConcurrentHashMap<>();

    private void onLiveMessageSignedIn(LiveClient client, String text) {
        JsonObject m;
        try {
            m = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            client.send(liveError("the message is not a JSON object"), false);
            return;
        }
        if (!LIVE_TYPES_IN.contains(String.valueOf(m.getValue("type")))) {
            client.send(liveError("unknown message type; send {\"type\":\"control\",...}"), false);
            return;
        }
        if (ApiReplies.holdsNul(m)) {
            // as a REST body (ApiReplies.body): the audit's store cannot keep it
            client.send(liveError("the message may not contain the NUL character"), false);
            return;
        }
        Object id = m.getValue("interactionId");
        ControlAsk ask = id instanceof String s ? ask(s, m) : null;
        if (ask == null) {
            client.send(liveError("interactionId, intent, targetKind, target and notes must be strings"), false);
            return;
        }
        carryOut(client.principal(), ask).onComplete(r -> {
            CallControls.Outcome o = r.succeeded() ? r.result()
                    : new CallControls.Outcome(false, "telephony", String.valueOf(r.cause().getMessage()), null);
            client.send(o.toJson().put("type", "control-result").put("interactionId", ask.interactionId()).encode(),
                    false);
        });
    }

    private static String liveError(String message) {
        return new JsonObject().put("type", "error").put("error", "bad-request").put("message", message).encode();
    }

    /**
     * Every agent but the user with their live state (only available ones can take a transfer), and every queue the
     * console knows (configured by admins, or reported by the ACD).
     */
    private void targets(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        JsonObject board = console.wallboard().snapshot();
        console.users().list().compose(users -> console.directory().queues().map(queues -> {
            Map<String, String> names = users.stream().filter(u -> u.principal().takesCalls() && u.active())
                    .collect(Collectors.toMap(u -> u.principal().agentId(), u -> u.principal().name(), (x, y) -> x));
            JsonArray agents = new JsonArray();
            JsonArray rows = board.getJsonArray("agents", new JsonArray());
            for (int i = 0; i < rows.size(); i++) {
                JsonObject a = rows.getJsonObject(i);
                String id = a.getString("agentId", "");
                if (id.isEmpty() || id.equals(p.agentId())) {
                    continue;
                }
                String state = a.getString("state", "");
                agents.add(new JsonObject().put("agentId", id).put("name", names.getOrDefault(id, id))
                        .put("state", state).put("reason", a.getString("reason", ""))
                        .put("available", "available".equals(state)));
            }
            TreeSet<String> queueNames = new TreeSet<>();
            queues.forEach(q -> queueNames.add(q.name()));
            JsonArray boardQueues = board.getJsonArray("queues", new JsonArray());
            for (int i = 0; i < boardQueues.size(); i++) {
                queueNames.add(boardQueues.getJsonObject(i).getString("queue", ""));
            }
            queueNames.remove("");
            return new JsonObject().put("agents", agents).put("queues", new JsonArray(queueNames.stream()
                    .map(q -> new JsonObject().put("name", q)).toList()));
        })).onSuccess(out -> ApiReplies.json(rc, 200, out)).onFailure(e -> ApiReplies.error(rc, e));
    }

    /**
     * A call's control state as last heard (a page reloaded mid-call asks, rather than wait for the next change): for
     * the agent on it, and supervisors; 404 when the console has heard nothing of it.
     */
    private void controlState(RoutingContext rc) {
        String interactionId = rc.pathParam("id");
        Optional<String> agent = console.callControls().agentOf(interactionId);
        if (!AccessRules.mayReadCall(SignInWeb.principal(rc), agent)) {
            ApiReplies.fail(rc, 403, "not your call");
            return;
        }
        Optional<CallControlChanged> state = console.callControls().state(interactionId);
        if (state.isEmpty()) {
            ApiReplies.fail(rc, 404, "no control state known for call " + interactionId);
            return;
        }
        ApiReplies.json(rc, 200, CallControls.stateJson(state.get()));
    }

    /** The call an agent is on now and its control state, for the wallboard's take-over and recording buttons. */
    private void agentCall(RoutingContext rc) {
        if (!AccessRules.maySupervise(SignInWeb.principal(rc))) {
            ApiReplies.fail(rc, 403, "supervisors only");
            return;
        }
        String agentId = rc.pathParam("agentId");
        Optional<String> call = console.callControls().currentCall(agentId);
        if (call.isEmpty()) {
            ApiReplies.fail(rc, 404, "agent " + agentId + " is on no call the console knows");
            return;
        }
        JsonObject out = new JsonObject().put("agentId", agentId).put("interactionId", call.get());
        console.callControls().state(call.get()).ifPresentOrElse(s -> out.put("state", CallControls.stateJson(s)),
                () -> out.putNull("state"));
        ApiReplies.json(rc, 200, out);
    }
}
