package cc.ivr.adapter.agi;

import cc.ivr.app.CallRequest;
import cc.ivr.app.IvrSessions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The FastAGI server: each connection is a call, its request path names the flow
 * ({@code agi://host:4573/<flow>?lang=fa}). Event-driven: a call costs a little memory on an event loop, never a
 * thread, so thousands can wait in prompts at once.
 *
 * <p>Threading: each connection lives on the event loop Vert.x gave it.
 */
public final class AgiServer {
    private static final Logger log = LoggerFactory.getLogger(AgiServer.class);

    private final Vertx vertx;
    private final IvrSessions sessions;
    private final AgiAllowList allowFrom;
    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
    /** Addresses refused so far, so each is logged once; bounded so a scan of the port cannot grow it for ever. */
    private final java.util.Set<String> refusedLogged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Duration replyTimeout;
    private NetServer server;
    private Duration environmentTimeout = AgiConnection.ENVIRONMENT_TIMEOUT;

    /** Accepts connections from loopback only (tests, the in-process simulator). */
    public AgiServer(Vertx vertx, IvrSessions sessions) {
        this(vertx, sessions, AgiAllowList.LOOPBACK, DEFAULT_REPLY_TIMEOUT);
    }

    /**
     * @param allowFrom    the addresses and CIDR blocks connections are accepted from
     * @param replyTimeout how long Asterisk may take to answer a command (beyond what the command waits for)
     */
    public AgiServer(Vertx vertx, IvrSessions sessions, AgiAllowList allowFrom, Duration replyTimeout) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.allowFrom = allowFrom;
        this.replyTimeout = replyTimeout;
    }

    /** Connections refused because their host is not allowed, since start. */
    public long refused() {
        return refused.get();
    }

    /** Above the longest prompt a flow plays (STREAM FILE answers only when the file has played). */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMinutes(2);

    /** Listens; port 0 picks a free port (see {@link #port()}). */
    public Future<AgiServer> listen(String host, int port) {
        server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
        server.connectHandler(this::connected);
        return server.listen().map(s -> {
            log.info("FastAGI server listening on {}:{}", host, s.actualPort());
            return this;
        });
    }

    /** For tests: a shorter bound on the agi_ environment than {@link AgiConnection#ENVIRONMENT_TIMEOUT}. */
    AgiServer environmentTimeout(Duration bound) {
        this.environmentTimeout = bound;
        return this;
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void connected(NetSocket socket) {
        String from = socket.remoteAddress() == null ? "" : socket.remoteAddress().hostAddress();
        if (!allowFrom.allows(from)) {
            // before a byte is read: a stranger cannot start a flow, query customers or enqueue calls
            refused.incrementAndGet();
            if (refusedLogged.size() < 1_000 && refusedLogged.add(from)) {
                log.warn("FastAGI connection from {} refused: not in agi.allowFrom {} (logged once per address; "
                        + "counted in ivr.agi.refused)", from, allowFrom);
            }
            socket.close();
            return;
        }
        AgiConnection agi = new AgiConnection(socket, vertx, replyTimeout, environmentTimeout);
        agi.onEnvironment(env -> {
            String language = env.parameter("lang").orElse(env.get("language"));
            CallRequest call = new CallRequest(env.get("uniqueid"), env.get("channel"), env.get("callerid"),
                    env.get("calleridname"), env.script(), language, env.parameters(), env.arguments(),
                    env.get("extension"));
            try {
                sessions.accept(call, new AgiIvrChannel(agi));
            } catch (RuntimeException e) {
                log.error("FastAGI request '{}' from {} could not start", env.get("network_script"),
                        socket.remoteAddress(), e);
                agi.close();
            }
        });
    }
}
