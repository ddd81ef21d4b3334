package cc.console.adapter.http;

import cc.core.contract.WebhookAddresses;
import cc.core.contract.WebhookAddresses.DeadLetter;
import cc.core.contract.WebhookAddresses.DeadLetters;
import cc.core.contract.WebhookAddresses.ListDeadLetters;
import cc.core.contract.WebhookAddresses.ReplayDeadLetter;
import cc.core.contract.WebhookAddresses.Replayed;
import cc.core.contract.WebhookAddresses.Status;
import cc.core.contract.WebhookAddresses.Subscription;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin's view of webhook deliveries, asked of the integration module over the event bus
 * ({@link WebhookAddresses}): {@code GET /api/admin/webhooks} (each subscription's progress and parked count),
 * {@code GET /api/admin/webhooks/dead-letters?subscription=&all=true&limit=} (parked events, newest first) and
 * {@code POST /api/admin/webhooks/dead-letters/{id}/replay} (send it again now). Admins only; 503 when the
 * integration module is not running.
 *
 * <p>Threading: handlers run on the HTTP server's event loops and only ask the event bus.
 */
public final class WebhookWeb {
    private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(15_000);

    private final Vertx vertx;

    public WebhookWeb(Vertx vertx) {
        this.vertx = vertx;
        WebhookAddresses.registerCodecs(vertx.eventBus());
    }

    void mount(Router router) {
        router.get("/api/admin/webhooks").handler(rc -> SignInWeb.administer(rc, () -> status(rc)));
        router.get("/api/admin/webhooks/dead-letters").handler(rc -> SignInWeb.administer(rc, () -> list(rc)));
        router.post("/api/admin/webhooks/dead-letters/:id/replay")
                .handler(rc -> SignInWeb.administer(rc, () -> replay(rc)));
    }

    private void status(RoutingContext rc) {
        vertx.eventBus().<Status>request(WebhookAddresses.STATUS, new WebhookAddresses.StatusQuery(), ASK)
                .onSuccess(m -> {
                    JsonArray subs = new JsonArray();
                    for (Subscription s : m.body().subscriptions()) {
                        subs.add(new JsonObject().put("name", s.name()).put("url", s.url())
                                .put("events", new JsonArray(s.events())).put("cursor", s.cursor())
                                .put("behind", s.behind()).put("lagMillis", s.lagMillis())
                                .put("failures", s.failures()).put("lastError", s.lastError())
                                .put("parked", s.parked()));
                    }
                    ApiReplies.json(rc, 200, new JsonObject().put("subscriptions", subs));
                })
                .onFailure(e -> ApiReplies.error(rc, e));
    }

    private void list(RoutingContext rc) {
        int limit;
        try {
            limit = Integer.parseInt(rc.queryParams().get("limit") == null ? "100" : rc.queryParams().get("limit"));
        } catch (NumberFormatException e) {
            ApiReplies.fail(rc, 400, "limit must be a number");
            return;
        }
        String subscription = rc.queryParams().get("subscription") == null ? "" : rc.queryParams().get("subscription");
        boolean all = "true".equals(rc.queryParams().get("all"));
        vertx.eventBus().<DeadLetters>request(WebhookAddresses.DEAD_LETTERS,
                new ListDeadLetters(subscription, all, Math.max(1, Math.min(limit, 500))), ASK)
                .onSuccess(m -> {
                    JsonArray list = new JsonArray();
                    for (DeadLetter d : m.body().deadLetters()) {
                        list.add(new JsonObject().put("id", d.id()).put("subscription", d.subscription())
                                .put("seq", d.seq()).put("eventId", d.eventId()).put("type", d.type())
                                .put("entityId", d.entityId()).put("occurredAt", d.occurredAt().toString())
                                .put("parkedAt", d.parkedAt().toString()).put("attempts", d.attempts())
                                .put("lastError", d.lastError())
                                .put("replayedAt", d.replayedAt().map(Object::toString).orElse(null))
                                .put("replayedBy", d.replayedBy().orElse(null)));
                    }
                    ApiReplies.json(rc, 200, new JsonObject().put("deadLetters", list));
                })
                .onFailure(e -> ApiReplies.error(rc, e));
    }

    private void replay(RoutingContext rc) {
        long id = ApiReplies.longParam(rc, "id");
        if (id < 0) {
            ApiReplies.fail(rc, 400, "id must be a number");
            return;
        }
        vertx.eventBus().<Replayed>request(WebhookAddresses.REPLAY,
                new ReplayDeadLetter(id, SignInWeb.principal(rc).username()), ASK)
                .onSuccess(m -> {
                    Replayed r = m.body();
                    // the receiver's refusal is not ours: 502, with what it said
                    ApiReplies.json(rc, r.delivered() ? 200 : 502, new JsonObject().put("id", r.id())
                            .put("delivered", r.delivered()).put("httpStatus", r.httpStatus()).put("error", r.error()));
                })
                .onFailure(e -> ApiReplies.error(rc, e));
    }
}
