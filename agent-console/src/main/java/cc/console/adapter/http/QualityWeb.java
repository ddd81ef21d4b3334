package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.app.QualityStore;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.console.domain.quality.Evaluation;
import cc.console.domain.quality.EvaluationForm;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Quality review under {@code /api/quality}: admins define evaluation forms; supervisors and admins list the calls
 * agents handled, score one on a form and read averages per agent and queue; an agent reads their own evaluations.
 * Every rule is in {@link AccessRules}; the agent and queue of an evaluation are taken from the call's record, never
 * from the request. Dates ({@code from}, {@code to}, both included) are days in the console's time zone.
 *
 * <p>Threading: handlers run on the HTTP server's event loops and wait only on the JDBC store's futures.
 */
final class QualityWeb {
    private static final Logger log = LoggerFactory.getLogger(QualityWeb.class);
    /** The wallboard's agent grid shows each agent's average over this many days, up to now. */
    static final int WALLBOARD_DAYS = 30;
    private static final int MAX_RANGE_DAYS = 366;
    private static final int DEFAULT_RANGE_DAYS = 30;
    private static final int LIST_LIMIT = 500;

    private final ConsoleVerticle console;
    private final QualityStore store;

    QualityWeb(ConsoleVerticle console) {
        this.console = console;
        this.store = console.quality();
    }

    void mount(Router router) {
        router.get("/api/quality/forms").handler(this::forms);
        router.get("/api/quality/forms/:id").handler(rc -> review(rc, () -> oneForm(rc)));
        router.post("/api/quality/forms").handler(rc -> manage(rc, () -> createForm(rc)));
        router.put("/api/quality/forms/:id").handler(rc -> manage(rc, () -> updateForm(rc)));
        router.post("/api/quality/forms/:id/retire").handler(rc -> manage(rc, () -> retireForm(rc)));
        router.get("/api/quality/calls").handler(rc -> review(rc, () -> calls(rc)));
        router.get("/api/quality/calls/:id").handler(rc -> review(rc, () -> oneCall(rc)));
        router.post("/api/quality/evaluations").handler(rc -> review(rc, () -> evaluate(rc)));
        router.get("/api/quality/evaluations").handler(this::evaluations);
        router.get("/api/quality/evaluations/:id").handler(this::oneEvaluation);
        router.get("/api/quality/averages").handler(rc -> review(rc, () -> averages(rc)));
        router.get("/api/quality/wallboard").handler(rc -> review(rc, () -> wallboard(rc)));
    }

    // ---- forms ----

    /** Supervisors read the forms in use; admins may ask for retired ones too ({@code ?all=true}). */
    private void forms(RoutingContext rc) {
        review(rc, () -> {
            boolean all = "true".equals(rc.queryParams().get("all"));
            if (all && !AccessRules.mayManageQualityForms(SignInWeb.principal(rc))) {
                ApiReplies.fail(rc, 403, "retired forms are for admins");
                return;
            }
            store.forms(all).onSuccess(list -> ApiReplies.json(rc, 200, new JsonObject().put("forms",
                    new JsonArray(list.stream().map(QualityJson::form).toList())))).onFailure(e -> ApiReplies.error(rc, e));
        });
    }

    private void oneForm(RoutingContext rc) {
        long id = idParam(rc);
        String version = rc.queryParams().get("version");
        int v;
        try {
            v = version == null ? 0 : Integer.parseInt(version);
        } catch (NumberFormatException e) {
            ApiReplies.fail(rc, 400, "version: must be a whole number");
            return;
        }
        (v == 0 ? store.form(id) : store.form(id, v)).onSuccess(f -> f.ifPresentOrElse(
                        form -> ApiReplies.json(rc, 200, QualityJson.form(form)),
                        () -> ApiReplies.fail(rc, 404, "no form " + rc.pathParam("id") + (v == 0 ? "" : " version " + v))))
                .onFailure(e -> ApiReplies.error(rc, e));
    }

    private void createForm(RoutingContext rc) {
        parsedForm(rc).ifPresent(form -> {
            Principal p = SignInWeb.principal(rc);
            store.create(form, p.username()).onSuccess(f -> {
                log.info("quality form {} '{}' created by {}", f.id(), f.name(), p.username());
                ApiReplies.json(rc, 201, QualityJson.form(f));
            }).onFailure(e -> ApiReplies.error(rc, e));
        });
    }

    private void updateForm(RoutingContext rc) {
        long id = idParam(rc);
        parsedForm(rc).ifPresent(form -> {
            Principal p = SignInWeb.principal(rc);
            store.update(id, form, p.username()).onSuccess(f -> f.ifPresentOrElse(saved -> {
                log.info("quality form {} '{}' saved by {} as version {}", id, saved.name(), p.username(), saved.version());
                ApiReplies.json(rc, 200, QualityJson.form(saved));
            }, () -> ApiReplies.fail(rc, 404, "no form " + rc.pathParam("id")))).onFailure(e -> ApiReplies.error(rc, e));
        });
    }

    private void retireForm(RoutingContext rc) {
        long id = idParam(rc);
        store.retire(id).onSuccess(f -> f.ifPresentOrElse(saved -> {
            log.info("quality form {} retired by {}", id, SignInWeb.principal(rc).username());
            ApiReplies.json(rc, 200, QualityJson.form(saved));
        }, () -> ApiReplies.fail(rc, 404, "no form " + rc.pathParam("id")))).onFailure(e -> ApiReplies.error(rc, e));
    }

    private static Optional<EvaluationForm> parsedForm(RoutingContext rc) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(QualityJson.form(b));
        } catch (IllegalArgumentException e) {
            ApiReplies.fail(rc, 400, e.getMessage());
            return Optional.empty();
        }
    }

    // ---- calls and evaluations ----

    private void calls(RoutingContext rc) {
        range(rc).ifPresent(r -> store.calls(param(rc, "agent"), param(rc, "queue"), r[0], r[1], LIST_LIMIT)
                .onSuccess(list -> ApiReplies.json(rc, 200, new JsonObject().put("calls",
                        new JsonArray(list.stream().map(QualityJson::call).toList()))))
                .onFailure(e -> ApiReplies.error(rc, e)));
    }

    /** The call with the forms it may be scored on and the evaluations it already has. */
    private void oneCall(RoutingContext rc) {
        String id = rc.pathParam("id");
        store.call(id).onSuccess(call -> {
            if (call.isEmpty()) {
                ApiReplies.fail(rc, 404, "no call " + id + " handled by an agent");
                return;
            }
            store.forms(false).onSuccess(forms -> store.evaluations(new QualityStore.EvaluationQuery(Optional.empty(),
                            Optional.of(id), Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), LIST_LIMIT))
                    .onSuccess(done -> ApiReplies.json(rc, 200, new JsonObject().put("call", QualityJson.call(call.get()))
                            .put("forms", new JsonArray(forms.stream().map(QualityJson::form).toList()))
                            .put("evaluations", new JsonArray(done.stream().map(QualityJson::summary).toList()))))
                    .onFailure(e -> ApiReplies.error(rc, e))).onFailure(e -> ApiReplies.error(rc, e));
        }).onFailure(e -> ApiReplies.error(rc, e));
    }

    private void evaluate(RoutingContext rc) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        String interactionId;
        long formId;
        Integer formVersion;
        Map<String, String> answers;
        Map<String, String> comments;
        String comment;
        try {
            interactionId = QualityJson.text(b, "interactionId", "interactionId");
            if (!(b.getValue("formId") instanceof Number n)) {
                throw new IllegalArgumentException("formId: required, a number");
            }
            formId = n.longValue();
            Object v = b.getValue("formVersion");
            if (v != null && !(v instanceof Number)) {
                throw new IllegalArgumentException("formVersion: must be a number");
            }
            formVersion = v == null ? null : ((Number) v).intValue();
            answers = QualityJson.answers(b);
            comments = QualityJson.comments(b);
            comment = b.getValue("comment") == null ? "" : QualityJson.text(b, "comment", "comment");
        } catch (IllegalArgumentException e) {
            ApiReplies.fail(rc, 400, e.getMessage());
            return;
        }
        Principal p = SignInWeb.principal(rc);
        store.call(interactionId).onSuccess(call -> {
            if (call.isEmpty()) {
                ApiReplies.fail(rc, 404, "no call " + interactionId + " handled by an agent");
                return;
            }
            QualityStore.CallToReview c = call.get();
            if (!AccessRules.mayEvaluate(p, c.agentId())) {
                ApiReplies.fail(rc, 403, "you may not score your own call");
                return;
            }
            store.form(formId).onSuccess(form -> {
                if (form.isEmpty()) {
                    ApiReplies.fail(rc, 404, "no form " + formId);
                    return;
                }
                EvaluationForm f = form.get();
                if (formVersion != null && formVersion != f.version()) {
                    ApiReplies.fail(rc, 409, "form '" + f.name() + "' changed to version " + f.version()
                            + " after you opened it; reload it and score again");
                    return;
                }
                Evaluation e;
                try {
                    e = Evaluation.of(f, c.interactionId(), c.agentId(), c.queue(), p.username(), answers, comments,
                            comment, console.clock().instant());
                } catch (IllegalArgumentException x) {
                    ApiReplies.fail(rc, 400, x.getMessage());
                    return;
                }
                store.save(e).onSuccess(saved -> {
                    log.info("call {} of agent {} scored {} on form {} v{} by {}", saved.interactionId(),
                            saved.agentId(), saved.score().percent(), saved.formId(), saved.formVersion(), p.username());
                    ApiReplies.json(rc, 201, QualityJson.evaluation(saved));
                }).onFailure(x -> ApiReplies.error(rc, x));
            }).onFailure(x -> ApiReplies.error(rc, x));
        }).onFailure(x -> ApiReplies.error(rc, x));
    }

    /** An agent lists their own evaluations (asking for another agent's is refused); reviewers any agent's. */
    private void evaluations(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        Optional<String> agent = param(rc, "agent");
        if (!AccessRules.mayReviewQuality(p)) {
            if (!p.takesCalls() || agent.isPresent() && !agent.get().equals(p.agentId())) {
                ApiReplies.fail(rc, 403, "you may read only your own evaluations");
                return;
            }
            agent = Optional.of(p.agentId());
        }
        Optional<String> forAgent = agent;
        range(rc).ifPresent(r -> store.evaluations(new QualityStore.EvaluationQuery(forAgent,
                        param(rc, "interaction"), r[0], r[1], LIST_LIMIT))
                .onSuccess(list -> ApiReplies.json(rc, 200, new JsonObject().put("evaluations",
                        new JsonArray(list.stream().map(QualityJson::summary).toList()))))
                .onFailure(e -> ApiReplies.error(rc, e)));
    }

    /** One evaluation with the version of the form it was scored on. */
    private void oneEvaluation(RoutingContext rc) {
        long id = idParam(rc);
        Principal p = SignInWeb.principal(rc);
        store.evaluation(id).onSuccess(found -> {
            if (found.isEmpty()) {
                ApiReplies.fail(rc, 404, "no evaluation " + rc.pathParam("id"));
                return;
            }
            Evaluation e = found.get();
            if (!AccessRules.mayReadEvaluation(p, e.agentId())) {
                ApiReplies.fail(rc, 403, "this evaluation is about another agent");
                return;
            }
            store.form(e.formId(), e.formVersion()).onSuccess(f -> ApiReplies.json(rc, 200,
                            QualityJson.evaluation(e).put("form", f.map(QualityJson::form).orElse(null))))
                    .onFailure(x -> ApiReplies.error(rc, x));
        }).onFailure(x -> ApiReplies.error(rc, x));
    }

    // ---- averages ----

    /** For the reports: {@code by=agent} (the default) or {@code by=queue}. */
    private void averages(RoutingContext rc) {
        String by = Optional.ofNullable(rc.queryParams().get("by")).orElse("agent");
        if (!by.equals("agent") && !by.equals("queue")) {
            ApiReplies.fail(rc, 400, "by: must be agent or queue");
            return;
        }
        range(rc).ifPresent(r -> (by.equals("agent") ? store.averagesByAgent(r[0], r[1])
                : store.averagesByQueue(r[0], r[1]))
                .onSuccess(list -> ApiReplies.json(rc, 200, new JsonObject().put("by", by)
                        .put("averages", QualityJson.averages(list, by.equals("agent") ? "agentId" : "queue"))))
                .onFailure(e -> ApiReplies.error(rc, e)));
    }

    /** Each agent's last {@value #WALLBOARD_DAYS} days, up to now, for the wallboard's agent grid. */
    private void wallboard(RoutingContext rc) {
        Instant now = console.clock().instant();
        Instant since = now.minus(Duration.ofDays(WALLBOARD_DAYS));
        store.averagesByAgent(since, now.plusMillis(1))
                .onSuccess(list -> ApiReplies.json(rc, 200, new JsonObject().put("days", WALLBOARD_DAYS)
                        .put("since", since.toString()).put("agents", QualityJson.averages(list, "agentId"))))
                .onFailure(e -> ApiReplies.error(rc, e));
    }

    // ---- helpers ----

    private static void manage(RoutingContext rc, Runnable action) {
        if (!AccessRules.mayManageQualityForms(SignInWeb.principal(rc))) {
            ApiReplies.fail(rc, 403, "evaluation forms are defined by admins");
            return;
        }
        action.run();
    }

    private static void review(RoutingContext rc, Runnable action) {
        if (!AccessRules.mayReviewQuality(SignInWeb.principal(rc))) {
            ApiReplies.fail(rc, 403, "quality review is for supervisors and admins");
            return;
        }
        action.run();
    }

    /**
     * {@code from} and {@code to} (both days included; by default the last {@value #DEFAULT_RANGE_DAYS} days) as
     * [start of from, start of the day after to) in the console's zone; empty after answering 400.
     */
    private Optional<Instant[]> range(RoutingContext rc) {
        ZoneId zone = console.settings().zone();
        LocalDate today = LocalDate.ofInstant(console.clock().instant(), zone);
        LocalDate from;
        LocalDate to;
        try {
            to = param(rc, "to").map(v -> CampaignJson.date(v, "to")).orElse(today);
            from = param(rc, "from").map(v -> CampaignJson.date(v, "from"))
                    .orElse(to.minusDays(DEFAULT_RANGE_DAYS - 1));
        } catch (IllegalArgumentException e) {
            ApiReplies.fail(rc, 400, e.getMessage());
            return Optional.empty();
        }
        if (to.isBefore(from)) {
            ApiReplies.fail(rc, 400, "to: must not be before from");
            return Optional.empty();
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            ApiReplies.fail(rc, 400, "to: a range covers at most " + MAX_RANGE_DAYS + " days");
            return Optional.empty();
        }
        return Optional.of(new Instant[] {from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant()});
    }

    private static Optional<String> param(RoutingContext rc, String name) {
        String v = rc.queryParams().get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static long idParam(RoutingContext rc) {
        try {
            return Long.parseLong(rc.pathParam("id"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
