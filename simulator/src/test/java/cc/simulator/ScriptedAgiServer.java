package cc.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal FastAGI server for tests: each session runs {@link Script} on its own thread. */
final class ScriptedAgiServer implements AutoCloseable {
    interface Script {
        void run(Map<String, String> env, Session s) throws IOException;
    }

    /** One connection: send a command and read its one-line reply. */
    static final class Session {
        private final BufferedReader in;
        private final OutputStream out;

        Session(BufferedReader in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        String command(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return in.readLine();
        }

        String readLine() throws IOException {
            return in.readLine();
        }
    }

    private final ServerSocket server;
    final AtomicInteger sessions = new AtomicInteger();

    ScriptedAgiServer(Script script) throws IOException {
        server = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sessions.incrementAndGet();
                    Thread w = new Thread(() -> serve(s, script), "scripted-agi");
                    w.setDaemon(true);
                    w.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "scripted-agi-accept");
        t.setDaemon(true);
        t.start();
    }

    private static void serve(Socket s, Script script) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> env = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(": ");
                env.put(line.substring(0, colon < 0 ? line.length() - 1 : colon), colon < 0 ? "" : line.substring(colon + 2));
            }
            script.run(env, new Session(in, s.getOutputStream()));
            s.shutdownOutput();
            while (in.readLine() != null) {
                // drain the final HANGUP until the simulator closes
            }
        } catch (IOException e) {
            // the call went away
        }
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
