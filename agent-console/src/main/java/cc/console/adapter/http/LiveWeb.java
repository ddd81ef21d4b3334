package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.app.Sessions;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Optional;

/**
 * The live channel ({@code /live}): a WebSocket for a signed-in user of this site only (a cross-site page is
 * refused), greeted with what the user may see (the wallboard for a supervisor, the agent's own row), the agent's
 * call popped again after a reload, and the call-control messages the page sends.
 */
final class LiveWeb {
    private static final Logger log = LoggerFactory.getLogger(LiveWeb.class);

    private final ConsoleVerticle console;
    private final SignInWeb sessions;
    private final CallControlWeb callControl;

    LiveWeb(ConsoleVerticle console, SignInWeb sessions, CallControlWeb callControl) {
        this.console = console;
        this.sessions = sessions;
        this.callControl = callControl;
    }

    void mount(Router router) {
        router.get("/live").handler(this::live);
    }

    private void live(RoutingContext rc) {
        // the upgrade waits for the session read; paused so the request's end is still to come when the upgrade
        // listens for it (toWebSocket resumes it)
        rc.request().pause();
        sessions.sessionOf(rc).onComplete(found -> {
            if (found.failed()) {
                rc.response().setStatusCode(503).end("sessions cannot be read right now; try again");
                return;
            }
            live(rc, found.result());
        });
    }

    private void live(RoutingContext rc, Optional<Sessions.Session> s) {
        if (s.isEmpty()) {
            rc.response().setStatusCode(401).end("sign in first");
            return;
        }
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(origin, rc.request().getHeader(HttpHeaders.HOST))) {
            rc.response().setStatusCode(403).end("cross-site live connection refused");
            return;
        }
        rc.request().toWebSocket().onSuccess(ws -> {
            WebSocketLiveClient client = new WebSocketLiveClient(ws, s.get());
            ws.closeHandler(v -> console.hub().remove(client));
            ws.exceptionHandler(e -> console.hub().remove(client));
            ws.textMessageHandler(text -> callControl.onLiveMessage(client, text));
            console.hub().add(client);
            Principal p = s.get().principal();
            JsonObject hello = new JsonObject().put("type", "hello").put("username", p.username())
                    .put("role", p.role().code());
            if (AccessRules.maySupervise(p)) {
                hello.put("wallboard", console.wallboard().snapshot());
            }
            if (p.takesCalls()) {
                console.wallboard().agentRow(p.agentId()).ifPresent(row -> hello.put("agent", row));
            }
            client.greet(hello.encode());
            if (p.takesCalls()) {
                popAgain(client, p.agentId());
            }
        }).onFailure(e -> log.debug("live channel upgrade failed: {}", e.getMessage()));
    }

    /**
     * A page reloaded (or a socket reconnected) mid-call gets the call's pop again: only a call call control says
     * this agent is on now (a call that only rang them, or has ended, is not popped again).
     */
    private void popAgain(WebSocketLiveClient client, String agentId) {
        console.callControls().currentCall(agentId)
                .filter(id -> console.callControls().state(id).map(s -> s.agentId().equals(agentId)
                        && !"ended".equals(s.state()) && !"transferring".equals(s.state())).orElse(false))
                .flatMap(id -> console.pops().offer(id))
                .ifPresent(offer -> console.pops().build(offer).onSuccess(card ->
                        client.send(new JsonObject().put("type", "pop").put("pop", card).encode(), false)));
    }

    static boolean sameOrigin(String origin, String host) {
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return host != null && (authority.equalsIgnoreCase(host) || u.getHost().equalsIgnoreCase(host));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
