package cc.console.adapter.http;

import cc.console.app.ApiKeySecrets;
import cc.console.app.ApiKeyStore;
import cc.console.app.ConsoleVerticle;
import cc.console.domain.backoffice.ApiKey;
import cc.console.domain.backoffice.ApiScope;
import cc.console.domain.backoffice.RateLimiter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static cc.console.adapter.http.SignInWeb.administer;
import static cc.console.adapter.http.ApiReplies.body;
import static cc.console.adapter.http.ApiReplies.error;
import static cc.console.adapter.http.ApiReplies.fail;
import static cc.console.adapter.http.ApiReplies.json;

/**
 * The admins' API for the back-office API's keys ({@code /api/admin/api-keys}): list, create (the key is in the
 * answer once, never again) and revoke. Admins only, behind the console's session and CSRF check.
 *
 * <p>Threading: handlers on the HTTP server's event loops.
 */
public final class ApiKeyAdminWeb {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAdminWeb.class);

    private final ConsoleVerticle console;
    private final ApiKeyStore keys;
    private final RateLimiter limiter;

    ApiKeyAdminWeb(ConsoleVerticle console, ApiKeyStore keys, RateLimiter limiter) {
        this.console = console;
        this.keys = keys;
        this.limiter = limiter;
    }

    void mount(Router router) {
        router.get("/api/admin/api-keys").handler(rc -> administer(rc, () -> keys.list()
                .onSuccess(list -> json(rc, 200, new JsonObject().put("keys", new JsonArray(list.stream()
                        .map(ApiKeyAdminWeb::keyJson).toList()))))
                .onFailure(e -> error(rc, e))));
        router.post("/api/admin/api-keys").handler(rc -> administer(rc, () -> create(rc)));
        router.delete("/api/admin/api-keys/:id").handler(rc -> administer(rc, () -> revoke(rc)));
    }

    private void create(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        Object name = b.getValue("name");
        if (!(name instanceof String) || ((String) name).isBlank() || ((String) name).strip().length() > 100) {
            fail(rc, 400, "name: 1 to 100 characters, saying which system uses the key");
            return;
        }
        Object scopeList = b.getValue("scopes");
        if (!(scopeList instanceof JsonArray) || ((JsonArray) scopeList).isEmpty()) {
            fail(rc, 400, "scopes: a non-empty array of " + scopeNames());
            return;
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (Object s : (JsonArray) scopeList) {
            Optional<ApiScope> scope = s instanceof String ? ApiScope.fromWire((String) s) : Optional.empty();
            if (scope.isEmpty()) {
                fail(rc, 400, "scopes: '" + s + "' is not a scope (" + scopeNames() + ")");
                return;
            }
            scopes.add(scope.get());
        }
        Object perMinute = b.getValue("perMinute");
        if (!(perMinute instanceof Number) || ((Number) perMinute).doubleValue() != ((Number) perMinute).intValue()
                || ((Number) perMinute).intValue() < 1 || ((Number) perMinute).intValue() > ApiKey.MAX_PER_MINUTE) {
            fail(rc, 400, "perMinute: requests a minute, a whole number from 1 to " + ApiKey.MAX_PER_MINUTE);
            return;
        }
        String by = SignInWeb.principal(rc).username();
        ApiKeySecrets.Issued issued = ApiKeySecrets.issue();
        ApiKey key = new ApiKey(issued.id(), ((String) name).strip(), scopes, ((Number) perMinute).intValue(), by,
                console.clock().instant(), Optional.empty(), "");
        keys.create(key, ApiKeySecrets.hash(issued.key())).onSuccess(v -> {
            log.info("API key {} ({}) created by {} with {}", key.id(), key.name(), by, ApiScope.join(key.scopes()));
            json(rc, 201, keyJson(key).put("key", issued.key()));
        }).onFailure(e -> error(rc, e));
    }

    private void revoke(RoutingContext rc) {
        String id = rc.pathParam("id");
        String by = SignInWeb.principal(rc).username();
        Instant now = console.clock().instant();
        keys.revoke(id, by, now).onSuccess(k -> {
            if (k.isEmpty()) {
                fail(rc, 404, "no API key " + id);
                return;
            }
            limiter.forget(id);
            log.info("API key {} ({}) revoked by {}", id, k.get().name(), by);
            json(rc, 200, keyJson(k.get()));
        }).onFailure(e -> error(rc, e));
    }

    private static String scopeNames() {
        return String.join(", ", Arrays.stream(ApiScope.values()).map(ApiScope::wire).toList());
    }

    static JsonObject keyJson(ApiKey k) {
        JsonObject o = new JsonObject().put("id", k.id()).put("name", k.name())
                .put("scopes", new JsonArray(k.scopes().stream().sorted().map(ApiScope::wire).toList()))
                .put("perMinute", k.perMinute()).put("createdBy", k.createdBy())
                .put("createdAt", k.createdAt().toString()).put("active", k.active());
        k.revokedAt().ifPresent(t -> o.put("revokedAt", t.toString()).put("revokedBy", k.revokedBy()));
        return o;
    }
}
