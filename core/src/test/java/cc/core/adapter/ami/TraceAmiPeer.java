package cc.core.adapter.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only AMI peer on a real loopback TCP socket that answers with the bytes real Asterisk 22 sent: it writes
 * the banner, performs the MD5 challenge login, and answers each action with the {@code <} lines recorded after the
 * next unused action of the same name in a scripted {@link AmiTrace}, the recorded ActionIDs replaced by the
 * client's. The test steers it: refuse logins, drop every connection, inject raw frames, set the channel list.
 * Its wire code is written here, independent of asterisk-java and of the adapter.
 */
final class TraceAmiPeer implements AutoCloseable {
    static final String BANNER = "Asterisk Call Manager/11.0.0";
    private static final String CHALLENGE = "209039082";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Conn> conns = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<AmiTrace.Exchange>> script = new ConcurrentHashMap<>();
    private final Map<String, String> idMap = new ConcurrentHashMap<>();
    private final List<List<String>> actions = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger refusedLogins = new AtomicInteger();
    private final AmiTrace settings = AmiTrace.load("ami-03-ping-command-errors.txt");
    private volatile boolean refuseLogins;
    private volatile Duration refuseDelay = Duration.ofMillis(200);
    private volatile List<List<String>> channelList = List.of();
    private volatile boolean closed;

    TraceAmiPeer(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "trace-ami-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Answers the trace's actions: each action name takes that name's recorded exchanges in order. */
    TraceAmiPeer script(AmiTrace trace) {
        for (AmiTrace.Exchange e : trace.exchanges()) {
            String action = e.action().toLowerCase(Locale.ROOT);
            if (action.equals("login") || action.equals("logoff") || action.equals("challenge")) {
                continue;
            }
            script.computeIfAbsent(action, k -> new ArrayDeque<>()).add(e);
        }
        return this;
    }

    /** Answers a later action of the exchange's name with this exchange (after those scripted before). */
    TraceAmiPeer answer(AmiTrace.Exchange e) {
        script.computeIfAbsent(e.action().toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).add(e);
        return this;
    }

    /** Answers the next action of the exchange's name with this exchange (ahead of anything scripted). */
    TraceAmiPeer scriptFirst(AmiTrace.Exchange e) {
        script.computeIfAbsent(e.action().toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).addFirst(e);
        return this;
    }

    void refuseLogins(boolean refuse) {
        this.refuseLogins = refuse;
    }

    /** The channels CoreShowChannels lists, each as the header lines of one CoreShowChannel item (no ActionID). */
    void channelList(List<List<String>> items) {
        this.channelList = List.copyOf(items);
    }

    /** One CoreShowChannel item in the shape Asterisk 22 sends (ami-09). */
    static List<String> coreShowChannel(String channel, String uniqueId, String linkedId, String callerNum,
                                        String callerName, String context, String exten) {
        return List.of("Channel: " + channel, "ChannelState: 6", "ChannelStateDesc: Up", "CallerIDNum: " + callerNum,
                "CallerIDName: " + callerName, "ConnectedLineNum: " + callerNum,
                "ConnectedLineName: " + callerName, "Language: en", "AccountCode: ", "Context: " + context,
                "Exten: " + exten, "Priority: 2", "Uniqueid: " + uniqueId, "Linkedid: " + linkedId,
                "Application: Wait", "ApplicationData: 120", "Duration: 00:00:03", "BridgeId: ");
    }

    /** Closes every client connection, as a crashed or restarted Asterisk would. */
    void dropAll() {
        for (Conn c : conns) {
            c.close();
        }
    }

    /** The connections open now stop answering (they still read), as a hung Asterisk would; new ones answer. */
    void muteOpenConnections() {
        for (Conn c : conns) {
            c.muted = true;
        }
    }

    /** Writes raw lines (each ended with CRLF here) to every logged-in client. */
    void inject(List<String> lines) {
        for (Conn c : conns) {
            if (c.loggedIn) {
                c.write(lines);
            }
        }
    }

    /** Writes raw bytes, exactly as given, to every logged-in client (the fuzz properties' mutated frames). */
    void injectBytes(byte[] bytes) {
        for (Conn c : conns) {
            if (c.loggedIn) {
                c.writeBytes(bytes);
            }
        }
    }

    int logins() {
        return logins.get();
    }

    int refusedLogins() {
        return refusedLogins.get();
    }

    /** Every action message received, in order, as its header lines. */
    List<List<String>> actions() {
        return List.copyOf(actions);
    }

    List<List<String>> actions(String name) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> a : actions) {
            if (name.equalsIgnoreCase(AmiTrace.header(a, "Action"))) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropAll();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Conn c = new Conn(s);
                conns.add(c);
                Thread t = new Thread(c::run, "trace-ami-peer-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Conn {
        private final Socket socket;
        private final OutputStream out;
        private volatile boolean loggedIn;
        private volatile boolean muted;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8))) {
                write(List.of(BANNER), false);
                List<String> message = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        message.add(line);
                        continue;
                    }
                    if (!message.isEmpty()) {
                        actions.add(List.copyOf(message));
                        if (!muted && !answer(message)) {
                            break;
                        }
                        message = new ArrayList<>();
                    }
                }
            } catch (IOException e) {
                // the client or the test closed the socket
            } finally {
                close();
            }
        }

        /** Answers one action; false when the connection is to be closed. */
        private boolean answer(List<String> message) throws IOException {
            String action = AmiTrace.header(message, "Action");
            String id = AmiTrace.header(message, "ActionID");
            String idLine = id == null ? null : "ActionID: " + id;
            if (action == null) {
                write(frame("Response: Error", idLine, "Message: Missing action in request"));
                return true;
            }
            switch (action.toLowerCase(Locale.ROOT)) {
                case "challenge":
                    write(frame("Response: Success", idLine, "Challenge: " + CHALLENGE));
                    return true;
                case "login":
                    return login(message, idLine);
                case "logoff":
                    write(frame("Response: Goodbye", idLine, "Message: Thanks for all the fish."));
                    return false;
                default:
                    break;
            }
            if (!loggedIn) {
                write(frame("Response: Error", idLine, "Message: Permission denied"));
                return true;
            }
            switch (action.toLowerCase(Locale.ROOT)) {
                case "coresettings":
                    write(substitute(settings.exchanges("CoreSettings").get(0), id));
                    return true;
                case "ping":
                    write(frame("Response: Success", idLine, "Ping: Pong", "Timestamp: 1795417499.123456"));
                    return true;
                case "coreshowchannels":
                    listChannels(idLine);
                    return true;
                default:
                    break;
            }
            Deque<AmiTrace.Exchange> queue = script.get(action.toLowerCase(Locale.ROOT));
            AmiTrace.Exchange e = queue == null ? null : queue.poll();
            if (e == null) {
                write(frame("Response: Error", idLine, "Message: Invalid/unknown command: " + action
                        + ". Use Action: ListCommands to show available commands."));
                return true;
            }
            write(substitute(e, id));
            return true;
        }

        private boolean login(List<String> message, String idLine) {
            String user = AmiTrace.header(message, "Username");
            String key = AmiTrace.header(message, "Key");
            String plain = AmiTrace.header(message, "Secret");
            boolean ok = !refuseLogins && username.equals(user)
                    && (secret.equals(plain) || md5(CHALLENGE + secret).equals(key));
            if (!ok) {
                refusedLogins.incrementAndGet();
                try {
                    Thread.sleep(refuseDelay.toMillis()); // Asterisk delays a refused login (1 s in ami-02)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                write(frame("Response: Error", idLine, "Message: Authentication failed"));
                return false;
            }
            List<String> lines = new ArrayList<>(frame("Response: Success", idLine, "Message: Authentication accepted"));
            lines.addAll(frame("Event: FullyBooted", "Privilege: system,all", "Uptime: 172", "LastReload: 172",
                    "Status: Fully Booted"));
            write(lines);
            loggedIn = true;
            logins.incrementAndGet();
            return true;
        }

        private void listChannels(String idLine) {
            List<String> lines = new ArrayList<>(frame("Response: Success", idLine, "EventList: start",
                    "Message: Channels will follow"));
            for (List<String> item : channelList) {
                lines.add("Event: CoreShowChannel");
                if (idLine != null) {
                    lines.add(idLine);
                }
                lines.addAll(item);
                lines.add("");
            }
            lines.addAll(frame("Event: CoreShowChannelsComplete", idLine, "EventList: Complete",
                    "ListItems: " + channelList.size()));
            write(lines);
        }

        private List<String> substitute(AmiTrace.Exchange e, String clientId) {
            if (e.actionId() != null && clientId != null) {
                idMap.put(e.actionId(), clientId);
            }
            List<String> out = new ArrayList<>(e.received().size());
            for (String l : e.received()) {
                if (l.regionMatches(true, 0, "ActionID: ", 0, 10)) {
                    String mapped = idMap.get(l.substring(10));
                    out.add(mapped == null ? l : "ActionID: " + mapped);
                } else {
                    out.add(l);
                }
            }
            return out;
        }

        void write(List<String> lines) {
            write(lines, true);
        }

        synchronized void writeBytes(byte[] bytes) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        synchronized void write(List<String> lines, boolean unused) {
            StringBuilder sb = new StringBuilder();
            for (String l : lines) {
                sb.append(l).append("\r\n");
            }
            try {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            conns.remove(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static List<String> frame(String... lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l != null) {
                out.add(l);
            }
        }
        out.add("");
        return out;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
