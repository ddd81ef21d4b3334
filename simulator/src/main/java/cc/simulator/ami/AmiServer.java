package cc.simulator.ami;

import cc.simulator.channel.Counters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The AMI listener: one {@link AmiSession} per TCP connection and the fan-out of events to logged-in sessions.
 *
 * <p>Threading: must be started from the simulator's event-loop context; connections, sessions and event
 * delivery then all run on that context.
 */
public final class AmiServer {
    private final Vertx vertx;
    private final String host;
    private final int port;
    final Map<String, String> users;
    final long authFailureDelayMs;
    final Counters counters;
    final BiConsumer<AmiSession, AmiMessage> actionHandler;
    final long startedAtMs = System.currentTimeMillis();
    private final Set<AmiSession> sessions = new LinkedHashSet<>();
    private NetServer server;

    public AmiServer(Vertx vertx, String host, int port, Map<String, String> users, long authFailureDelayMs,
                     Counters counters, BiConsumer<AmiSession, AmiMessage> actionHandler) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.users = Map.copyOf(users);
        this.authFailureDelayMs = authFailureDelayMs;
        this.counters = counters;
        this.actionHandler = actionHandler;
    }

    public Future<Integer> start() {
        server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
        server.connectHandler(socket -> {
            AmiSession s = new AmiSession(this, vertx, socket);
            sessions.add(s);
            counters.inc("ami.connections");
            socket.closeHandler(v -> sessions.remove(s));
            s.start();
        });
        return server.listen().map(NetServer::actualPort);
    }

    public Future<Void> stop() {
        for (AmiSession s : new ArrayList<>(sessions)) {
            s.closeNow();
        }
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Sends an event to every logged-in session with events on. */
    public void publish(AmiMessage event) {
        if (sessions.isEmpty()) {
            return;
        }
        counters.inc("ami.events");
        // encoded once for every session: with three server nodes each keeping a link, encoding per session was most
        // of the simulator's CPU in the cluster benchmark
        io.vertx.core.buffer.Buffer wire = null;
        for (AmiSession s : sessions) {
            if (s.wantsEvents()) {
                if (wire == null) {
                    wire = io.vertx.core.buffer.Buffer.buffer(event.toWire());
                }
                s.write(wire);
            }
        }
    }

    /** Security events go to the other logged-in sessions (real Asterisk shows them to observers). */
    void publishSecurity(AmiSession origin, AmiMessage event) {
        for (AmiSession s : sessions) {
            if (s != origin && s.wantsEvents()) {
                s.write(event);
            }
        }
    }

    /** Named failure: cut every client's TCP connection without a Logoff. */
    public void dropAll() {
        counters.inc("ami.dropped-all");
        for (AmiSession s : new ArrayList<>(sessions)) {
            s.closeNow();
        }
    }

    /** Writes raw text to every logged-in session (malformed or unknown frames for robustness tests). */
    public void sendRaw(String text) {
        for (AmiSession s : sessions) {
            if (s.authenticated()) {
                s.writeRaw(text);
            }
        }
    }

    public int loggedInSessions() {
        int n = 0;
        for (AmiSession s : sessions) {
            if (s.authenticated()) {
                n++;
            }
        }
        return n;
    }

    List<AmiSession> sessions() {
        return new ArrayList<>(sessions);
    }
}
