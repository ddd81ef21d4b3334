package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.console.domain.i18n.PersianDigits;
import cc.console.app.ScreenPops;
import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.SalesSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Opportunities from the call pop: {@code POST /api/opportunities}, {@code PUT /api/opportunities/{id}} and the
 * configured stages and lost reasons the form offers, {@code GET /api/sales/settings}.
 *
 * <p>The server decides: a stage must be configured (or won, lost); a loss needs a configured reason; a stage given
 * without a probability takes the stage's default, won is 100 % and lost 0 %. Only the owner, supervisors and admins
 * change an opportunity, and an agent records and keeps opportunities in their own name. An update changes only the
 * fields it sends.
 *
 * <p>Threading: handlers on the HTTP server's event loops; the store works on the database's worker pool.
 */
final class OpportunityWeb {
    private final ConsoleVerticle console;
    private final SalesSettings sales;

    OpportunityWeb(ConsoleVerticle console, SalesSettings sales) {
        this.console = console;
        this.sales = sales;
    }

    void mount(Router router) {
        router.get("/api/sales/settings").handler(rc -> ApiReplies.json(rc, 200, settings(sales)));
        router.post("/api/opportunities").handler(rc -> save(rc, Optional.empty()));
        router.put("/api/opportunities/:id").handler(rc -> {
            long id = ApiReplies.longParam(rc, "id");
            console.opportunities().find(id).onSuccess(old -> {
                if (old.isEmpty()) {
                    ApiReplies.fail(rc, 404, "no opportunity " + rc.pathParam("id"));
                } else if (!AccessRules.mayChangeOpportunity(SignInWeb.principal(rc), old.get().owner())) {
                    ApiReplies.fail(rc, 403, "only the owner or a supervisor may change this opportunity");
                } else {
                    save(rc, old);
                }
            }).onFailure(e -> ApiReplies.error(rc, e));
        });
    }

    static JsonObject settings(SalesSettings s) {
        return new JsonObject()
                .put("stages", new JsonArray(s.stages().stream().map(st -> new JsonObject().put("code", st.code())
                        .put("probability", st.probability()).put("en", st.en()).put("fa", st.fa())).toList()))
                .put("lostReasons", new JsonArray(s.lostReasons().stream().map(r -> new JsonObject()
                        .put("code", r.code()).put("en", r.en()).put("fa", r.fa())).toList()));
    }

    private void save(RoutingContext rc, Optional<Opportunity> old) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        Principal p = SignInWeb.principal(rc);
        Opportunity o;
        try {
            o = read(b, old, p);
        } catch (NumberFormatException | ClassCastException e) {
            ApiReplies.fail(rc, 400, "amount must be a decimal number, probability and customerId integers");
            return;
        } catch (DateTimeException e) {
            ApiReplies.fail(rc, 400, "expectedClose must be a date YYYY-MM-DD");
            return;
        } catch (IllegalArgumentException e) {
            ApiReplies.fail(rc, 400, e.getMessage());
            return;
        }
        if (o.customerId() <= 0) {
            ApiReplies.fail(rc, 400, "customerId is required");
            return;
        }
        Optional<String> refusal = sales.refusal(o);
        if (refusal.isPresent()) {
            ApiReplies.fail(rc, 400, refusal.get());
            return;
        }
        if (!AccessRules.mayChangeOpportunity(p, o.owner())) {
            ApiReplies.fail(rc, 403, "an agent records opportunities in their own name; a supervisor may give one to"
                    + " another owner");
            return;
        }
        console.opportunities().save(o)
                .onSuccess(saved -> ApiReplies.json(rc, old.isEmpty() ? 201 : 200, ScreenPops.opportunity(saved)))
                .onFailure(e -> ApiReplies.error(rc, e));
    }

    /** The opportunity the body describes: a new one, or {@code old} with the fields the body sends changed. */
    private Opportunity read(JsonObject b, Optional<Opportunity> old, Principal p) {
        String stage = text(b, "stage").orElseGet(() -> {
            // clients that only know open/won/lost
            Optional<String> status = text(b, "status").filter(s -> !s.equals(Opportunity.OPEN));
            return status.orElseGet(() -> old.map(Opportunity::stage).orElse(sales.stages().get(0).code()));
        });
        int probability;
        if (stage.equals(Opportunity.WON)) {
            probability = 100;
        } else if (stage.equals(Opportunity.LOST)) {
            probability = 0;
        } else if (b.getValue("probability") != null) {
            probability = Integer.parseInt(PersianDigits.toAscii(String.valueOf(b.getValue("probability"))).strip());
        } else if (old.isPresent() && old.get().stage().equals(stage)) {
            probability = old.get().probability();
        } else {
            probability = sales.stage(stage).map(SalesSettings.Stage::probability).orElse(0);
        }
        Optional<LocalDate> expected = b.containsKey("expectedClose")
                ? text(b, "expectedClose").map(d -> LocalDate.parse(PersianDigits.toAscii(d)))
                : old.flatMap(Opportunity::expectedClose);
        BigDecimal amount = b.getValue("amount") != null
                ? new BigDecimal(PersianDigits.toAscii(String.valueOf(b.getValue("amount"))).strip())
                : old.map(Opportunity::amount).orElse(BigDecimal.ZERO);
        String lostReason = stage.equals(Opportunity.LOST)
                ? text(b, "lostReason").orElse(old.map(Opportunity::lostReason).orElse("")) : "";
        return new Opportunity(old.map(Opportunity::id).orElse(0L),
                old.map(Opportunity::customerId).orElseGet(() -> b.getLong("customerId", 0L)),
                old.map(Opportunity::interactionId).orElseGet(() -> b.getString("interactionId", "")),
                text(b, "title").orElse(old.map(Opportunity::title).orElse("")), amount,
                text(b, "currency").orElse(old.map(Opportunity::currency).orElse("")), probability,
                text(b, "owner").orElse(old.map(Opportunity::owner).orElse(p.username())), stage,
                b.containsKey("product") ? b.getString("product", "") : old.map(Opportunity::product).orElse(""),
                lostReason, expected, Optional.empty(), Optional.empty());
    }

    private static Optional<String> text(JsonObject b, String key) {
        Object v = b.getValue(key);
        return v == null || String.valueOf(v).isBlank() ? Optional.empty() : Optional.of(String.valueOf(v).strip());
    }
}
