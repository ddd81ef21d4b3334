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
    private NetServer server;

    public AgiServer(Vertx vertx, IvrSessions sessions) {
        this.vertx = vertx;
        this.sessions = sessions;
    }

    /** Listens; port 0 picks a free port (see {@link #port()}). */
    public Future<AgiServer> listen(String host, int port) {
        server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
        server.connectHandler(this::connected);
        return server.listen().map(s -> {
            log.info("FastAGI server listening on {}:{}", host, s.actualPort());
            return this;
        });
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void connected(NetSocket socket) {
        AgiConnection agi = new AgiConnection(socket);
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
