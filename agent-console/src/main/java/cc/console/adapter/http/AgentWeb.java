package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.app.ScreenPops;
import cc.console.domain.answers.AnswerSource;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.console.domain.i18n.PersianDigits;
import cc.console.domain.wallboard.SpyMode;
import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.Telephony;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.ChangeAgentState;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.DisposeInteraction;
import cc.core.contract.ScheduleCallback;
import cc.core.domain.customer.Customer;
import cc.core.domain.dialing.DialDecision;
import cc.core.domain.interaction.InteractionTracker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import static cc.console.adapter.http.ApiReplies.body;
import static cc.console.adapter.http.ApiReplies.fail;
import static cc.console.adapter.http.SignInWeb.principal;
import static cc.console.adapter.http.SignInWeb.supervise;
import static cc.console.adapter.http.ApiReplies.json;
import static cc.console.adapter.http.ApiReplies.error;

/**
 * What an agent does around a call in the console's API, and the supervisor's matching actions: the agent's state
 * (a supervisor's change of it), the screen-pop and the call's record (only the agent the call belongs to), the
 * outcome, a new customer, a call back, click-to-dial (only numbers the dial rules allow, from the user's own phone),
 * the answers' search, and listening in (ChanSpy from the supervisor's phone).
 */
final class AgentWeb {
    private static final Logger log = LoggerFactory.getLogger(AgentWeb.class);
    private static final long BUS_TIMEOUT_MS = 5_000;
    private static final java.util.Set<String> AGENT_STATES = java.util.Set.of("available", "paused", "logged-out");

    private final Vertx vertx;
    private final ConsoleVerticle console;

    AgentWeb(Vertx vertx, ConsoleVerticle console) {
        this.vertx = vertx;
        this.console = console;
    }

    void mount(Router router) {
        router.post("/api/agent/state").handler(this::ownState);
        router.get("/api/pops/:id").handler(this::pop);
        router.get("/api/calls/:id").handler(this::call);
        router.post("/api/calls/:id/disposition").handler(this::dispose);
        router.get("/api/dispositions").handler(rc -> json(rc, 200,
                new JsonObject().put("dispositions", ScreenPops.dispositionsJson(console.pops().dispositions()))));
        router.post("/api/customers").handler(this::createCustomer);
        router.post("/api/callbacks").handler(this::callback);
        router.post("/api/dial").handler(this::dial);
        router.get("/api/answers").handler(this::searchAnswers);
        router.post("/api/supervisor/agents/:agentId/state").handler(this::agentState);
        router.post("/api/supervisor/spy").handler(this::spy);
    }

    private void ownState(RoutingContext rc) {
        Principal p = principal(rc);
        if (!p.takesCalls()) {
            fail(rc, 403, "only agents have a state");
            return;
        }
        changeState(rc, p.agentId());
    }

    private void agentState(RoutingContext rc) {
        supervise(rc, () -> changeState(rc, rc.pathParam("agentId")));
    }

    private void changeState(RoutingContext rc, String agentId) {
        Principal p = principal(rc);
        JsonObject body = body(rc);
        if (body == null) {
            return;
        }
        if (!AccessRules.mayChangeState(p, agentId)) {
            fail(rc, 403, "you may not change agent " + agentId + "'s state");
            return;
        }
        String state = body.getString("state", "");
        String reason = body.getString("reason", "");
        if (!AGENT_STATES.contains(state)) {
            fail(rc, 400, "state must be available, paused or logged-out");
            return;
        }
        if (state.equals("paused") && reason.isBlank()) {
            fail(rc, 400, "a pause needs a reason");
            return;
        }
        vertx.eventBus().request(Addresses.ACD_AGENT_CHANGE_STATE,
                        new ChangeAgentState(agentId, state, state.equals("paused") ? reason : "", p.username()),
                        new DeliveryOptions().setSendTimeout(BUS_TIMEOUT_MS))
                .onSuccess(m -> rc.response().setStatusCode(204).end())
                .onFailure(e -> error(rc, e));
    }

    /** The agent a call belongs to: whom it was offered to, else the agent on its record. */
    private Future<Optional<String>> callAgent(String id) {
        Optional<CallOffered> offer = console.pops().offer(id);
        if (offer.isPresent()) {
            return Future.succeededFuture(Optional.of(offer.get().agentId()));
        }
        return console.interactions().find(id).map(i -> i.flatMap(x -> x.agentId()));
    }

    private void pop(RoutingContext rc) {
        String id = rc.pathParam("id");
        Optional<CallOffered> offer = console.pops().offer(id);
        if (offer.isEmpty()) {
            fail(rc, 404, "no screen-pop " + id);
            return;
        }
        if (!AccessRules.mayReadCall(principal(rc), Optional.of(offer.get().agentId()))) {
            fail(rc, 403, "this call was offered to another agent");
            return;
        }
        console.pops().build(offer.get()).onSuccess(card -> json(rc, 200, card)).onFailure(e -> error(rc, e));
    }

    private void call(RoutingContext rc) {
        String id = rc.pathParam("id");
        callAgent(id).onSuccess(agent -> {
            if (!AccessRules.mayReadCall(principal(rc), agent)) {
                fail(rc, 403, "this call belongs to another agent");
                return;
            }
            console.interactions().find(id).onSuccess(i -> {
                if (i.isEmpty()) {
                    fail(rc, 404, "no call " + id);
                } else {
                    json(rc, 200, console.pops().interaction(i.get()));
                }
            }).onFailure(e -> error(rc, e));
        }).onFailure(e -> error(rc, e));
    }

    private void dispose(RoutingContext rc) {
        String id = rc.pathParam("id");
        JsonObject body = body(rc);
        if (body == null) {
            return;
        }
        String code = body.getString("disposition", "");
        String notes = body.getString("notes", "");
        if (console.pops().dispositions().stream().noneMatch(d -> d.code().equals(code))) {
            fail(rc, 400, "unknown disposition '" + code + "'");
            return;
        }
        if (notes.length() > 10_000) {
            fail(rc, 400, "notes are limited to 10000 characters");
            return;
        }
        Principal p = principal(rc);
        callAgent(id).onSuccess(agent -> {
            if (!AccessRules.mayDispose(p, agent)) {
                fail(rc, 403, "only the agent who took the call may save its outcome");
                return;
            }
            vertx.eventBus().request(Addresses.INTERACTION_DISPOSE, new DisposeInteraction(id, p.agentId(), code, notes),
                            new DeliveryOptions().setSendTimeout(BUS_TIMEOUT_MS))
                    .onSuccess(m -> rc.response().setStatusCode(204).end())
                    .onFailure(e -> error(rc, e));
        }).onFailure(e -> error(rc, e));
    }

    private void createCustomer(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        String name = b.getString("name", "").strip();
        String phone = PersianDigits.toAscii(b.getString("phone", "").strip());
        if (name.isEmpty() || name.length() > 200) {
            fail(rc, 400, "name must have 1 to 200 characters");
            return;
        }
        String account = b.getString("account", "").strip();
        String language = b.getString("language", "fa").strip();
        String segment = b.getString("segment", "").strip();
        // the stored columns' widths, refused here rather than failed at the write
        if (!language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})?") || language.length() > 16) {
            fail(rc, 400, "language must be a language tag such as fa or en-GB");
            return;
        }
        if (phone.length() > 64 || account.length() > 64 || segment.length() > 64) {
            fail(rc, 400, "phone, account and segment have at most 64 characters each");
            return;
        }
        Customer c = new Customer(0, name, phone.isEmpty() ? java.util.List.of() : java.util.List.of(phone),
                account.isEmpty() ? null : account, language, segment);
        console.customers().save(c).onSuccess(saved -> json(rc, 201, ScreenPops.customer(saved)))
                .onFailure(e -> error(rc, e));
    }

    /** A request to call a number: its body, its user and the digits the dial rules allow. */
    private record DialAsked(JsonObject body, Principal user, String number) {}

    /** The request's number as the dial rules allow it, or empty after answering (400, 415, 422). */
    private Optional<DialAsked> dialAsked(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return Optional.empty();
        }
        Principal p = principal(rc);
        return allowedNumber(rc, b.getString("number", ""), p).map(n -> new DialAsked(b, p, n));
    }

    private void callback(RoutingContext rc) {
        Optional<DialAsked> asked = dialAsked(rc);
        if (asked.isEmpty()) {
            return;
        }
        JsonObject b = asked.get().body();
        Principal p = asked.get().user();
        String number = asked.get().number();
        Instant at;
        try {
            at = Instant.parse(b.getString("at", ""));
        } catch (DateTimeParseException e) {
            fail(rc, 400, "at must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
            return;
        }
        if (at.isBefore(console.clock().instant().minus(Duration.ofMinutes(1)))) {
            fail(rc, 400, "a call back cannot be in the past");
            return;
        }
        ScheduleCallback request = new ScheduleCallback(number, at, b.getLong("customerId", 0L),
                b.getString("queue", ""), p.agentId(), b.getString("interactionId", ""),
                b.getString("note", ""), p.username());
        vertx.eventBus().request(ConsoleAddresses.CALLBACK_SCHEDULE, request,
                        new DeliveryOptions().setSendTimeout(BUS_TIMEOUT_MS))
                .onSuccess(m -> json(rc, 202, new JsonObject().put("number", number).put("at", at.toString())))
                .onFailure(e -> error(rc, e));
    }

    private void dial(RoutingContext rc) {
        Optional<DialAsked> asked = dialAsked(rc);
        if (asked.isEmpty()) {
            return;
        }
        Principal p = asked.get().user();
        String number = asked.get().number();
        Optional<Telephony> telephony = telephonyForOwnPhone(rc, p);
        if (telephony.isEmpty()) {
            return;
        }
        OriginateRequest req = new OriginateRequest(console.settings().telephonyServer(), p.phone(),
                new OriginateRequest.DialplanTarget(console.settings().outboundContext(), number, 1),
                "", Duration.ofSeconds(30), Map.of(InteractionTracker.AGENT_VARIABLE, p.agentId(),
                InteractionTracker.DIALLED_VARIABLE, number, "CC_DIALED_BY", p.username()));
        telephony.get().originate(req).onComplete(r -> console.hub().sendToUser(p.username(), new JsonObject()
                .put("type", "dial-result").put("number", number)
                .put("answered", r.succeeded() && r.result() instanceof OriginateResult.Answered)
                .put("detail", r.succeeded() ? r.result().toString() : String.valueOf(r.cause().getMessage())).encode()));
        json(rc, 202, new JsonObject().put("number", number));
    }

    /** The telephony port to ring the user's own phone, or empty after answering 409 (no phone) or 503 (no link). */
    private Optional<Telephony> telephonyForOwnPhone(RoutingContext rc, Principal p) {
        if (p.phone().isEmpty()) {
            fail(rc, 409, "you have no phone configured");
            return Optional.empty();
        }
        Optional<Telephony> telephony = console.telephony();
        if (telephony.isEmpty()) {
            fail(rc, 503, "no telephony server is connected");
        }
        return telephony;
    }

    /** The digits to dial, or empty after answering 422 with the dial rules' reason (logged for the audit trail). */
    private Optional<String> allowedNumber(RoutingContext rc, String number, Principal p) {
        DialDecision d = console.settings().dialRules().check(number, p.username(), console.clock().instant());
        if (!d.allowed()) {
            log.info("dial refused for {}: {} ({})", p.username(), d.reason(), d.detail());
            fail(rc, 422, "the dial rules refuse this number: " + d.detail());
            return Optional.empty();
        }
        return Optional.of(d.dialDigits());
    }

    private void searchAnswers(RoutingContext rc) {
        String q = rc.queryParams().get("q");
        Map<String, Double> query = Map.of(q == null ? "" : q, 1.0);
        JsonObject out = new JsonObject();
        for (AnswerSource.Kind kind : AnswerSource.Kind.values()) {
            out.put(kind == AnswerSource.Kind.ARTICLE ? "articles" : "solved", new JsonArray(console.answers()
                    .rank(query, kind, 10).stream().map(r -> new JsonObject().put("id", r.source().id())
                            .put("title", r.source().title()).put("text", r.source().text())
                            .put("score", Math.round(r.score() * 100) / 100.0)
                            .put("matched", new JsonArray(r.matchedTerms()))).toList()));
        }
        json(rc, 200, out);
    }

    private void spy(RoutingContext rc) {
        supervise(rc, () -> {
            JsonObject b = body(rc);
            if (b == null) {
                return;
            }
            Principal p = principal(rc);
            SpyMode mode;
            try {
                mode = SpyMode.of(b.getString("mode", ""));
            } catch (IllegalArgumentException e) {
                fail(rc, 400, e.getMessage());
                return;
            }
            Optional<Telephony> telephony = telephonyForOwnPhone(rc, p);
            if (telephony.isEmpty()) {
                return;
            }
            console.users().findByAgent(b.getString("agentId", "")).onSuccess(agent -> {
                String channel = b.getString("channel", agent.map(a -> a.principal().phone()).orElse(""));
                String data;
                try {
                    data = mode.chanSpyData(channel);
                } catch (IllegalArgumentException e) {
                    fail(rc, 400, e.getMessage());
                    return;
                }
                OriginateRequest req = new OriginateRequest(console.settings().telephonyServer(), p.phone(),
                        new OriginateRequest.ApplicationTarget("ChanSpy", data), "", Duration.ofSeconds(30),
                        Map.of("CC_SUPERVISOR", p.username()));
                telephony.get().originate(req).onComplete(r -> console.hub().sendToUser(p.username(), new JsonObject()
                        .put("type", "spy-result").put("mode", mode.name().toLowerCase())
                        .put("answered", r.succeeded() && r.result() instanceof OriginateResult.Answered).encode()));
                json(rc, 202, new JsonObject().put("mode", mode.name().toLowerCase()).put("chanSpy", data));
            }).onFailure(e -> error(rc, e));
        });
    }
}
