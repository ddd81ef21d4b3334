package cc.console.adapter.http;

import cc.console.app.SelfService;
import cc.console.app.SelfServiceStore;
import cc.console.domain.i18n.PersianDigits;
import cc.console.domain.selfservice.SourceAddress;
import cc.core.contract.ClickToTalkStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

import static cc.console.adapter.http.ApiReplies.body;
import static cc.console.adapter.http.ApiReplies.fail;
import static cc.console.adapter.http.ApiReplies.json;

/**
 * The public self-service page at {@code /help/} (no sign-in) and its API under {@code /help/api/}: published-article
 * search, order status, queue waits, business hours and click-to-talk requests.
 *
 * <p>No session protects these routes, so every POST must come from this site's own page: JSON only (a cross-site
 * form cannot send it without a CORS preflight, never granted) and an {@code Origin} naming this host; bodies are
 * capped at {@value #BODY_LIMIT_BYTES} bytes. Abuse is bounded by the service's limits, counted per source address
 * (the socket's peer, or a trusted proxy's {@code X-Forwarded-For}).
 *
 * <p>Threading: handlers run on the HTTP server's event loops.
 */
public final class SelfServiceWeb implements Consumer<Router> {
    static final int BODY_LIMIT_BYTES = 4 * 1024;
    private static final int SEARCH_LIMIT = 10;
    private static final int QUERY_MAX = 200;
    private static final String REFERENCE = "[A-Z2-9]{10}";

    private final SelfService service;

    public SelfServiceWeb(SelfService service) {
        this.service = service;
    }

    @Override
    public void accept(Router router) {
        router.get("/help").handler(rc -> {
            if (rc.request().path().equals("/help")) {
                rc.redirect("/help/");
            } else {
                rc.next();
            }
        });
        router.route("/help/*").handler(SelfServiceWeb::headers);
        router.route("/help/api/*").failureHandler(rc -> {
            if (rc.statusCode() == 413) {
                fail(rc, 413, "the request is larger than " + BODY_LIMIT_BYTES + " bytes");
            } else {
                rc.next();
            }
        });
        router.route("/help/api/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT_BYTES));
        router.post("/help/api/*").handler(this::sameOrigin);
        router.get("/help/api/articles").handler(this::search);
        router.get("/help/api/articles/:id").handler(this::article);
        router.post("/help/api/orders/status").handler(this::order);
        router.get("/help/api/queues").handler(rc -> json(rc, 200, new JsonObject()
                .put("queues", service.queues(language(rc.queryParams().get("lang"))))));
        router.get("/help/api/hours").handler(rc -> json(rc, 200, service.hours()));
        router.post("/help/api/click-to-talk").handler(this::requestCall);
        router.get("/help/api/click-to-talk/:reference").handler(rc -> status(rc, false));
        router.post("/help/api/click-to-talk/:reference/cancel").handler(rc -> status(rc, true));
        router.route("/help/api/*").handler(rc -> fail(rc, 404, "no such API: " + rc.request().method() + " "
                + rc.request().path()));
        router.route("/help/*").handler(StaticHandler.create("console-web/help").setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8"));
    }

    private static void headers(RoutingContext rc) {
        rc.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                        + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
        rc.next();
    }

    private void sameOrigin(RoutingContext rc) {
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || !LiveWeb.sameOrigin(origin, rc.request().authority() == null ? null
                : rc.request().authority().toString())) {
            fail(rc, 403, "requests to this page must come from the page itself (Origin)");
            return;
        }
        rc.next();
    }

    private String address(RoutingContext rc) {
        String peer = rc.request().remoteAddress() == null ? "" : rc.request().remoteAddress().host();
        return SourceAddress.of(peer, rc.request().headers().getAll("X-Forwarded-For"),
                service.settings().trustedProxies());
    }

    private static String language(String lang) {
        return "fa".equals(lang) ? "fa" : "en";
    }

    private void search(RoutingContext rc) {
        String q = rc.queryParams().get("q");
        if (q == null || q.isBlank() || q.length() > QUERY_MAX) {
            fail(rc, 400, "q: type a few words (at most " + QUERY_MAX + " characters)");
            return;
        }
        json(rc, 200, new JsonObject().put("articles", service.search(q, SEARCH_LIMIT)));
    }

    private void article(RoutingContext rc) {
        long id = ApiReplies.longParam(rc, "id");
        service.article(id).ifPresentOrElse(a -> json(rc, 200, a), () -> fail(rc, 404, "no such article"));
    }

    private void order(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        String number = PersianDigits.toAscii(b.getValue("order", "") instanceof String s ? s.strip() : "");
        String lastFour = PersianDigits.toAscii(b.getValue("lastFour", "") instanceof String s ? s.strip() : "");
        if (!number.matches("[A-Za-z0-9-]{1,32}")) {
            fail(rc, 400, "order: the order number (letters, digits and '-', at most 32)");
            return;
        }
        if (!lastFour.matches("[0-9]{4}")) {
            fail(rc, 400, "lastFour: the last four digits of the phone on the order");
            return;
        }
        service.order(address(rc), number, lastFour).onComplete(r -> {
            if (r.failed()) {
                ApiReplies.error(rc, r.cause());
                return;
            }
            SelfService.OrderAnswer a = r.result();
            if (a instanceof SelfService.OrderFound f) {
                SelfServiceStore.Order o = f.order();
                JsonObject order = new JsonObject().put("number", o.number()).put("status", o.status())
                        .put("orderedAt", o.orderedAt().toString()).put("amount", o.amount().toPlainString());
                o.statusAt().ifPresent(t -> order.put("statusAt", t.toString()));
                json(rc, 200, new JsonObject().put("found", true).put("order", order));
            } else if (a instanceof SelfService.OrderThrottled) {
                rc.response().putHeader("Retry-After", "3600");
                json(rc, 429, new JsonObject().put("error", "too many lookups from your address; try again later")
                        .put("reason", "lookup-limit"));
            } else {
                json(rc, 200, new JsonObject().put("found", false));
            }
        });
    }

    private void requestCall(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        String number = text(b, "number");
        String topic = text(b, "topic");
        String queue = text(b, "queue");
        String lang = text(b, "language");
        String when = text(b, "when");
        if (number.isEmpty() || number.length() > 32) {
            fail(rc, 400, "number: the phone number to call (at most 32 characters)");
            return;
        }
        if (topic.length() > 200) {
            fail(rc, 400, "topic: at most 200 characters");
            return;
        }
        if (!lang.equals("fa") && !lang.equals("en")) {
            fail(rc, 400, "language: fa or en");
            return;
        }
        if (!service.settings().isPublic(queue)) {
            fail(rc, 400, "queue: one of the queues this page offers");
            return;
        }
        Optional<Instant> at;
        if (when.equals("now")) {
            at = Optional.empty();
        } else if (when.equals("at")) {
            try {
                at = Optional.of(Instant.parse(text(b, "at")));
            } catch (DateTimeParseException e) {
                fail(rc, 400, "at: the time to call, as an ISO-8601 instant (2026-12-02T10:30:00Z)");
                return;
            }
        } else {
            fail(rc, 400, "when: now or at");
            return;
        }
        service.requestCall(address(rc), new SelfService.CallForm(number, topic, lang, queue, at)).onComplete(r -> {
            if (r.failed()) {
                ApiReplies.error(rc, r.cause());
                return;
            }
            SelfService.CallAnswer a = r.result();
            if (a instanceof SelfService.CallSent s) {
                json(rc, 201, status(s.status()).put("reference", s.reference()));
            } else if (a instanceof SelfService.NoDialer n) {
                json(rc, 503, new JsonObject().put("reference", n.reference()).put("state", "unavailable")
                        .put("error", "no call-back service answered"));
            } else {
                SelfService.CallRefused f = (SelfService.CallRefused) a;
                boolean limit = f.reason().endsWith("-limit");
                if (limit) {
                    rc.response().putHeader("Retry-After", f.reason().equals("address-limit") ? "3600" : "86400");
                }
                json(rc, limit ? 429 : 422, new JsonObject().put("state", "refused").put("reason", f.reason())
                        .put("error", f.detail().isEmpty() ? f.reason() : f.detail()));
            }
        });
    }

    private void status(RoutingContext rc, boolean cancel) {
        String reference = rc.pathParam("reference");
        if (reference == null || !reference.matches(REFERENCE)) {
            fail(rc, 400, "reference: the 10-character reference the page showed");
            return;
        }
        (cancel ? service.cancel(reference) : service.status(reference)).onComplete(r -> {
            if (r.succeeded()) {
                json(rc, 200, status(r.result()).put("reference", reference));
            } else if (SelfService.unanswered(r.cause())) {
                json(rc, 503, new JsonObject().put("reference", reference).put("state", "unavailable")
                        .put("error", "no call-back service answered"));
            } else {
                ApiReplies.error(rc, r.cause());
            }
        });
    }

    private static JsonObject status(ClickToTalkStatus s) {
        return new JsonObject().put("state", s.state()).put("detail", s.detail()).put("at", s.at().toString());
    }

    private static String text(JsonObject b, String key) {
        return b.getValue(key) instanceof String s ? s.strip() : "";
    }
}
