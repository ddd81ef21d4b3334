package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.app.DirectoryStore;
import cc.console.app.KnowledgeStore;
import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;


import static cc.console.adapter.http.SignInWeb.administer;
import static cc.console.adapter.http.ApiReplies.body;
import static cc.console.adapter.http.ApiReplies.error;
import static cc.console.adapter.http.ApiReplies.fail;
import static cc.console.adapter.http.ApiReplies.json;
import static cc.console.adapter.http.ApiReplies.longParam;

/**
 * The admins' part of the console's API ({@code /api/admin/*}): users with their roles, phones and skills, queues,
 * skills, campaign scripts and knowledge-base articles. Every route is for admins only ({@code AccessRules
 * .mayAdminister}); mounted by {@link ConsoleWeb} behind its authentication.
 */
final class AdminWeb {
    private final Vertx vertx;
    private final ConsoleVerticle console;

    AdminWeb(Vertx vertx, ConsoleVerticle console) {
        this.vertx = vertx;
        this.console = console;
    }

    void mount(Router router) {
        router.get("/api/admin/users").handler(this::listUsers);
        router.post("/api/admin/users").handler(rc -> saveUser(rc, true));
        router.put("/api/admin/users/:username").handler(rc -> saveUser(rc, false));
        router.get("/api/admin/users/:username/skills").handler(rc -> administer(rc, () -> console.directory()
                .userSkills(rc.pathParam("username")).onSuccess(m -> json(rc, 200,
                        new JsonObject().put("skills", new JsonObject(new java.util.LinkedHashMap<>(m)))))
                .onFailure(e -> error(rc, e))));
        router.put("/api/admin/users/:username/skills").handler(this::saveUserSkills);
        router.get("/api/admin/articles").handler(rc -> administer(rc, () -> console.knowledge().articles()
                .onSuccess(list -> json(rc, 200, new JsonObject().put("articles", new JsonArray(
                        list.stream().map(AdminWeb::article).toList())))).onFailure(e -> error(rc, e))));
        router.post("/api/admin/articles").handler(rc -> saveArticle(rc, 0));
        router.put("/api/admin/articles/:id").handler(rc -> saveArticle(rc, longParam(rc, "id")));
        router.delete("/api/admin/articles/:id").handler(this::deleteArticle);
        router.get("/api/admin/queues").handler(rc -> administer(rc, () -> console.directory().queues()
                .onSuccess(list -> json(rc, 200, new JsonObject().put("queues", new JsonArray(list.stream()
                        // built field by field: JsonObject.mapFrom needs Jackson Databind, which the server does not
                        // carry, so the list failed unanswered as soon as one queue existed (found by fuzzing)
                        .map(q -> new JsonObject().put("name", q.name()).put("displayName", q.displayName())
                                .put("serviceLevelSeconds", q.serviceLevelSeconds())
                                .put("questionScript", q.questionScript()))
                        .toList())))).onFailure(e -> error(rc, e))));
        router.put("/api/admin/queues/:name").handler(this::saveQueue);
        router.get("/api/admin/skills").handler(rc -> administer(rc, () -> console.directory().skills()
                .onSuccess(list -> json(rc, 200, new JsonObject().put("skills", new JsonArray(list.stream()
                        .map(s -> new JsonObject().put("name", s.name()).put("description", s.description()))
                        .toList())))).onFailure(e -> error(rc, e))));
        router.put("/api/admin/skills/:name").handler(this::saveSkill);
        router.put("/api/admin/campaign-scripts/:campaign").handler(this::saveCampaignScript);
        router.post("/api/admin/warehouse/export").handler(this::exportWarehouse);
    }

    private void listUsers(RoutingContext rc) {
        administer(rc, () -> console.users().list().onSuccess(list -> json(rc, 200, new JsonObject().put("users",
                new JsonArray(list.stream().map(u -> user(u)).toList())))).onFailure(e -> error(rc, e)));
    }

    private static JsonObject user(UserAccount u) {
        Principal p = u.principal();
        return new JsonObject().put("username", p.username()).put("name", p.name()).put("role", p.role().code())
                .put("agentId", p.agentId()).put("language", p.language()).put("phone", p.phone())
                .put("active", u.active());
    }

    private void saveUser(RoutingContext rc, boolean create) {
        administer(rc, () -> {
            JsonObject b = body(rc);
            if (b == null) {
                return;
            }
            String username = create ? b.getString("username", "").strip() : rc.pathParam("username");
            if (!username.matches("[A-Za-z0-9._@\\-]{2,64}")) {
                fail(rc, 400, "username must be 2 to 64 letters, digits or . _ @ -");
                return;
            }
            Principal p;
            try {
                p = new Principal(username, b.getString("name", username), Role.of(b.getString("role", "agent")),
                        b.getString("agentId", ""), b.getString("language", "en"), b.getString("phone", ""));
            } catch (IllegalArgumentException e) {
                fail(rc, 400, e.getMessage());
                return;
            }
            String password = b.getString("password", "");
            boolean active = b.getBoolean("active", true);
            console.users().find(username).onSuccess(existing -> {
                if (create && existing.isPresent()) {
                    fail(rc, 409, "user " + username + " exists");
                    return;
                }
                if (!create && existing.isEmpty()) {
                    fail(rc, 404, "no user " + username);
                    return;
                }
                Future<String> hash;
                if (password.isEmpty()) {
                    if (create) {
                        fail(rc, 400, "a new user needs a password");
                        return;
                    }
                    hash = Future.succeededFuture(existing.get().passwordHash());
                } else {
                    String weakness = PasswordHasher.weakness(password);
                    if (!weakness.isEmpty()) {
                        fail(rc, 400, weakness);
                        return;
                    }
                    hash = vertx.executeBlocking(() -> console.hasher().hash(password.toCharArray()), false);
                }
                hash.compose(h -> console.users().save(new UserAccount(p, h, active))).onSuccess(v -> {
                    if (!create) {
                        console.sessions().closeUser(username);
                        console.hub().closeEndedAsync(console.sessions());
                    }
                    json(rc, create ? 201 : 200, user(new UserAccount(p, "", active)));
                }).onFailure(e -> error(rc, e));
            }).onFailure(e -> error(rc, e));
        });
    }

    private void saveUserSkills(RoutingContext rc) {
        administer(rc, () -> {
            JsonObject b = body(rc);
            if (b == null) {
                return;
            }
            JsonObject skills = b.getJsonObject("skills", new JsonObject());
            java.util.Map<String, Integer> levels = new java.util.LinkedHashMap<>();
            for (String skill : skills.fieldNames()) {
                Object level = skills.getValue(skill);
                if (!(level instanceof Number n)) {
                    fail(rc, 400, "skill " + skill + " needs a numeric level");
                    return;
                }
                levels.put(skill, n.intValue());
            }
            String username = rc.pathParam("username");
            console.users().find(username).compose(u -> u.isEmpty()
                            ? Future.<Void>failedFuture(new IllegalArgumentException("no user " + username))
                            : console.directory().setUserSkills(username, levels))
                    .onSuccess(v -> rc.response().setStatusCode(204).end()).onFailure(e -> error(rc, e));
        });
    }

    private static JsonObject article(KnowledgeStore.Article a) {
        return new JsonObject().put("id", a.id()).put("title", a.title()).put("body", a.body())
                .put("topics", a.topics()).put("language", a.language()).put("published", a.published());
    }

    private void saveArticle(RoutingContext rc, long id) {
        administer(rc, () -> {
            JsonObject b = body(rc);
            if (b == null) {
                return;
            }
            String title = b.getString("title", "").strip();
            String text = b.getString("body", "").strip();
            if (title.isEmpty() || title.length() > 300 || text.isEmpty()) {
                fail(rc, 400, "an article needs a title (up to 300 characters) and a body");
                return;
            }
            Object flag = b.getValue("published", false);
            if (!(flag instanceof Boolean published)) {
                fail(rc, 400, "published must be true or false");
                return;
            }
            console.knowledge().save(new KnowledgeStore.Article(id, title, text, b.getString("topics", ""),
                            "fa".equals(b.getString("language")) ? "fa" : "en", published))
                    .onSuccess(a -> {
                        console.refreshAnswers();
                        json(rc, id == 0 ? 201 : 200, article(a));
                    }).onFailure(e -> error(rc, e));
        });
    }

    private void deleteArticle(RoutingContext rc) {
        administer(rc, () -> console.knowledge().delete(longParam(rc, "id")).onSuccess(found -> {
            console.refreshAnswers();
            if (found) {
                rc.response().setStatusCode(204).end();
            } else {
                fail(rc, 404, "no article " + rc.pathParam("id"));
            }
        }).onFailure(e -> error(rc, e)));
    }

    private void saveQueue(RoutingContext rc) {
        administer(rc, () -> {
            JsonObject b = body(rc);
            if (b == null) {
                return;
            }
            String name = rc.pathParam("name");
            console.directory().saveQueue(new DirectoryStore.Queue(name, b.getString("displayName", name),
                            b.getInteger("serviceLevelSeconds", 20), b.getString("questionScript", "")))
                    .onSuccess(v -> rc.response().setStatusCode(204).end()).onFailure(e -> error(rc, e));
        });
    }

    private void saveSkill(RoutingContext rc) {
        administer(rc, () -> {
            JsonObject b = body(rc);
            if (b == null) {
                return;
            }
            console.directory().saveSkill(new DirectoryStore.Skill(rc.pathParam("name"), b.getString("description", "")))
                    .onSuccess(v -> rc.response().setStatusCode(204).end()).onFailure(e -> error(rc, e));
        });
    }

    private void saveCampaignScript(RoutingContext rc) {
        administer(rc, () -> {
            JsonObject b = body(rc);
            if (b == null) {
                return;
            }
            console.directory().saveCampaignScript(rc.pathParam("campaign"), b.getString("questionScript", ""))
                    .onSuccess(v -> rc.response().setStatusCode(204).end()).onFailure(e -> error(rc, e));
        });
    }

    /** Runs the data warehouse's export now (the server's {@code cc.warehouse.export}) and answers what it wrote. */
    private void exportWarehouse(RoutingContext rc) {
        administer(rc, () -> vertx.eventBus().<JsonObject>request(cc.core.contract.WarehouseAddresses.EXPORT,
                        new JsonObject().put("requestedBy", SignInWeb.principal(rc).username()),
                        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(
                                cc.core.contract.WarehouseAddresses.EXPORT_TIMEOUT.toMillis()))
                .onSuccess(m -> json(rc, 200, m.body()))
                .onFailure(e -> error(rc, e)));
    }

    // ---- live channel ----
}
