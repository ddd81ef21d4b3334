package cc.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A FastAGI server for tests that plays the script side ({@code >} lines) of recorded AGI sessions and checks that
 * every line the simulator sends matches the recording: the agi_ environment (names in order, values except ids),
 * each reply (exact, {@code endpos} by shape), the unsolicited and final HANGUP lines.
 */
final class FastAgiReplayServer implements AutoCloseable {
    private static final Pattern ENDPOS = Pattern.compile("endpos=\\d+");
    private final ServerSocket server;
    private final double scale;
    private final Map<String, List<Trace.Connection>> scripts = new LinkedHashMap<>();
    final List<String> differences = new CopyOnWriteArrayList<>();
    final List<String> sessionsSeen = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger activeScripts = new java.util.concurrent.atomic.AtomicInteger();

    /** The {@code human} sessions are the recorder's puppets on the ;1 half, not scripts under test. */
    private static boolean puppet(String script) {
        return "human".equals(script);
    }

    FastAgiReplayServer(double scale, Trace... traces) throws IOException {
        this.scale = scale;
        for (Trace t : traces) {
            for (Trace.Connection c : t.connections) {
                String script = envValue(c, "agi_network_script");
                if (script != null) {
                    scripts.computeIfAbsent(script, k -> new ArrayList<>()).add(c);
                }
            }
        }
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fastagi-replay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private static String envValue(Trace.Connection c, String key) {
        for (Trace.Line l : c.lines()) {
            if (l.dir() == '<' && l.text().startsWith(key + ":")) {
                return l.text().substring(key.length() + 1).trim();
            }
        }
        return null;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fastagi-session");
                t.setDaemon(true);
                threads.add(t);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        long start = System.nanoTime();
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            List<String> env = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                env.add(line);
            }
            String script = null;
            for (String e : env) {
                if (e.startsWith("agi_network_script: ")) {
                    script = e.substring("agi_network_script: ".length());
                }
            }
            sessionsSeen.add(script);
            List<Trace.Connection> candidates = scripts.get(script);
            if (candidates == null || candidates.isEmpty()) {
                differences.add("unexpected AGI session for script " + script);
                return;
            }
            Trace.Connection rec = candidates.remove(0);
            boolean isPuppet = puppet(script);
            if (!isPuppet) {
                activeScripts.incrementAndGet();
            }
            boolean sawHangup = false;
            compareEnv(script, rec, env);
            String recordedChannel = null;
            String simChannel = null;
            for (Trace.Line l : rec.lines()) {
                if (l.dir() == '<' && l.text().startsWith("agi_channel: ")) {
                    recordedChannel = l.text().substring("agi_channel: ".length());
                }
            }
            for (String e : env) {
                if (e.startsWith("agi_channel: ")) {
                    simChannel = e.substring("agi_channel: ".length());
                }
            }
            String lastSent = "(env)";
            boolean inEnv = true;
            for (Trace.Line l : rec.lines()) {
                if (inEnv) {
                    if (l.dir() == '<' && l.text().isEmpty()) {
                        inEnv = false;
                    }
                    continue;
                }
                if (l.dir() == '>' || (l.dir() == '*' && l.text().contains("shutdown(SHUT_WR)"))) {
                    long target = start + (long) (l.time() * scale * 1e9);
                    long now = System.nanoTime();
                    if (target > now) {
                        Thread.sleep((target - now) / 1_000_000);
                    }
                }
                if (l.dir() == '>') {
                    String cmd = recordedChannel == null ? l.text() : l.text().replace(recordedChannel, simChannel);
                    lastSent = cmd;
                    out.write((cmd + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else if (l.dir() == '<') {
                    String got = in.readLine();
                    sawHangup |= "HANGUP".equals(got);
                    compareReply(script + " after '" + lastSent + "'", l.text(), got);
                } else if (l.dir() == '*' && l.text().contains("shutdown(SHUT_WR)")) {
                    if (isPuppet && !sawHangup) {
                        // recorded, the puppet quit once the script under test was done; replay keeps that order
                        while (activeScripts.get() > 0) {
                            Thread.sleep(5);
                        }
                    }
                    if (!isPuppet) {
                        activeScripts.decrementAndGet();
                    }
                    s.shutdownOutput();
                } else if (l.dir() == '*' && l.text().contains("EOF")) {
                    String extra = in.readLine();
                    if (extra != null && isPuppet && extra.equals("HANGUP")) {
                        // the call may end before the puppet quits (recorded 1 ms apart): HANGUP, then the final one
                        extra = in.readLine();
                    }
                    if (extra != null) {
                        differences.add(script + ": expected the simulator to close, got '" + extra + "'");
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            differences.add("AGI session failed: " + e);
        }
    }

    private void compareEnv(String script, Trace.Connection rec, List<String> env) {
        List<String> recorded = new ArrayList<>();
        for (Trace.Line l : rec.lines()) {
            if (l.dir() == '<') {
                if (l.text().isEmpty()) {
                    break;
                }
                recorded.add(l.text());
            }
        }
        if (recorded.size() != env.size()) {
            differences.add(script + ": env has " + env.size() + " lines, recorded " + recorded.size() + "\n  " + env + "\n  " + recorded);
            return;
        }
        for (int i = 0; i < env.size(); i++) {
            String r = normalizeEnv(recorded.get(i));
            String g = normalizeEnv(env.get(i));
            if (!r.equals(g)) {
                differences.add(script + ": env line " + i + " recorded '" + recorded.get(i) + "' simulated '" + env.get(i) + "'");
            }
        }
    }

    private static String normalizeEnv(String line) {
        return line.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
            .replaceAll("-[0-9a-f]{8};", "-N;")
            .replaceAll("^agi_uniqueid: \\d+\\.\\d+$", "agi_uniqueid: U")
            .replaceAll("^agi_threadid: \\d+$", "agi_threadid: T");
    }

    private void compareReply(String script, String recorded, String got) {
        if (got == null) {
            differences.add(script + ": expected '" + recorded + "', connection closed");
            return;
        }
        String r = ENDPOS.matcher(recorded).replaceAll("endpos=N").replaceAll("-[0-9a-f]{8};", "-N;");
        String g = ENDPOS.matcher(got).replaceAll("endpos=N").replaceAll("-[0-9a-f]{8};", "-N;");
        if (!r.equals(g)) {
            differences.add(script + ": expected '" + recorded + "' got '" + got + "'");
        }
    }

    void awaitSessions(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (sessionsSeen.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        if (sessionsSeen.size() < count) {
            differences.add("expected " + count + " AGI sessions, got " + sessionsSeen);
        }
        for (Thread t : threads) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
