package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.CsrfTokens;
import cc.core.domain.sales.SalesSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.Optional;
import java.util.function.Consumer;

import static cc.console.adapter.http.ApiReplies.fail;
import static cc.console.adapter.http.ApiReplies.json;
import static cc.console.adapter.http.SignInWeb.supervise;

/**
 * Mounts the console on a router: the REST API under {@code /api} (described in {@code /api/openapi.yaml}), the live
 * channel at {@code /live}, and the pages under {@code /console/}.
 *
 * <p>The API's parts are classes of their own ({@link SignInWeb}, {@link AgentWeb}, {@link LiveWeb}, {@link AdminWeb},
 * {@link CampaignWeb}, ...); this one mounts them in order, with what every request passes first (size limit, security
 * headers, no NUL in the address, the session check).
 *
 * <p>Every API call but sign-in needs a session cookie; every change also needs the session's CSRF token in
 * {@value CsrfTokens#HEADER}; each handler checks {@link AccessRules} on the server before touching anything.
 *
 * <p>Threading: handlers run on the HTTP server's event loops; blocking work (hashing, JDBC) is on worker pools.
 */
public final class ConsoleWeb implements Consumer<Router> {
    /** The session cookie's name. */
    public static final String COOKIE = "cc_session";
    private static final int BODY_LIMIT_BYTES = 256 * 1024;

    private final Vertx vertx;
    private final ConsoleVerticle console;
    private final CampaignWeb campaigns;
    private final PreviewWeb preview;
    private final CallControlWeb callControl;
    private final SignInWeb sessions;
    private final AgentWeb agents;
    private final LiveWeb live;
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
        CallControlWeb callControl = new CallControlWeb(console);
        this.callControl = callControl;
        this.sessions = new SignInWeb(console);
        this.agents = new AgentWeb(vertx, console);
        this.live = new LiveWeb(console, sessions, callControl);
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
        router.route("/api/*").handler(ApiReplies::refuseNul);
        campaigns.mountUpload(router, sessions::authenticate);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES));
        router.get("/api/openapi.yaml").handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").sendFile("openapi.yaml"));
        sessions.mount(router);

        agents.mount(router);
        opportunities.mount(router);
        router.get("/api/wallboard").handler(rc -> supervise(rc, () -> json(rc, 200, console.wallboard().snapshot())));

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

        live.mount(router);
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

    private void headers(RoutingContext rc) {
        rc.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                        + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        rc.next();
    }
}
