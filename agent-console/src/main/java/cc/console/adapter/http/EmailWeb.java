package cc.console.adapter.http;

import cc.console.app.EmailCases;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.List;

/**
 * The email panel's API. {@code GET /api/email/mine}: the open cases the signed-in agent holds;
 * {@code GET /api/email/{interactionId}}: the thread; {@code GET /api/email/{id}/templates};
 * {@code POST /api/email/{id}/reply} with {@code {text}}: the answer, sent and the contact closed;
 * {@code GET /api/email/{id}/attachments/{attachmentId}}: a file, always as a download;
 * {@code GET /api/email/timeline?ids=a,b}: the messages of a customer's email interactions, shortened.
 * Only the agent holding a case (and supervisors) read it, its files, or answer it.
 *
 * <p>Threading: handlers run on the HTTP server's event loops; the cases are read on the database's worker pool.
 */
public final class EmailWeb {
    private static final int MAX_TEXT = 100_000;
    private static final int MAX_TIMELINE_IDS = 50;
    private final EmailCases cases;

    public EmailWeb(EmailCases cases) {
        this.cases = cases;
    }

    void mount(Router router) {
        router.get("/api/email/mine").handler(this::mine);
        router.get("/api/email/timeline").handler(this::timeline);
        router.get("/api/email/:id").handler(rc -> held(rc, () -> cases.thread(rc.pathParam("id"))
                .onSuccess(t -> t.ifPresentOrElse(v -> ApiReplies.json(rc, 200, v),
                        () -> ApiReplies.fail(rc, 404, "no email case " + rc.pathParam("id"))))
                .onFailure(e -> ApiReplies.error(rc, e))));
        router.get("/api/email/:id/templates").handler(rc -> held(rc, () -> cases.templates(rc.pathParam("id"),
                        SignInWeb.principal(rc).name())
                .onSuccess(t -> ApiReplies.json(rc, 200, new JsonObject().put("templates", t)))
                .onFailure(e -> ApiReplies.error(rc, e))));
        router.get("/api/email/:id/attachments/:attachmentId").handler(this::attachment);
        router.post("/api/email/:id/reply").handler(this::reply);
    }

    private void mine(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        if (!p.takesCalls()) {
            ApiReplies.json(rc, 200, new JsonObject().put("cases", new JsonArray()));
            return;
        }
        cases.heldBy(p.agentId()).onSuccess(a -> ApiReplies.json(rc, 200, new JsonObject().put("cases", a)))
                .onFailure(e -> ApiReplies.error(rc, e));
    }

    /** Short messages of past cases, for the timeline: agents (who see the customer's pop) and supervisors. */
    private void timeline(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        if (!p.takesCalls() && !AccessRules.maySupervise(p)) {
            ApiReplies.fail(rc, 403, "only agents and supervisors read the timeline");
            return;
        }
        String ids = rc.request().getParam("ids", "");
        List<String> list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.size() > MAX_TIMELINE_IDS) {
            ApiReplies.fail(rc, 400, "ids: at most " + MAX_TIMELINE_IDS);
            return;
        }
        cases.timeline(list).onSuccess(a -> ApiReplies.json(rc, 200, new JsonObject().put("messages", a)))
                .onFailure(e -> ApiReplies.error(rc, e));
    }

    private void attachment(RoutingContext rc) {
        long attachmentId = ApiReplies.longParam(rc, "attachmentId");
        if (attachmentId < 0) {
            ApiReplies.fail(rc, 400, "attachmentId must be a number");
            return;
        }
        held(rc, () -> cases.attachment(rc.pathParam("id"), attachmentId).onSuccess(f -> {
            if (f.isEmpty()) {
                ApiReplies.fail(rc, 404, "no attachment " + attachmentId + " in this case");
                return;
            }
            String name = f.get().name().isBlank() ? "attachment-" + attachmentId : f.get().name();
            // always a download, never rendered in the console's origin: a sender's HTML or SVG runs no script here
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                            + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20"))
                    .end(Buffer.buffer(f.get().bytes()));
        }).onFailure(e -> ApiReplies.error(rc, e)));
    }

    private void reply(RoutingContext rc) {
        JsonObject body = ApiReplies.body(rc);
        if (body == null) {
            return;
        }
        Object text = body.getValue("text");
        if (!(text instanceof String s) || s.isBlank()) {
            ApiReplies.fail(rc, 400, "text: write the answer");
            return;
        }
        if (s.length() > MAX_TEXT) {
            ApiReplies.fail(rc, 400, "text: at most " + MAX_TEXT + " characters");
            return;
        }
        Principal p = SignInWeb.principal(rc);
        held(rc, () -> cases.reply(rc.pathParam("id"), p.agentId(), AccessRules.maySupervise(p), s)
                .onSuccess(v -> rc.response().setStatusCode(204).end())
                .onFailure(e -> {
                    if (e instanceof SecurityException) {
                        ApiReplies.fail(rc, 403, e.getMessage());
                    } else {
                        ApiReplies.error(rc, e);
                    }
                }));
    }

    /** Runs {@code action} when the user holds the case or supervises; otherwise answers 403. */
    private void held(RoutingContext rc, Runnable action) {
        Principal p = SignInWeb.principal(rc);
        cases.holder(rc.pathParam("id")).onSuccess(holder -> {
            if (AccessRules.mayReadCall(p, holder)) {
                action.run();
            } else {
                ApiReplies.fail(rc, 403, "only the agent holding this email case (and supervisors) may read or answer it");
            }
        }).onFailure(e -> ApiReplies.error(rc, e));
    }
}
