package cc.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A deliberately plain AMI client for tests: a blocking socket and a reader thread that keeps every received
 * message (and the raw lines) in order. Independent of asterisk-java and of the simulator's codec.
 */
final class AmiTestClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    final List<Trace.Message> received = new CopyOnWriteArrayList<>();
    final List<String> rawLines = new CopyOnWriteArrayList<>();
    volatile String banner;
    volatile boolean closedByServer;
    private final long startNanos = System.nanoTime();

    AmiTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "ami-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder();
            List<String[]> cur = new ArrayList<>();
            int c;
            while ((c = in.read()) >= 0) {
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                String l = line.toString();
                line.setLength(0);
                rawLines.add(l);
                if (!l.endsWith("\r")) {
                    throw new IllegalStateException("AMI line not ended by CRLF: " + l);
                }
                l = l.substring(0, l.length() - 1);
                if (banner == null) {
                    banner = l;
                    continue;
                }
                if (l.isEmpty()) {
                    if (!cur.isEmpty()) {
                        received.add(new Trace.Message(elapsed(), '<', cur));
                        cur = new ArrayList<>();
                    }
                    continue;
                }
                int colon = l.indexOf(':');
                String key = colon < 0 ? l : l.substring(0, colon);
                String value = colon < 0 ? "" : l.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                cur.add(new String[] {key, value});
            }
        } catch (IOException | RuntimeException e) {
            // socket closed
        }
        closedByServer = true;
    }

    double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void send(List<String[]> headers) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void send(String... keyValues) throws IOException {
        List<String[]> h = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            h.add(new String[] {keyValues[i], keyValues[i + 1]});
        }
        send(h);
    }

    void login() throws IOException, InterruptedException {
        send("Action", "Login", "ActionID", "login", "Username", "cc", "Secret", "cc-secret", "Events", "on");
        await(m -> "login".equals(m.get("ActionID")), 5_000);
    }

    Trace.Message await(Predicate<Trace.Message> p, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            for (Trace.Message m : received) {
                if (p.test(m)) {
                    return m;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no matching AMI message within " + timeoutMs + " ms; got " + describe());
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        for (Trace.Message m : received) {
            sb.append("\n  ");
            for (String[] h : m.headers()) {
                sb.append(h[0]).append('=').append(h[1]).append(' ');
            }
        }
        return sb.toString();
    }

    void awaitClosed(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!closedByServer && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        if (!closedByServer) {
            throw new AssertionError("server did not close the connection within " + timeoutMs + " ms");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
