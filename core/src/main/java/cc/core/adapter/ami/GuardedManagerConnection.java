package cc.core.adapter.ami;

import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * asterisk-java's AMI connection (what {@code DefaultManagerConnection} wraps) with its reader guarded by
 * {@link AmiReaderGuard} and its socket by {@link SingleHeaders}, so that no frame Asterisk (or anything on the
 * wire) sends can end the reader thread and drop the link.
 */
final class GuardedManagerConnection extends ManagerConnectionImpl {
    private final boolean guarded;
    private final String host;
    private final int port;
    private final AmiTls tls;
    private int connectTimeoutMs;

    GuardedManagerConnection(String host, int port, String username, String secret) {
        this(host, port, username, secret, AmiTls.OFF, AmiReaderGuard.FrameFilter.ALL);
    }

    GuardedManagerConnection(String host, int port, String username, String secret, AmiTls tls,
                             AmiReaderGuard.FrameFilter events) {
        setHostname(host);
        setPort(port);
        setUsername(username);
        setPassword(secret);
        this.host = host;
        this.port = port;
        this.tls = tls;
        guarded = AmiReaderGuard.install(this, events);
    }

    @Override
    public void setSocketTimeout(int socketTimeout) {
        super.setSocketTimeout(socketTimeout);
        this.connectTimeoutMs = socketTimeout;
    }

    /** Whether the reader guard is in place (false only if a library upgrade moved what it replaces). */
    boolean guarded() {
        return guarded;
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new SingleHeaders(tls.enabled() ? TlsSocketFacade.connect(host, port, tls, connectTimeoutMs)
                : super.createSocket());
    }

    /**
     * Drops a repeated {@code ActionID}, {@code Response} or {@code Event} line within one frame: the library's
     * reader collects repeated headers into a list and then casts these three to a string, and the
     * ClassCastException ends its thread (found by {@code AmiFrameFuzzTest}). Asterisk never repeats them; other
     * headers ({@code Output}, {@code Variable}, {@code ChanVariable}) may repeat and pass unchanged.
     */
    static final class SingleHeaders implements SocketConnectionFacade {
        private final SocketConnectionFacade socket;
        private final Set<String> seen = new HashSet<>();

        SingleHeaders(SocketConnectionFacade socket) {
            this.socket = socket;
        }

        @Override
        public String readLine() throws IOException {
            while (true) {
                String line = socket.readLine();
                if (line == null || line.isEmpty()) {
                    seen.clear();
                    return line;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    return line;
                }
                String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                boolean single = key.equals("actionid") || key.equals("response") || key.equals("event");
                if (!single || seen.add(key)) {
                    return line;
                }
            }
        }

        @Override
        public void write(String s) throws IOException {
            socket.write(s);
        }

        @Override
        public void flush() throws IOException {
            socket.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket.getRemoteAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getRemotePort();
        }
    }
}
