package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.app.Sessions;
import cc.console.app.SignIn;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.CsrfTokens;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.UserAccount;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.Optional;
import java.util.function.Predicate;
import static cc.console.adapter.http.ApiReplies.body;
import static cc.console.adapter.http.ApiReplies.fail;
import static cc.console.adapter.http.ApiReplies.json;
import static cc.console.adapter.http.ApiReplies.error;

/**
 * Sessions of the console and the API: sign-in (throttled, a fresh session each time), sign-out, the user's
 * language, and the check every other API call passes first (a session cookie, and the session's CSRF token on a
 * change). Also the request's principal and the role guards the other {@code *Web} classes use.
 */
final class SignInWeb {
    private static final String SESSION = "cc.session";

    private final ConsoleVerticle console;

    SignInWeb(ConsoleVerticle console) {
        this.console = console;
    }

    void mount(Router router) {
        router.post("/api/session").handler(this::signIn);
        router.route("/api/*").handler(this::authenticate);
        router.get("/api/session").handler(rc -> json(rc, 200, me(rc, session(rc))));
        router.delete("/api/session").handler(this::signOut);
        router.post("/api/me/language").handler(this::language);
    }

    private void signIn(RoutingContext rc) {
        JsonObject body = body(rc);
        if (body == null) {
            return;
        }
        String username = body.getString("username", "");
        String password = body.getString("password", "");
        String address = rc.request().remoteAddress() == null ? "" : rc.request().remoteAddress().host();
        console.signIn().attempt(username, password, address).onComplete(r -> {
            if (r.failed()) {
                error(rc, r.cause());
                return;
            }
            SignIn.Result result = r.result();
            if (result instanceof SignIn.Throttled t) {
                long seconds = Math.max(1, (t.retryAfter().toMillis() + 999) / 1000);
                rc.response().putHeader("Retry-After", Long.toString(seconds));
                fail(rc, 429, "too many failed sign-ins; try again in " + seconds + " s");
            } else if (result instanceof SignIn.Success s) {
                sessionOf(rc).otherwiseEmpty().onComplete(old -> {
                    if (old.result() != null) {
                        old.result().ifPresent(o -> console.sessions().close(o.id()));
                    }
                    Sessions.Session session = console.sessions().open(s.principal());
                    rc.response().addCookie(Cookie.cookie(ConsoleWeb.COOKIE, session.id()).setHttpOnly(true)
                            .setSameSite(CookieSameSite.STRICT).setSecure(console.settings().secureCookies())
                            .setPath("/"));
                    json(rc, 200, me(rc, session));
                });
            } else {
                fail(rc, 401, "wrong user name or password");
            }
        });
    }

    private void signOut(RoutingContext rc) {
        Sessions.Session s = session(rc);
        console.sessions().close(s.id());
        console.hub().closeSession(s.id());
        rc.response().addCookie(Cookie.cookie(ConsoleWeb.COOKIE, "").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(console.settings().secureCookies()).setPath("/").setMaxAge(0));
        rc.response().setStatusCode(204).end();
    }

    /** Remembers the user's language for the next sign-in; the page switches at once. */
    private void language(RoutingContext rc) {
        JsonObject b = body(rc);
        if (b == null) {
            return;
        }
        String language = b.getString("language", "");
        if (!language.equals("fa") && !language.equals("en")) {
            fail(rc, 400, "language must be fa or en");
            return;
        }
        Principal p = principal(rc);
        console.users().find(p.username()).compose(u -> {
            UserAccount a = u.orElseThrow(() -> new IllegalStateException("user " + p.username() + " is gone"));
            Principal q = a.principal();
            return console.users().save(new UserAccount(new Principal(q.username(), q.name(), q.role(), q.agentId(),
                    language, q.phone()), a.passwordHash(), a.active()));
        }).onSuccess(v -> rc.response().setStatusCode(204).end()).onFailure(e -> error(rc, e));
    }

    private JsonObject me(RoutingContext rc, Sessions.Session s) {
        Principal p = s.principal();
        return new JsonObject().put("username", p.username()).put("name", p.name()).put("role", p.role().code())
                .put("agentId", p.agentId()).put("language", p.language()).put("csrfToken", s.csrfToken())
                // the center's time zone: pages count "today" in it, as the reports cut days in it, not in the
                // browser's own zone (a browser in UTC would ask for yesterday every evening after 20:30 UTC)
                .put("zone", console.settings().zone().getId());
    }

    /** The request's session, read without blocking the event loop (the nodes' shared map is a network away). */
    io.vertx.core.Future<Optional<Sessions.Session>> sessionOf(RoutingContext rc) {
        Cookie c = rc.request().getCookie(ConsoleWeb.COOKIE);
        return c == null ? io.vertx.core.Future.succeededFuture(Optional.empty())
                : console.sessions().findAsync(c.getValue());
    }

    void authenticate(RoutingContext rc) {
        if (!rc.request().isEnded()) {
            // a body still to come (the list upload reads it after this): held until its BodyHandler resumes it,
            // so nothing of it arrives while the session is read
            rc.request().pause();
            // refused before the body handler (no session, no CSRF token, not a manager): the rest of the body is
            // read and dropped, or the connection's next request would wait behind it forever (found by fuzzing)
            rc.addEndHandler(done -> {
                if (!rc.request().isEnded()) {
                    rc.request().resume();
                }
            });
        }
        sessionOf(rc).onComplete(found -> {
            if (found.failed()) {
                fail(rc, 503, "sessions cannot be read right now; try again");
                return;
            }
            Optional<Sessions.Session> s = found.result();
            if (s.isEmpty()) {
                fail(rc, 401, "sign in first");
                return;
            }
            if (CsrfTokens.isChange(rc.request().method().name())
                    && !CsrfTokens.matches(s.get().csrfToken(), rc.request().getHeader(CsrfTokens.HEADER))) {
                fail(rc, 403, "missing or wrong " + CsrfTokens.HEADER + " header");
                return;
            }
            rc.put(SESSION, s.get());
            rc.next();
        });
    }

    private static Sessions.Session session(RoutingContext rc) {
        return rc.get(SESSION);
    }

    static Principal principal(RoutingContext rc) {
        return session(rc).principal();
    }

    static void supervise(RoutingContext rc, Runnable action) {
        guarded(rc, AccessRules::maySupervise, "supervisors only", action);
    }

    static void administer(RoutingContext rc, Runnable action) {
        guarded(rc, AccessRules::mayAdminister, "admins only", action);
    }

    static void guarded(RoutingContext rc, Predicate<Principal> rule, String refusal, Runnable action) {
        if (!rule.test(principal(rc))) {
            fail(rc, 403, refusal);
            return;
        }
        action.run();
    }
}
