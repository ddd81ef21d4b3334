package cc.launcher.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The deployer's load balancer, as a stand-in for tests and benchmarks: a TCP proxy on one loopback port that sends
 * each new connection to the first backend of its current order that accepts it (a killed node refuses at once on
 * loopback), and pipes bytes both ways until either side closes; a backend dying closes the client's connection too,
 * as a real balancer does. The test sets the order, so it knows where a browser lands; the browser only knows this
 * port. Each connection is logged with its backend and its first request line ({@code GET /live ...} for a console
 * socket). One thread per direction per connection: a test's handful of browsers, a benchmark's few FastAGI sessions
 * a second.
 */
public final class TcpBalancer implements AutoCloseable {
    /** One proxied connection: where it went and what it asked first. */
    public static final class Connection {
        public final String backend;
        public volatile String firstLine = "";
        public volatile boolean closed;

        Connection(String backend) {
            this.backend = backend;
        }

        @Override
        public String toString() {
            return backend + " " + firstLine + (closed ? " (closed)" : "");
        }
    }

    private final ServerSocket listener;
    private final Map<String, Integer> backends = new ConcurrentHashMap<>();
    private volatile List<String> order = List.of();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public TcpBalancer(String name) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        acceptor = new Thread(this::accept, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void backend(String name, int port) {
        backends.put(name, port);
    }

    /** New connections go to the first of these that accepts. */
    public void order(String... names) {
        order = List.of(names);
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Console sockets ({@code GET /live}) opened so far, oldest first. */
    public List<Connection> liveSockets() {
        return connections.stream().filter(c -> c.firstLine.startsWith("GET /live")).toList();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread t = new Thread(() -> route(client), "balancer-route");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void route(Socket client) {
        for (String name : order) {
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress("127.0.0.1", backends.get(name)), 1_000);
            } catch (IOException refused) {
                closeQuietly(backend);
                continue;
            }
            Connection c = new Connection(name);
            connections.add(c);
            open.add(client);
            open.add(backend);
            pipe(client, backend, c, true);
            pipe(backend, client, c, false);
            return;
        }
        closeQuietly(client);
    }

    private void pipe(Socket from, Socket to, Connection c, boolean logFirstLine) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                boolean first = logFirstLine;
                while ((n = in.read(buf)) >= 0) {
                    if (first) {
                        String head = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                        int eol = head.indexOf('\r');
                        c.firstLine = eol < 0 ? head : head.substring(0, eol);
                        first = false;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side gone: close both below
            } finally {
                c.closed = true;
                closeQuietly(from);
                closeQuietly(to);
                // a benchmark's FastAGI balancer proxies thousands of sessions: keep only the open ones
                open.remove(from);
                open.remove(to);
            }
        }, "balancer-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(TcpBalancer::closeQuietly);
    }
}
