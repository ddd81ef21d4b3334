package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.app.ScreenPops;
import cc.console.app.Sessions;
import cc.console.app.SignIn;
import cc.console.domain.answers.AnswerSource;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.CsrfTokens;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.UserAccount;
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
import cc.core.domain.interaction.InteractionTracker;
import cc.core.domain.dialing.DialDecision;
import cc.core.domain.customer.Customer;
import cc.core.domain.sales.SalesSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Mounts the console on a router: the REST API under {@code /api} (described in {@code /api/openapi.yaml}), the live
 * channel at {@code /live}, and the pages under {@code /console/}.
 *
 * <p>Every API call but sign-in needs a session cookie; every change also needs the session's CSRF token in
 * {@value CsrfTokens#HEADER}; each handler checks {@link AccessRules} on the server before touching anything.
 *
 * <p>Threading: handlers run on the HTTP server's event loops; blocking work (hashing, JDBC) is on worker pools.
 */
public final class ConsoleWeb implements Consumer<Router> {
    public static final String COOKIE = "cc_session";
    private static final Logger log = LoggerFactory.getLogger(ConsoleWeb.class);
    private static final String SESSION = "cc.session";
    private static final long BUS_TIMEOUT_MS = 5_000;
    private static final int BODY_LIMIT_BYTES = 256 * 1024;
    private static final java.util.Set<String> AGENT_STATES = java.util.Set.of("available", "paused", "logged-out");

    private final Vertx vertx;
    private final ConsoleVerticle console;
    private final CampaignWeb campaigns;
    private final PreviewWeb preview;
    private final CallControlWeb callControl;
    private final AdminWeb admin;
    private final Optional<RecordingWeb> recordings;
    private final QualityWeb quality;
    private Optional<ReportWeb> reports = Optional.empty();
    private Optional<OfferWeb> offers = Optional.empty();
    private Optional<ChatWeb> chat = Optional.empty();
    private OpportunityWeb opportunities;
    private Optional<EmailWeb> email = Optional.empty();
    private Optional<BackOfficeWeb> backOffice = Optional.empty();

    public ConsoleWeb(Vertx vertx, ConsoleVerticle console) {
        this(vertx, console, Optional.empty());
    }

    /** @param recordings call recordings' playback, when the server keeps recordings */
    public ConsoleWeb(Vertx vertx, ConsoleVerticle console, Optional<RecordingWeb> recordings) {
        this.recordings = recordings;
        this.vertx = vertx;
        this.console = console;
        this.campaigns = new CampaignWeb(vertx);
        this.preview = new PreviewWeb(vertx, console);
        this.callControl = new CallControlWeb(console);
        this.admin = new AdminWeb(vertx, console);
        this.quality = new QualityWeb(console);
        this.opportunities = new OpportunityWeb(console, SalesSettings.defaults());
    }

    /** Opportunities checked against these stages and lost reasons ({@code sales:}); without: the defaults. */
    public ConsoleWeb withSales(SalesSettings sales) {
        this.opportunities = new OpportunityWeb(console, sales);
        return this;
    }

    /** Adds the historical reports' API (when the server has a database to report from). */
    public ConsoleWeb withReports(ReportWeb web) {
        this.reports = Optional.of(web);
        return this;
    }

    /** Adds the next-best offer of the screen-pop (when the server has a database of scores and offers). */
    public ConsoleWeb withOffers(OfferWeb web) {
        this.offers = Optional.of(web);
        return this;
    }

    /** Adds web chat: the visitors' page and socket under {@code /help/}, the agents' side under {@code /api/chats}. */
    public ConsoleWeb withChat(ChatWeb web) {
        this.chat = Optional.of(web);
        return this;
    }

    /** Adds the email panel's API (when the server reads a mailbox). */
    public ConsoleWeb withEmailIf(Optional<EmailWeb> web) {
        this.email = web;
        return this;
    }

    /** Adds the back-office API ({@code /backoffice/v1}, API keys) and its keys' admin routes. */
    public ConsoleWeb withBackOffice(BackOfficeWeb web) {
        this.backOffice = Optional.of(web);
        return this;
    }

    @Override
    public void accept(Router router) {
        mount(router);
    }

    public void mount(Router router) {
        backOffice.ifPresent(b -> b.mount(router));
        router.route("/api/*").failureHandler(this::tooLarge);
        router.route("/api/*").failureHandler(BadFieldFailures::handle);
        router.route("/api/*").handler(this::headers);
        router.route("/api/*").handler(ConsoleWeb::refuseNul);
        campaigns.mountUpload(router, this::authenticate);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES));
        router.get("/api/openapi.yaml").handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").sendFile("openapi.yaml"));
        router.post("/api/session").handler(this::signIn);
        router.route("/api/*").handler(this::authenticate);
        router.get("/api/session").handler(rc -> json(rc, 200, me(rc, session(rc))));
        router.delete("/api/session").handler(this::signOut);
        router.post("/api/me/language").handler(this::language);

        router.post("/api/agent/state").handler(this::ownState);
        router.get("/api/pops/:id").handler(this::pop);
        router.get("/api/calls/:id").handler(this::call);
        router.post("/api/calls/:id/disposition").handler(this::dispose);
        router.get("/api/dispositions").handler(rc -> json(rc, 200,
                new JsonObject().put("dispositions", ScreenPops.dispositionsJson(console.pops().dispositions()))));
        router.post("/api/customers").handler(this::createCustomer);
        opportunities.mount(router);
        router.post("/api/callbacks").handler(this::callback);
        router.post("/api/dial").handler(this::dial);
        router.get("/api/answers").handler(this::searchAnswers);

        router.get("/api/wallboard").handler(rc -> supervise(rc, () -> json(rc, 200, console.wallboard().snapshot())));
        router.post("/api/supervisor/agents/:agentId/state").handler(this::agentState);
        router.post("/api/supervisor/spy").handler(this::spy);

        admin.mount(router);
        backOffice.ifPresent(b -> b.admin().mount(router));
        new SessionWeb(console).mount(router);
        campaigns.mount(router);
        preview.mount(router);
        callControl.mount(router);
        recordings.ifPresent(r -> r.mount(router));
        quality.mount(router);
        reports.ifPresent(r -> r.mount(router));
        offers.ifPresent(o -> o.mount(router));
        new MediaWeb(vertx, new cc.console.app.MediaDesk(console.hub())).mount(router);
        chat.ifPresent(c -> c.mount(router));
        email.ifPresent(e -> e.mount(router));
        new WebhookWeb(vertx).mount(router);
        router.route("/api/*").handler(rc -> fail(rc, 404, "no such API: " + rc.request().method() + " " + rc.request().path()));

        router.get("/live").handler(this::live);
        // the router treats "/console" and "/console/" alike, so look at the raw path
        router.get("/console").handler(rc -> {
            if (rc.request().path().equals("/console")) {
                rc.redirect("/console/");
            } else {
                rc.next();
            }
        });
        router.route("/console/*").handler(this::headers);
        new VendorScripts().mount(router);
        router.route("/console/*").handler(StaticHandler.create("console-web").setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8"));
    }

    /** A body handler's 413 as the API's JSON error, saying what the limit is. */
    private void tooLarge(RoutingContext rc) {
        if (rc.statusCode() != 413) {
            rc.next();
            return;
        }
        fail(rc, 413, rc.request().path().equals(CampaignWeb.IMPORT)
                ? "the call list is larger than " + CampaignWeb.CSV_LIMIT_BYTES / (1024 * 1024) + " MiB; split it into several files"
                : "the request is larger than " + BODY_LIMIT_BYTES / 1024 + " KiB");
    }

    // ---- sessions ----

    private void headers(RoutingContext rc) {
        rc.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                        + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        rc.next();
    }

    private void signIn(RoutingContext rc) {
        JsonObject body = body(rc);
        if (body == null) {
            return;
        }
        String username = body.getString("username", "");
        String password = body.getString("password", "");
        String address = rc.request().remoteAddress() == null ? "" : rc.request().remoteAddress().host();
        console.signIn().attempt(username, password, address).onComplete(r -> {
            if (r.failed()) {
                error(rc, r.cause());
                return;
            }
            SignIn.Result result = r.result();
            if (result instanceof SignIn.Throttled t) {
                long seconds = Math.max(1, (t.retryAfter().toMillis() + 999) / 1000);
                rc.response().putHeader("Retry-After", Long.toString(seconds));
                fail(rc, 429, "too many failed sign-ins; try again in " + seconds + " s");
            } else if (result instanceof SignIn.Success s) {
                sessionOf(rc).otherwiseEmpty().onComplete(old -> {
                    if (old.result() != null) {
                        old.result().ifPresent(o -> console.sessions().close(o.id()));
                    }
                    Sessions.Session session = console.sessions().open(s.principal());
                    rc.response().addCookie(Cookie.cookie(COOKIE, session.id()).setHttpOnly(true)
                            .setSameSite(CookieSameSite.STRICT).setSecure(console.settings().secureCookies())
                            .setPath("/"));
                    json(rc, 200, me(rc, session));
                });
            } else {
                fail(rc, 401, "wrong user name or password");
            }
        });
    }

    private void signOut(RoutingContext rc) {
        Sessions.Session s = session(rc);
        console.sessions().close(s.id());
        console.hub().closeSession(s.id());
        rc.response().addCookie(Cookie.cookie(COOKIE, "").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(console.settings().secureCookies()).setPath("/").setMaxAge(0));
        rc.response().setStatusCode(204).end();
    }

    /** Remembers the user's language for the next sign-in; the page switches at once. */
    private void language(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        String language = b.getString("language", "");
        if (!language.equals("fa") && !language.equals("en")) {
            fail(rc, 400, "language must be fa or en");
            return;
        }
        Principal p = principal(rc);
        console.users().find(p.username()).compose(u -> {
            UserAccount a = u.orElseThrow(() -> new IllegalStateException("user " + p.username() + " is gone"));
            Principal q = a.principal();
            return console.users().save(new UserAccount(new Principal(q.username(), q.name(), q.role(), q.agentId(),
                    language, q.phone()), a.passwordHash(), a.active()));
        }).onSuccess(v -> rc.response().setStatusCode(204).end()).onFailure(e -> error(rc, e));
    }

    private JsonObject me(RoutingContext rc, Sessions.Session s) {
        Principal p = s.principal();
        return new JsonObject().put("username", p.username()).put("name", p.name()).put("role", p.role().code())
                .put("agentId", p.agentId()).put("language", p.language()).put("csrfToken", s.csrfToken())
                // the center's time zone: pages count "today" in it, as the reports cut days in it, not in the
                // browser's own zone (a browser in UTC would ask for yesterday every evening after 20:30 UTC)
                .put("zone", console.settings().zone().getId());
    }

    /** The request's session, read without blocking the event loop (the nodes' shared map is a network away). */
    private io.vertx.core.Future<Optional<Sessions.Session>> sessionOf(RoutingContext rc) {
        Cookie c = rc.request().getCookie(COOKIE);
        return c == null ? io.vertx.core.Future.succeededFuture(Optional.empty())
                : console.sessions().findAsync(c.getValue());
    }

    private void authenticate(RoutingContext rc) {
        if (!rc.request().isEnded()) {
            // a body still to come (the list upload reads it after this): held until its BodyHandler resumes it,
            // so nothing of it arrives while the session is read
            rc.request().pause();
            // refused before the body handler (no session, no CSRF token, not a manager): the rest of the body is
            // read and dropped, or the connection's next request would wait behind it forever (found by fuzzing)
            rc.addEndHandler(done -> {
                if (!rc.request().isEnded()) {
                    rc.request().resume();
                }
            });
        }
        sessionOf(rc).onComplete(found -> {
            if (found.failed()) {
                fail(rc, 503, "sessions cannot be read right now; try again");
                return;
            }
            Optional<Sessions.Session> s = found.result();
            if (s.isEmpty()) {
                fail(rc, 401, "sign in first");
                return;
            }
            if (CsrfTokens.isChange(rc.request().method().name())
                    && !CsrfTokens.matches(s.get().csrfToken(), rc.request().getHeader(CsrfTokens.HEADER))) {
                fail(rc, 403, "missing or wrong " + CsrfTokens.HEADER + " header");
                return;
            }
            rc.put(SESSION, s.get());
            rc.next();
        });
    }

    private static Sessions.Session session(RoutingContext rc) {
        return rc.get(SESSION);
    }

    static Principal principal(RoutingContext rc) {
        return session(rc).principal();
    }

    // ---- agent ----

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

    private void callback(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        Principal p = principal(rc);
        Optional<String> number = allowedNumber(rc, b.getString("number", ""), p);
        if (number.isEmpty()) {
            return;
        }
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
        ScheduleCallback request = new ScheduleCallback(number.get(), at, b.getLong("customerId", 0L),
                b.getString("queue", ""), p.agentId(), b.getString("interactionId", ""),
                b.getString("note", ""), p.username());
        vertx.eventBus().request(ConsoleAddresses.CALLBACK_SCHEDULE, request,
                        new DeliveryOptions().setSendTimeout(BUS_TIMEOUT_MS))
                .onSuccess(m -> json(rc, 202, new JsonObject().put("number", number.get()).put("at", at.toString())))
                .onFailure(e -> error(rc, e));
    }

    private void dial(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        Principal p = principal(rc);
        Optional<String> number = allowedNumber(rc, b.getString("number", ""), p);
        if (number.isEmpty()) {
            return;
        }
        Optional<Telephony> telephony = telephonyForOwnPhone(rc, p);
        if (telephony.isEmpty()) {
            return;
        }
        OriginateRequest req = new OriginateRequest(console.settings().telephonyServer(), p.phone(),
                new OriginateRequest.DialplanTarget(console.settings().outboundContext(), number.get(), 1),
                "", Duration.ofSeconds(30), Map.of(InteractionTracker.AGENT_VARIABLE, p.agentId(),
                InteractionTracker.DIALLED_VARIABLE, number.get(), "CC_DIALED_BY", p.username()));
        telephony.get().originate(req).onComplete(r -> console.hub().sendToUser(p.username(), new JsonObject()
                .put("type", "dial-result").put("number", number.get())
                .put("answered", r.succeeded() && r.result() instanceof OriginateResult.Answered)
                .put("detail", r.succeeded() ? r.result().toString() : String.valueOf(r.cause().getMessage())).encode()));
        json(rc, 202, new JsonObject().put("number", number.get()));
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

    // ---- supervisor ----

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

    // ---- admin ----

    private void live(RoutingContext rc) {
        // the upgrade waits for the session read; paused so the request's end is still to come when the upgrade
        // listens for it (toWebSocket resumes it)
        rc.request().pause();
        sessionOf(rc).onComplete(found -> {
            if (found.failed()) {
                rc.response().setStatusCode(503).end("sessions cannot be read right now; try again");
                return;
            }
            live(rc, found.result());
        });
    }

    private void live(RoutingContext rc, Optional<Sessions.Session> s) {
        if (s.isEmpty()) {
            rc.response().setStatusCode(401).end("sign in first");
            return;
        }
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(origin, rc.request().getHeader(HttpHeaders.HOST))) {
            rc.response().setStatusCode(403).end("cross-site live connection refused");
            return;
        }
        rc.request().toWebSocket().onSuccess(ws -> {
            WebSocketLiveClient client = new WebSocketLiveClient(ws, s.get());
            ws.closeHandler(v -> console.hub().remove(client));
            ws.exceptionHandler(e -> console.hub().remove(client));
            ws.textMessageHandler(text -> callControl.onLiveMessage(client, text));
            console.hub().add(client);
            Principal p = s.get().principal();
            JsonObject hello = new JsonObject().put("type", "hello").put("username", p.username())
                    .put("role", p.role().code());
            if (AccessRules.maySupervise(p)) {
                hello.put("wallboard", console.wallboard().snapshot());
            }
            if (p.takesCalls()) {
                console.wallboard().agentRow(p.agentId()).ifPresent(row -> hello.put("agent", row));
            }
            client.send(hello.encode(), false);
            if (p.takesCalls()) {
                popAgain(client, p.agentId());
            }
        }).onFailure(e -> log.debug("live channel upgrade failed: {}", e.getMessage()));
    }

    /**
     * A page reloaded (or a socket reconnected) mid-call gets the call's pop again: only a call call control says
     * this agent is on now (a call that only rang them, or has ended, is not popped again).
     */
    private void popAgain(WebSocketLiveClient client, String agentId) {
        console.callControls().currentCall(agentId)
                .filter(id -> console.callControls().state(id).map(s -> s.agentId().equals(agentId)
                        && !"ended".equals(s.state()) && !"transferring".equals(s.state())).orElse(false))
                .flatMap(id -> console.pops().offer(id))
                .ifPresent(offer -> console.pops().build(offer).onSuccess(card ->
                        client.send(new JsonObject().put("type", "pop").put("pop", card).encode(), false)));
    }

    static boolean sameOrigin(String origin, String host) {
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return host != null && (authority.equalsIgnoreCase(host) || u.getHost().equalsIgnoreCase(host));
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---- helpers ----

    static void supervise(RoutingContext rc, Runnable action) {
        guarded(rc, AccessRules::maySupervise, "supervisors only", action);
    }

    static void administer(RoutingContext rc, Runnable action) {
        guarded(rc, AccessRules::mayAdminister, "admins only", action);
    }

    static void guarded(RoutingContext rc, Predicate<Principal> rule, String refusal, Runnable action) {
        if (!rule.test(principal(rc))) {
            fail(rc, 403, refusal);
            return;
        }
        action.run();
    }

    /**
     * The request's JSON object without its null members, or null after answering 400/415. JSON only: a cross-site
     * HTML form cannot send {@code application/json} without the browser's CORS preflight, which this server never
     * grants.
     */
    static JsonObject body(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            fail(rc, 415, "send Content-Type: application/json");
            return null;
        }
        try {
            JsonObject b = rc.body().asJsonObject();
            if (b == null) {
                fail(rc, 400, "send a JSON object");
                return null;
            }
            // a member sent as null is one not sent: the handlers' defaults apply (getString(key, default) gives
            // null for a null member, which a handler would meet later, inside a callback, and never answer)
            b.getMap().values().removeIf(java.util.Objects::isNull);
            if (holdsNul(b)) {
                // PostgreSQL stores no NUL in text: refused here rather than failed at the write
                fail(rc, 400, "text may not contain the NUL character (\\u0000)");
                return null;
            }
            return b;
        } catch (DecodeException | ClassCastException e) {
            fail(rc, 400, "the body is not a JSON object");
            return null;
        }
    }

    /** Whether any string in the JSON value (member names included) holds U+0000. */
    static boolean holdsNul(Object v) {
        if (v instanceof String) {
            return ((String) v).indexOf('\u0000') >= 0;
        }
        if (v instanceof JsonObject) {
            for (java.util.Map.Entry<String, Object> e : (JsonObject) v) {
                if (e.getKey().indexOf('\u0000') >= 0 || holdsNul(e.getValue())) {
                    return true;
                }
            }
        } else if (v instanceof io.vertx.core.json.JsonArray) {
            for (Object item : (io.vertx.core.json.JsonArray) v) {
                if (holdsNul(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    static long longParam(RoutingContext rc, String name) {
        try {
            return Long.parseLong(rc.pathParam(name));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void json(RoutingContext rc, int status, JsonObject body) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(body.encode());
    }

    /**
     * A NUL character (%00) in the address reached PostgreSQL as a text parameter and came back as a 500 ("invalid
     * byte sequence for encoding UTF8: 0x00", found by fuzzing); no id, name or filter of ours holds one.
     */
    private static void refuseNul(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.indexOf('\0') >= 0 || uri.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            fail(rc, 400, "the address holds a NUL character (%00)");
            return;
        }
        rc.next();
    }

    static void fail(RoutingContext rc, int status, String message) {
        json(rc, status, new JsonObject().put("error", message));
    }

    /**
     * Whether {@code e} says the database could not be reached or dropped the connection (SQL state class 08, or the
     * pool found no connection in time), as opposed to a refused statement, which is a bug and stays a 500.
     */
    static boolean databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The database's refusal of a request's values, as the client's mistake: the status and what to tell. */
    record Refused(int status, String message) {}

    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Key \\(([^)]+)\\)=");

    /**
     * What the database said of a value it cannot store, as the client's mistake: a text longer than its column, a
     * character it cannot hold (SQL states 22001, 22021, 22P05: 400), a value another row already has where it must
     * be unique (23505: 409, naming the field when the database does); null for any other failure. A handler should
     * check such limits itself; this is the net under the ones it does not.
     */
    static Refused refusedByTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                String state = ((java.sql.SQLException) t).getSQLState();
                if ("22001".equals(state)) {
                    return new Refused(400, "a value is longer than its field allows");
                }
                if ("22021".equals(state) || "22P05".equals(state)) {
                    return new Refused(400, "a value holds a character that cannot be stored");
                }
                if ("23505".equals(state)) {
                    java.util.regex.Matcher m = DUPLICATE_KEY.matcher(String.valueOf(t.getMessage()));
                    return new Refused(409, m.find() ? "another record already has this " + m.group(1)
                            : "another record already has one of these values");
                }
            }
        }
        return null;
    }

    static void error(RoutingContext rc, Throwable e) {
        Refused refused = refusedByTheDatabase(e);
        if (e instanceof ReplyException r) {
            if (r.failureType() == ReplyFailure.NO_HANDLERS) {
                fail(rc, 503, "the service behind this request is not running");
            } else if (r.failureType() == ReplyFailure.TIMEOUT) {
                fail(rc, 504, "no answer in time");
            } else {
                int code = r.failureCode();
                fail(rc, code >= 400 && code < 600 ? code : 409, String.valueOf(r.getMessage()));
            }
        } else if (databaseAway(e)) {
            // said as what it is, so the console shows why the action did not happen instead of "internal error"
            fail(rc, 503, "the database is not answering; this cannot be done until it is back (calls go on, and "
                    + "what they leave is written once it returns)");
        } else if (e instanceof IllegalArgumentException) {
            fail(rc, 400, e.getMessage());
        } else if (refused != null) {
            fail(rc, refused.status(), refused.message());
        } else if (e instanceof IllegalStateException) {
            fail(rc, 409, e.getMessage());
        } else {
            log.warn("console request {} {} failed", rc.request().method(), rc.request().path(), e);
            fail(rc, 500, "internal error");
        }
    }
}
