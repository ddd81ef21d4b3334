package cc.ivr.adapter.agi;

import cc.ivr.app.ChannelGoneException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One FastAGI connection: reads the environment block, then sends one command at a time and matches each reply to
 * it. Asterisk's own {@code HANGUP} line (the caller hung up, or the session is over) may come at any moment and is
 * reported once. An Asterisk that stops answering (a hung process, a stalled link) does not hold the session for
 * ever: each command has until its reply timeout (the server's {@code agi.replyTimeout} plus whatever the command
 * itself waits for the caller), then the session ends as {@code failed} and the socket is closed.
 *
 * <p>Threading: confined to the socket's event-loop context; every method must be called there.
 */
final class AgiConnection {
    private static final Logger log = LoggerFactory.getLogger(AgiConnection.class);
    private static final int MAX_LINE = 16 * 1024;
    /**
     * How long a connection may take to send its whole agi_ environment. Asterisk sends it at once; a peer that
     * opens the port and then sends half a block (or nothing) held the connection open for ever (found by fuzzing
     * with truncated environments).
     */
    static final Duration ENVIRONMENT_TIMEOUT = Duration.ofSeconds(10);

    private enum State { ENVIRONMENT, READY, CLOSED }

    private final NetSocket socket;
    private final Vertx vertx;
    private final Duration replyTimeout;
    private long replyTimer = -1;
    private final String peer;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private State state = State.ENVIRONMENT;
    private Promise<AgiReply> pending;
    private String pendingCommand = "";
    private List<String> usage;
    private boolean hungUp;
    private Handler<AgiEnvironment> onEnvironment = env -> {};
    private Handler<String> onGone = reason -> {};

    AgiConnection(NetSocket socket, Vertx vertx, Duration replyTimeout) {
        this(socket, vertx, replyTimeout, ENVIRONMENT_TIMEOUT);
    }

    AgiConnection(NetSocket socket, Vertx vertx, Duration replyTimeout, Duration environmentTimeout) {
        this.socket = socket;
        this.vertx = vertx;
        this.replyTimeout = replyTimeout;
        this.peer = String.valueOf(socket.remoteAddress());
        RecordParser parser = RecordParser.newDelimited("\n", socket);
        parser.maxRecordSize(MAX_LINE);
        parser.handler(this::line);
        parser.exceptionHandler(e -> broken("unreadable input: " + e.getMessage()));
        socket.closeHandler(v -> peerClosed());
        Context context = Vertx.currentContext();
        if (context != null) {
            context.owner().setTimer(Math.max(1, environmentTimeout.toMillis()), id -> {
                if (state == State.ENVIRONMENT) {
                    broken("no complete agi_ environment within " + environmentTimeout.toMillis() + " ms");
                }
            });
        }
    }

    void onEnvironment(Handler<AgiEnvironment> handler) {
        this.onEnvironment = handler;
    }

    /** {@code caller-hung-up} on Asterisk's HANGUP line; {@code failed} when the link breaks or speaks nonsense. */
    void onGone(Handler<String> handler) {
        this.onGone = handler;
    }

    boolean hungUp() {
        return hungUp;
    }

    /** Sends one command line; the future fails with {@link ChannelGoneException} once the channel is gone. */
    Future<AgiReply> send(String command) {
        return send(command, Duration.ZERO);
    }

    /**
     * Sends one command line that may rightly wait {@code ownWait} for the caller (GET DATA, WAIT FOR DIGIT, RECORD
     * FILE) on top of the reply timeout; no reply by then ends the session as broken.
     */
    Future<AgiReply> send(String command, Duration ownWait) {
        if (state == State.CLOSED || hungUp) {
            return Future.failedFuture(new ChannelGoneException("channel gone before: " + command, hungUp));
        }
        if (state != State.READY || pending != null) {
            return Future.failedFuture(new IllegalStateException("AGI command while another is running: " + command));
        }
        pending = Promise.promise();
        pendingCommand = command;
        Future<AgiReply> f = pending.future();
        long ms = Math.max(1, replyTimeout.plus(ownWait).toMillis());
        replyTimer = vertx.setTimer(ms, id -> {
            replyTimer = -1;
            broken("no reply within " + ms + " ms to '" + command + "'");
        });
        socket.write(command + "\n");
        return f;
    }

    /** Ends the session on our side; Asterisk's final HANGUP line, if it still comes, is ignored. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        failPending("session closed");
        socket.close();
    }

    private void line(Buffer buffer) {
        if (state == State.CLOSED) {
            return;
        }
        String line = buffer.toString(StandardCharsets.UTF_8);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (state == State.ENVIRONMENT) {
            if (line.isEmpty()) {
                state = State.READY;
                onEnvironment.handle(new AgiEnvironment(environment));
            } else if (!AgiEnvironment.addLine(environment, line)) {
                broken("not an agi_ environment line: " + abbreviate(line));
            }
            return;
        }
        if (usage != null) {
            usage.add(line);
            if (line.startsWith("520 ")) {
                List<String> lines = usage;
                usage = null;
                complete(lines);
            }
            return;
        }
        if (line.equals("HANGUP")) {
            if (!hungUp) {
                hungUp = true;
                failPending("caller hung up");
                onGone.handle("caller-hung-up");
            }
            return;
        }
        if (pending == null) {
            broken("reply with no command: " + abbreviate(line));
            return;
        }
        if (line.startsWith("520-")) {
            usage = new ArrayList<>();
            usage.add(line);
            return;
        }
        complete(List.of(line));
    }

    private void complete(List<String> lines) {
        var reply = AgiReply.parse(lines);
        if (reply.isEmpty()) {
            broken("malformed reply to '" + pendingCommand + "': " + abbreviate(lines.get(0)));
            return;
        }
        cancelReplyTimer();
        Promise<AgiReply> p = pending;
        pending = null;
        p.complete(reply.get());
    }

    private void cancelReplyTimer() {
        if (replyTimer >= 0) {
            vertx.cancelTimer(replyTimer);
            replyTimer = -1;
        }
    }

    /** Malformed input: logged once, the session ends cleanly. */
    private void broken(String why) {
        if (state == State.CLOSED) {
            return;
        }
        // the peer's own bytes are in it: escaped, so a peer cannot forge log lines
        log.warn("FastAGI {}: {}; ending the session", peer, cc.core.logging.LogText.printable(why));
        state = State.CLOSED;
        failPending(why);
        socket.close();
        onGone.handle("failed");
    }

    private void peerClosed() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (!hungUp) {
            log.warn("FastAGI {}: connection lost{}", peer, pending == null ? "" : " during '" + pendingCommand + "'");
        }
        failPending("connection lost");
        if (!hungUp) {
            onGone.handle("failed");
        }
    }

    private void failPending(String why) {
        cancelReplyTimer();
        if (pending != null) {
            Promise<AgiReply> p = pending;
            pending = null;
            p.fail(new ChannelGoneException(why + " during '" + pendingCommand + "'", hungUp));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
