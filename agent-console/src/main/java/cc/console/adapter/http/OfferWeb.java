package cc.console.adapter.http;

import cc.console.app.OfferDesk;
import cc.console.app.ScreenPops;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.core.contract.CallOffered;
import cc.core.domain.offer.OfferChoice;
import cc.core.domain.offer.PastOffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * The next-best offer of a call's screen-pop: {@code GET /api/pops/{id}/offer} (the product, its reason in Persian and
 * English, the evidence) and {@code POST /api/pops/{id}/offer} with {@code {product, outcome}} ({@code offered},
 * {@code accepted}, {@code declined}). Only the agent the call was offered to may read or answer it, and only for the
 * product shown on that call.
 *
 * <p>Threading: handlers run on the HTTP server's event loops; the store is read on the database's worker pool.
 */
public final class OfferWeb {
    private final ScreenPops pops;
    private final OfferDesk desk;

    public OfferWeb(ScreenPops pops, OfferDesk desk) {
        this.pops = pops;
        this.desk = desk;
    }

    void mount(Router router) {
        router.get("/api/pops/:id/offer").handler(this::offer);
        router.post("/api/pops/:id/offer").handler(this::answer);
    }

    private void offer(RoutingContext rc) {
        String id = rc.pathParam("id");
        call(rc, id).ifPresent(call -> desk.offerFor(id, call)
                .onSuccess(s -> ApiReplies.json(rc, 200, new JsonObject().put("offer",
                        s.map(shown -> json(shown.choice())).orElse(null))))
                .onFailure(e -> ApiReplies.error(rc, e)));
    }

    private void answer(RoutingContext rc) {
        String id = rc.pathParam("id");
        JsonObject body = ApiReplies.body(rc);
        if (body == null) {
            return;
        }
        String product = body.getString("product", "");
        Optional<PastOffer.Outcome> outcome = PastOffer.Outcome.fromWireName(body.getString("outcome", ""));
        if (outcome.isEmpty()) {
            ApiReplies.fail(rc, 400, "outcome must be offered, accepted or declined");
            return;
        }
        call(rc, id).ifPresent(call -> desk.answer(id, call.agentId(), product, outcome.get())
                .onSuccess(v -> rc.response().setStatusCode(204).end())
                .onFailure(e -> {
                    if (e instanceof OfferDesk.Refused) {
                        ApiReplies.fail(rc, 409, e.getMessage());
                    } else {
                        ApiReplies.error(rc, e);
                    }
                }));
    }

    /** The call when the user is the agent it was offered to; otherwise answered here (404, 403). */
    private Optional<CallOffered> call(RoutingContext rc, String popId) {
        Optional<CallOffered> call = pops.offer(popId);
        if (call.isEmpty()) {
            ApiReplies.fail(rc, 404, "no call " + popId);
            return Optional.empty();
        }
        Principal p = SignInWeb.principal(rc);
        if (!AccessRules.mayDispose(p, Optional.of(call.get().agentId()))) {
            ApiReplies.fail(rc, 403, "only the agent on the call makes its offer");
            return Optional.empty();
        }
        return call;
    }

    private static JsonObject json(OfferChoice c) {
        return new JsonObject().put("product", c.product().code()).put("kind", c.product().kind().wireName())
                .put("name", new JsonObject().put("fa", c.product().nameFa()).put("en", c.product().nameEn()))
                .put("propensity", Math.round(c.propensity() * 100) / 100.0)
                .put("evidence", new JsonArray(c.evidence()))
                .put("reason", new JsonObject().put("fa", c.reasonFa()).put("en", c.reasonEn()));
    }
}
