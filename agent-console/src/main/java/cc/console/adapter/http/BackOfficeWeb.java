package cc.console.adapter.http;

import cc.console.app.ApiKeySecrets;
import cc.console.app.ApiKeyStore;
import cc.console.app.ConsoleVerticle;
import cc.console.domain.backoffice.ApiKey;
import cc.console.domain.backoffice.ApiScope;
import cc.console.domain.backoffice.CustomerInput;
import cc.console.domain.backoffice.RateLimiter;
import cc.core.adapter.json.CustomerJson;
import cc.core.app.customer.CustomerRegistry;
import cc.core.app.interaction.InteractionSearch;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.ScheduleCallback;
import cc.core.domain.customer.CustomerRecord;
import cc.core.domain.dialing.DialDecision;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static cc.console.adapter.http.ApiReplies.body;
import static cc.console.adapter.http.ApiReplies.error;
import static cc.console.adapter.http.ApiReplies.fail;
import static cc.console.adapter.http.ApiReplies.json;

/**
 * The back-office API under {@value #PREFIX}, for the systems around the center (an order system, an ERP, a CRM):
 * customers upserted by their external id, read, imported in bulk and merged; interactions searched; call backs
 * created; campaigns managed. Authenticated by {@code Authorization: Bearer <API key>}, never by the console's
 * session: no cookie is read, so no CSRF token is needed. Every request is checked in this order: a known, unrevoked
 * key (else 401), its rate limit (else 429 with {@code Retry-After}), the endpoint's scope (else 403 naming it), then
 * the body and parameters (else 400 naming the field). The key itself is never logged; its public id is.
 *
 * <p>Callbacks take the console's path ({@link ConsoleAddresses#CALLBACK_SCHEDULE}, checked against the same dial
 * rules); campaigns are the console's own campaign routes ({@link CampaignWeb}) mounted here behind the scope.
 *
 * <p>Threading: handlers run on the HTTP server's event loops; JDBC runs on the database's worker pool.
 */
public final class BackOfficeWeb {
    public static final String PREFIX = "/backoffice/v1";
    private static final Logger log = LoggerFactory.getLogger(BackOfficeWeb.class);
    private static final String KEY = "cc.apiKey";
    private static final int BODY_LIMIT_BYTES = 256 * 1024;
    private static final long BUS_TIMEOUT_MS = 5_000;
    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    private static final Duration MAX_RANGE = Duration.ofDays(366);

    private final Vertx vertx;
    private final ConsoleVerticle console;
    private final ApiKeyStore keys;
    private final CustomerRegistry customers;
    private final InteractionSearch interactions;
    private final RateLimiter limiter;
    private final CampaignWeb campaigns;
    private final BackOfficeImport imports;

    public BackOfficeWeb(Vertx vertx, ConsoleVerticle console, ApiKeyStore keys, CustomerRegistry customers,
                         InteractionSearch interactions, RateLimiter limiter) {
        this.vertx = vertx;
        this.console = console;
        this.keys = keys;
        this.customers = customers;
        this.interactions = interactions;
        this.limiter = limiter;
        this.campaigns = new CampaignWeb(vertx, BackOfficeWeb::caller);
        this.imports = new BackOfficeImport(customers);
    }

    /** The admins' API for these keys ({@code /api/admin/api-keys}), mounted by the console behind its session. */
    public ApiKeyAdminWeb admin() {
        return new ApiKeyAdminWeb(console, keys, limiter);
    }

    /** Mounts the API; call before the console's routes (it needs none of their session handling). */
    public void mount(Router router) {
        router.route(PREFIX + "/*").handler(this::headers);
        router.route(PREFIX + "/*").failureHandler(this::tooLarge);
        router.route(PREFIX + "/*").handler(this::authenticate);
        // streamed: before the body handler, which would hold the whole file in memory
        router.post(PREFIX + "/customers/import").handler(rc -> scoped(rc, ApiScope.CUSTOMERS_WRITE,
                () -> imports.handle(rc)));
        router.route(PREFIX + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.get(PREFIX + "/customers/external/:source/:externalId").handler(rc -> scoped(rc,
                ApiScope.CUSTOMERS_READ, () -> readExternal(rc)));
        router.put(PREFIX + "/customers/external/:source/:externalId").handler(rc -> scoped(rc,
                ApiScope.CUSTOMERS_WRITE, () -> upsert(rc)));
        router.get(PREFIX + "/customers/:id").handler(rc -> scoped(rc, ApiScope.CUSTOMERS_READ, () -> read(rc)));
        router.post(PREFIX + "/customers/:id/merge").handler(rc -> scoped(rc, ApiScope.CUSTOMERS_WRITE,
                () -> merge(rc)));
        router.get(PREFIX + "/interactions").handler(rc -> scoped(rc, ApiScope.INTERACTIONS_READ,
                () -> searchInteractions(rc)));
        router.post(PREFIX + "/callbacks").handler(rc -> scoped(rc, ApiScope.CALLBACKS_CREATE, () -> callback(rc)));
        campaigns.mountAt(router, PREFIX, (rc, action) -> scoped(rc, ApiScope.CAMPAIGNS_MANAGE, action));
        router.route(PREFIX + "/*").handler(rc -> fail(rc, 404, "no such API: " + rc.request().method() + " "
                + rc.request().path()));
    }

    // ---- keys, rate limit, scopes ----

    private void headers(RoutingContext rc) {
        rc.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control", "no-store");
        rc.next();
    }

    private void tooLarge(RoutingContext rc) {
        if (rc.statusCode() == 413) {
            fail(rc, 413, "the request is larger than " + BODY_LIMIT_BYTES / 1024 + " KiB (bulk imports go to "
                    + PREFIX + "/customers/import, which streams)");
        } else {
            rc.next();
        }
    }

    private void authenticate(RoutingContext rc) {
        String h = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (h == null || h.length() <= 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(rc, "send Authorization: Bearer <API key>");
            return;
        }
        String hash = ApiKeySecrets.hash(h.substring(7).strip());
        // the body must wait for the key's lookup (the router resumes it at the body handler or the import)
        rc.request().pause();
        keys.findByHash(hash).onComplete(r -> {
            if (r.failed()) {
                rc.request().resume();
                error(rc, r.cause());
                return;
            }
            Optional<ApiKey> key = r.result().filter(ApiKey::active);
            if (key.isEmpty()) {
                rc.request().resume();
                unauthorized(rc, "unknown or revoked API key");
                return;
            }
            RateLimiter.Decision d = limiter.take(key.get().id(), key.get().perMinute(), console.clock().instant());
            if (!d.allowed()) {
                rc.request().resume();
                long seconds = Math.max(1, (d.retryAfter().toMillis() + 999) / 1000);
                rc.response().putHeader("Retry-After", Long.toString(seconds));
                fail(rc, 429, "API key " + key.get().id() + " is limited to " + key.get().perMinute()
                        + " requests a minute; try again in " + seconds + " s");
                return;
            }
            rc.put(KEY, key.get());
            rc.request().resume();
            rc.next();
        });
    }

    private static void unauthorized(RoutingContext rc, String message) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"backoffice\"");
        fail(rc, 401, message);
    }

    static ApiKey key(RoutingContext rc) {
        return rc.get(KEY);
    }

    /** Who asks, as audit logs name it: {@code api-key:<id>}. */
    static String caller(RoutingContext rc) {
        return "api-key:" + key(rc).id();
    }

    private static void scoped(RoutingContext rc, ApiScope scope, Runnable action) {
        if (!key(rc).allows(scope)) {
            fail(rc, 403, "this API key lacks the scope " + scope.wire());
            return;
        }
        action.run();
    }

    // ---- customers ----

    private void read(RoutingContext rc) {
        long id = ApiReplies.longParam(rc, "id");
        if (id <= 0) {
            fail(rc, 400, "id: a customer id is a positive whole number");
            return;
        }
        customers.find(id).onSuccess(c -> answerCustomer(rc, c, "no customer " + id)).onFailure(e -> error(rc, e));
    }

    private void readExternal(RoutingContext rc) {
        String source = rc.pathParam("source");
        String externalId = rc.pathParam("externalId");
        Optional<String> bad = CustomerInput.checkSource(source).or(() -> CustomerInput.checkExternalId(externalId));
        if (bad.isPresent()) {
            fail(rc, 400, bad.get());
            return;
        }
        customers.findByExternalId(source, externalId)
                .onSuccess(c -> answerCustomer(rc, c, "no customer " + source + "/" + externalId))
                .onFailure(e -> error(rc, e));
    }

    private static void answerCustomer(RoutingContext rc, Optional<CustomerRecord> c, String missing) {
        if (c.isEmpty()) {
            fail(rc, 404, missing);
        } else {
            json(rc, 200, CustomerJson.of(c.get()));
        }
    }

    private void upsert(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        CustomerInput.Result input = CustomerInput.fromMap(rc.pathParam("source"),
                Optional.of(rc.pathParam("externalId")), b.getMap());
        if (input instanceof CustomerInput.Invalid bad) {
            fail(rc, 400, bad.reason());
            return;
        }
        customers.upsert(((CustomerInput.Valid) input).profile()).onSuccess(o -> {
            int status = switch (o.change()) {
                case CREATED -> 201;
                case UPDATED, UNCHANGED -> 200;
            };
            json(rc, status, new JsonObject().put("result", o.change().name().toLowerCase(java.util.Locale.ROOT))
                    .put("customer", CustomerJson.of(o.customer())));
        }).onFailure(e -> error(rc, e));
    }

    private void merge(RoutingContext rc) {
        long kept = ApiReplies.longParam(rc, "id");
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        Object dup = b.getValue("duplicateId");
        if (kept <= 0) {
            fail(rc, 400, "id: a customer id is a positive whole number");
            return;
        }
        if (!(dup instanceof Number n) || n.longValue() <= 0 || n.doubleValue() != n.longValue()) {
            fail(rc, 400, "duplicateId: the id of the customer to merge into this one, a positive whole number");
            return;
        }
        customers.merge(kept, n.longValue()).onSuccess(m -> {
            log.info("customer {} merged into {} by {}", m.merged().id(), m.kept().id(), caller(rc));
            JsonObject moved = new JsonObject();
            m.moved().forEach(moved::put);
            json(rc, 200, new JsonObject().put("customer", CustomerJson.of(m.kept()))
                    .put("merged", CustomerJson.of(m.merged())).put("moved", moved)
                    .put("scoresLeftOnMerged", m.scoresLeft()));
        }).onFailure(e -> {
            if (e instanceof java.util.NoSuchElementException) {
                fail(rc, 404, e.getMessage());
            } else {
                error(rc, e);
            }
        });
    }

    // ---- interactions ----

    private void searchInteractions(RoutingContext rc) {
        InteractionSearch.Query q;
        try {
            q = BackOfficeQueries.interactions(rc.queryParams(), console.clock().instant(), DEFAULT_RANGE, MAX_RANGE);
        } catch (IllegalArgumentException e) {
            fail(rc, 400, e.getMessage());
            return;
        }
        interactions.search(q).onSuccess(page -> {
            JsonObject out = new JsonObject().put("interactions",
                    new JsonArray(page.rows().stream().map(BackOfficeQueries::interaction).toList()));
            page.next().ifPresent(c -> out.put("next", BackOfficeQueries.cursor(c)));
            json(rc, 200, out);
        }).onFailure(e -> error(rc, e));
    }

    // ---- callbacks ----

    private void callback(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        Instant now = console.clock().instant();
        String caller = caller(rc);
        Object number = b.getValue("number");
        if (!(number instanceof String) || ((String) number).isBlank()) {
            fail(rc, 400, "number: the number to call back, a string");
            return;
        }
        DialDecision d = console.settings().dialRules().check((String) number, caller, now);
        if (!d.allowed()) {
            log.info("call back refused for {}: {} ({})", caller, d.reason(), d.detail());
            fail(rc, 422, "number: the dial rules refuse this number: " + d.detail());
            return;
        }
        Instant at;
        try {
            at = b.getValue("at") == null ? now : Instant.parse(b.getString("at"));
        } catch (DateTimeParseException | ClassCastException e) {
            fail(rc, 400, "at: an ISO-8601 instant such as 2026-11-23T10:00:00Z (left out: as soon as possible)");
            return;
        }
        if (at.isBefore(now.minus(Duration.ofMinutes(1)))) {
            fail(rc, 400, "at: a call back cannot be in the past");
            return;
        }
        Object customer = b.getValue("customerId", 0L);
        Object queue = b.getValue("queue", "");
        Object note = b.getValue("note", "");
        if (!(customer instanceof Number) || ((Number) customer).longValue() < 0) {
            fail(rc, 400, "customerId: a customer id, a positive whole number");
            return;
        }
        if (!(queue instanceof String) || ((String) queue).length() > 128) {
            fail(rc, 400, "queue: a queue name of at most 128 characters");
            return;
        }
        if (!(note instanceof String) || ((String) note).length() > 1000) {
            fail(rc, 400, "note: text of at most 1000 characters");
            return;
        }
        ScheduleCallback request = new ScheduleCallback(d.dialDigits(), at, ((Number) customer).longValue(),
                (String) queue, "", "", (String) note, caller);
        vertx.eventBus().request(ConsoleAddresses.CALLBACK_SCHEDULE, request,
                        new DeliveryOptions().setSendTimeout(BUS_TIMEOUT_MS))
                .onSuccess(m -> json(rc, 202, new JsonObject().put("number", d.dialDigits()).put("at", at.toString())))
                .onFailure(e -> error(rc, e));
    }
}
