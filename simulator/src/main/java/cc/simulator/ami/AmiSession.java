package cc.simulator.ami;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One manager connection: banner, authentication (plain and MD5 challenge), the Events switch, and hand-off of
 * every other action to the simulator once logged in. Runs on the server's context.
 */
public final class AmiSession {
    private static final DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final AmiServer server;
    private final Vertx vertx;
    private final NetSocket socket;
    private final AmiFrameDecoder decoder;
    private final String sessionId;
    private boolean authenticated;
    private boolean eventsOn = true;
    private boolean closing;
    private String username;
    private String challenge;

    AmiSession(AmiServer server, Vertx vertx, NetSocket socket) {
        this.server = server;
        this.vertx = vertx;
        this.socket = socket;
        this.decoder = new AmiFrameDecoder(this::onMessage);
        this.sessionId = "0x7f91" + Long.toHexString(System.nanoTime() & 0xffffffL);
    }

    void start() {
        socket.handler(buf -> decoder.feed(buf.getBytes()));
        socket.write("Asterisk Call Manager/11.0.0\r\n");
    }

    public boolean authenticated() {
        return authenticated;
    }

    boolean wantsEvents() {
        return authenticated && eventsOn && !closing;
    }

    public String username() {
        return username;
    }

    public void setEvents(boolean on) {
        this.eventsOn = on;
    }

    public void write(AmiMessage m) {
        if (!closing) {
            socket.write(m.toWire());
        }
    }

    /** An event already encoded, the same bytes for every session ({@link AmiServer#publish}). */
    void write(io.vertx.core.buffer.Buffer wire) {
        if (!closing) {
            socket.write(wire);
        }
    }

    void writeRaw(String text) {
        if (!closing) {
            socket.write(text);
        }
    }

    /** Writes a final message and closes the connection, as Logoff and failed logins do. */
    public void writeAndClose(AmiMessage m) {
        if (closing) {
            return;
        }
        closing = true;
        socket.write(m.toWire()).onComplete(ar -> socket.close());
    }

    void closeNow() {
        closing = true;
        socket.close();
    }

    private void onMessage(AmiMessage m) {
        if (closing) {
            return;
        }
        String action = m.action();
        String actionId = m.get("ActionID");
        if (action == null || action.isEmpty()) {
            write(AmiMessage.response("Error", actionId).add("Message", "Missing action in request"));
            return;
        }
        server.counters.inc("ami.actions." + action);
        switch (action) {
            case "login":
                login(m, actionId);
                return;
            case "challenge":
                challenge = Integer.toString(100_000_000 + (int) (Math.random() * 899_999_999));
                write(AmiMessage.response("Success", actionId).add("Challenge", challenge));
                return;
            case "logoff":
                writeAndClose(AmiMessage.response("Goodbye", actionId).add("Message", "Thanks for all the fish."));
                return;
            default:
                break;
        }
        if (!authenticated) {
            write(AmiMessage.response("Error", actionId).add("Message", "Permission denied"));
            server.publishSecurity(this, security("RequestNotAllowed", "Error", 1, "")
                .add("RequestType", "Action: " + m.get("Action")).add("SessionTV", "1970-01-01T00:00:00.000+0000"));
            return;
        }
        if (action.equals("events")) {
            String mask = m.get("EventMask");
            eventsOn = mask != null && !mask.trim().equalsIgnoreCase("off");
            write(AmiMessage.response("Success", actionId).add("Events", eventsOn ? "On" : "Off"));
            return;
        }
        server.actionHandler.accept(this, m);
    }

    private void login(AmiMessage m, String actionId) {
        String user = m.get("Username");
        String secret = user == null ? null : server.users.get(user);
        boolean ok;
        boolean md5 = "md5".equalsIgnoreCase(m.get("AuthType"));
        if (secret == null) {
            ok = false;
        } else if (md5) {
            ok = challenge != null && md5(challenge + secret).equalsIgnoreCase(String.valueOf(m.get("Key")));
        } else {
            ok = secret.equals(m.get("Secret"));
        }
        if (!ok) {
            server.counters.inc("ami.login-failures");
            server.publishSecurity(this, secret == null
                ? security("InvalidAccountID", "Error", 1, user == null ? "" : user).add("SessionTV", "1970-01-01T00:00:00.000+0000")
                : security("InvalidPassword", "Error", 2, user).add("SessionTV", "1970-01-01T00:00:00.000+0000"));
            closing = true;
            vertx.setTimer(Math.max(1, server.authFailureDelayMs), id -> {
                socket.write(AmiMessage.response("Error", actionId).add("Message", "Authentication failed").toWire())
                    .onComplete(ar -> socket.close());
            });
            return;
        }
        authenticated = true;
        username = user;
        String events = m.get("Events");
        eventsOn = events == null || !events.trim().equalsIgnoreCase("off");
        server.counters.inc("ami.logins");
        write(AmiMessage.response("Success", actionId).add("Message", "Authentication accepted"));
        if (eventsOn) {
            long up = (System.currentTimeMillis() - server.startedAtMs) / 1000;
            write(AmiMessage.event("FullyBooted", "system,all").add("Uptime", Long.toString(up))
                .add("LastReload", Long.toString(up)).add("Status", "Fully Booted"));
        }
        AmiMessage auth = security("SuccessfulAuth", "Informational", 1, user)
            .add("UsingPassword", "0").add("SessionTV", now());
        if (eventsOn) {
            write(auth);
        }
        server.publishSecurity(this, auth);
    }

    private AmiMessage security(String name, String severity, int version, String account) {
        return AmiMessage.event(name, "security,all")
            .add("EventTV", now())
            .add("Severity", severity)
            .add("Service", "AMI")
            .add("EventVersion", Integer.toString(version))
            .add("AccountID", account)
            .add("SessionID", sessionId)
            .add("LocalAddress", "IPV4/TCP/" + socket.localAddress().hostAddress() + "/" + socket.localAddress().port())
            .add("RemoteAddress", "IPV4/TCP/" + socket.remoteAddress().hostAddress() + "/" + socket.remoteAddress().port());
    }

    private static String now() {
        return EVENT_TV.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
