package cc.core.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real TCP forwarder between a client under test and a service (PostgreSQL, Redis, ...), for fault tests: the
 * client connects to {@link #port()} on 127.0.0.1 and every byte goes both ways unchanged; {@link #cut()} closes every
 * connection at once and refuses new ones (what a database host going away looks like to its clients: resets, then
 * refused connects), {@link #restore()} accepts again. Nothing is mocked: the client's driver and the service speak
 * their real protocol through it.
 *
 * <p>Threading: one accept thread and two copying threads per connection (virtual-free, plain daemon threads; a test
 * proxy carries a handful of pooled connections).
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Starts forwarding an ephemeral port of 127.0.0.1 to {@code host:port}. */
    public static TcpProxy start(String host, int port) throws IOException {
        return new TcpProxy(host, port);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection now and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Accepts and forwards again. */
    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    /** Client connections forwarded so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Client connections closed at once because the proxy was cut. */
    public long refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                // a refused connect, as near as a listening socket can tell it: closed before a byte is read
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 2_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            accepted.incrementAndGet();
            open.add(client);
            open.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
            if (cut) {
                // cut while this one was being connected: it must not outlive the cut
                closeQuietly(client);
                closeQuietly(upstream);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side or a cut closed it; closing both ends below tells the peer
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        cut();
    }
}
