package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.domain.auth.Principal;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing out everywhere: a user ends every session of theirs ({@code DELETE /api/me/sessions}, the browser left
 * signed in on a shared PC, a lost phone), and an admin ends every session of a user ({@code DELETE
 * /api/admin/users/{username}/sessions}, someone leaving the company, a password seen over a shoulder). Each ended
 * session's live channels are closed at once, not at the next sweep, so no pop reaches a browser signed out.
 *
 * <p>Mounted by {@link ConsoleWeb} behind its authentication and CSRF check. Threading: event loop; nothing blocks.
 */
final class SessionWeb {
    private static final Logger log = LoggerFactory.getLogger(SessionWeb.class);
    private final ConsoleVerticle console;

    SessionWeb(ConsoleVerticle console) {
        this.console = console;
    }

    void mount(Router router) {
        router.delete("/api/me/sessions").handler(this::mine);
        router.delete("/api/admin/users/:username/sessions").handler(rc -> SignInWeb.administer(rc,
                () -> endAll(rc, rc.pathParam("username"))));
    }

    private void mine(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        int ended = endAll(p.username());
        rc.response().addCookie(Cookie.cookie(ConsoleWeb.COOKIE, "").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(console.settings().secureCookies()).setPath("/")
                .setMaxAge(0));
        ApiReplies.json(rc, 200, new JsonObject().put("sessionsEnded", ended));
    }

    private void endAll(RoutingContext rc, String username) {
        int ended = endAll(username);
        log.info("admin {} ended {} sessions of {}", SignInWeb.principal(rc).username(), ended,
                username.replaceAll("[^A-Za-z0-9._@\\-]", "?"));
        ApiReplies.json(rc, 200, new JsonObject().put("sessionsEnded", ended));
    }

    private int endAll(String username) {
        int ended = console.sessions().closeUser(username);
        console.hub().closeEndedAsync(console.sessions());
        return ended;
    }
}
