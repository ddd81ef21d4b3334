package cc.console.adapter.http;

import cc.console.app.MediaDesk;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.core.contract.AnswerMediaOffer;
import cc.core.contract.LinkInteractionCustomer;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaOffered;
import cc.core.contract.MediaStatsUpdated;
import cc.core.contract.TransferMedia;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/**
 * The agent's side of chats and emails: {@code GET /api/media} (the contacts offered to the signed-in agent and those
 * the agent holds), {@code POST /api/media/{id}/accept} and {@code /decline} (only the agent offered may answer), and
 * {@code POST /api/interactions/{id}/customer} with {@code {customerId}} to link an unknown visitor or sender to a
 * customer (the agent who holds or held it, or a supervisor). Offers, holds and ends reach the agent's live socket as
 * {@code media-offer}, {@code media-held}, {@code media-offer-ended} and {@code media-ended} ({@link MediaDesk}).
 *
 * <p>Threading: handlers run on the HTTP server's event loops; the desk is thread-safe.
 */
public final class MediaWeb {
    private final Vertx vertx;
    private final MediaDesk desk;

    public MediaWeb(Vertx vertx, MediaDesk desk) {
        this.vertx = vertx;
        this.desk = desk;
        EventBus bus = vertx.eventBus();
        MediaAddresses.registerCodecs(bus);
        bus.<MediaOffered>consumer(MediaAddresses.OFFERED, m -> desk.onOffered(m.body()));
        bus.<MediaOfferEnded>consumer(MediaAddresses.OFFER_ENDED, m -> desk.onOfferEnded(m.body()));
        bus.<MediaEnded>consumer(MediaAddresses.ENDED, m -> desk.onEnded(m.body()));
        bus.<TransferMedia>consumer(MediaAddresses.TRANSFERRED, m -> desk.onTransferred(m.body()));
        bus.<MediaStatsUpdated>consumer(MediaAddresses.STATS, m -> desk.onStats(m.body()));
        // several nodes: the routing node's chat and email offers reach the agents connected here too
        bus.<MediaOffered>consumer(ClusterAddresses.fromPeers(MediaAddresses.OFFERED), m -> desk.onOffered(m.body()));
        bus.<MediaOfferEnded>consumer(ClusterAddresses.fromPeers(MediaAddresses.OFFER_ENDED),
                m -> desk.onOfferEnded(m.body()));
        bus.<MediaEnded>consumer(ClusterAddresses.fromPeers(MediaAddresses.ENDED), m -> desk.onEnded(m.body()));
        bus.<TransferMedia>consumer(ClusterAddresses.fromPeers(MediaAddresses.TRANSFERRED),
                m -> desk.onTransferred(m.body()));
        bus.<MediaStatsUpdated>consumer(ClusterAddresses.fromPeers(MediaAddresses.STATS), m -> desk.onStats(m.body()));
    }

    void mount(Router router) {
        router.get("/api/media").handler(this::list);
        router.get("/api/media/stats").handler(rc -> SignInWeb.supervise(rc, () -> ApiReplies.json(rc, 200,
                desk.stats())));
        router.post("/api/media/:id/accept").handler(rc -> answer(rc, true));
        router.post("/api/media/:id/decline").handler(rc -> answer(rc, false));
        router.post("/api/interactions/:id/customer").handler(this::link);
    }

    private void list(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        if (!p.takesCalls()) {
            ApiReplies.fail(rc, 403, "only agents hold chats and emails");
            return;
        }
        JsonArray offers = new JsonArray();
        JsonArray held = new JsonArray();
        for (MediaDesk.Item i : desk.of(p.agentId())) {
            (i.held() ? held : offers).add(i.json());
        }
        ApiReplies.json(rc, 200, new JsonObject().put("offers", offers).put("held", held)
                .put("load", desk.load(p.agentId())));
    }

    private void answer(RoutingContext rc, boolean accept) {
        Principal p = SignInWeb.principal(rc);
        String id = rc.pathParam("id");
        if (!p.takesCalls() || desk.offeredTo(id, p.agentId()).isEmpty()) {
            ApiReplies.fail(rc, p.takesCalls() ? 409 : 403, "no offer of " + id + " to you");
            return;
        }
        vertx.eventBus().<MediaOfferEnded>request(MediaAddresses.ANSWER,
                        new AnswerMediaOffer(p.agentId(), id, accept, Instant.now()))
                .onSuccess(r -> ApiReplies.json(rc, 200, new JsonObject().put("interactionId", id)
                        .put("outcome", r.body().outcome())))
                .onFailure(e -> refused(rc, e));
    }

    private void link(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        boolean supervisor = AccessRules.maySupervise(p);
        if (!supervisor && !p.takesCalls()) {
            ApiReplies.fail(rc, 403, "only the agent of the contact or a supervisor links its customer");
            return;
        }
        JsonObject body = ApiReplies.body(rc);
        if (body == null) {
            return;
        }
        Object raw = body.getValue("customerId");
        long customerId;
        try {
            customerId = raw instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(raw));
        } catch (NumberFormatException bad) {
            customerId = 0;
        }
        if (customerId <= 0) {
            ApiReplies.fail(rc, 400, "customerId must be a customer's id (a positive number)");
            return;
        }
        long customer = customerId;
        String id = rc.pathParam("id");
        vertx.eventBus().request(MediaAddresses.LINK_CUSTOMER,
                        new LinkInteractionCustomer(id, customer, supervisor ? "" : p.agentId()))
                .onSuccess(r -> ApiReplies.json(rc, 200, new JsonObject().put("interactionId", id)
                        .put("customerId", customer).put("note", String.valueOf(r.body()))))
                .onFailure(e -> refused(rc, e));
    }

    private static void refused(RoutingContext rc, Throwable e) {
        if (e instanceof ReplyException r && r.failureCode() >= 400 && r.failureCode() < 600) {
            ApiReplies.fail(rc, r.failureCode(), r.getMessage());
        } else {
            ApiReplies.error(rc, e);
        }
    }
}
