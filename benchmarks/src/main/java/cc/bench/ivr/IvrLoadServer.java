package cc.bench.ivr;

import cc.core.app.customer.CustomerStore;
import cc.core.contract.LocalRecordCodec;
import cc.core.domain.customer.Customer;
import cc.ivr.IvrModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The FastAGI server under test, in a JVM of its own so that its heap is measured alone: {@code ours} (our
 * {@link IvrModule} with default settings serving the menu-loop flow), {@code asterisk-java} (a
 * {@link DefaultAgiServer} with default settings running {@link MenuLoopScript}: core pool 10, at most 500 threads) or
 * {@code asterisk-java-10k} (the same with its pool allowed 10,000 threads). Driven by {@link IvrLoadBenchmark}
 * over stdin/stdout: it prints {@code READY <port>}, then answers {@code record} (start measuring), {@code report}
 * (one {@code REPORT} line), {@code first} (every caller's first-command time) and {@code quit}. The driver drains
 * its stdout continuously, so the library's log lines can never block it.
 *
 * <p>Turnaround is measured on the server's own socket for both servers: from the moment a reply (or the environment
 * block) from Asterisk is read to the moment the next command has been handed to the kernel (after asterisk-java's
 * {@code flush()}; after Vert.x's {@code write} returns on the event loop, which writes and flushes there). Prompt
 * time never falls inside it. A session counts as served from its first command written.
 */
public final class IvrLoadServer {
    static final Recorder TURNAROUND = new Recorder(3_600_000_000L, 3);
    static final AtomicInteger ACTIVE = new AtomicInteger();
    static final AtomicInteger PEAK = new AtomicInteger();
    static final AtomicLong SESSIONS = new AtomicLong();
    /** Connections that have had at least one command written and are still open, and their peak. */
    static final AtomicInteger SERVED_NOW = new AtomicInteger();
    static final AtomicInteger SERVED_PEAK = new AtomicInteger();
    /** Connections accepted and then refused (asterisk-java's pool rejecting them; ours never refuses). */
    static final AtomicLong REFUSED = new AtomicLong();
    /** Caller number to System.nanoTime() of the first command written to that caller (same clock as the driver's). */
    static final java.util.Map<String, Long> FIRST_COMMAND = new java.util.concurrent.ConcurrentHashMap<>();
    static volatile boolean recording;

    private IvrLoadServer() {
    }

    public static void main(String[] args) throws Exception {
        IvrLoadBenchmark.quietLogs();
        PrintStream out = System.out;
        String kind = args[0];
        int port;
        AutoCloseable server;
        if (kind.equals("ours")) {
            Vertx vertx = Vertx.vertx();
            LocalRecordCodec.registerContracts(vertx.eventBus());
            Path flows = Files.createTempDirectory("cc-bench-ivr");
            try (InputStream in = IvrLoadServer.class.getResourceAsStream("/bench-ivr/menu-loop.yaml")) {
                Files.copy(in, flows.resolve("menu-loop.yaml"));
            }
            IvrModule.Config d = IvrModule.Config.defaults();
            IvrModule module = IvrModule.start(TimedSockets.vertx(vertx), new IvrModule.Config("127.0.0.1", 0, flows, "menu-loop",
                    d.defaultQueue(), d.reloadInterval()), noCustomers(), null, Clock.systemUTC()).await();
            port = module.port();
            server = () -> {
                module.close().await();
                vertx.close().await();
            };
        } else if (kind.startsWith("asterisk-java")) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            TimedAgiServer agi = new TimedAgiServer(new MenuLoopScript());
            if (kind.equals("asterisk-java-10k")) {
                // its best: the pool may grow to 10,000 threads instead of the default 500 (core size stays 10)
                agi.setMaximumPoolSize(10_000);
            } else if (!kind.equals("asterisk-java")) {
                throw new IllegalArgumentException("server kind must be ours, asterisk-java or asterisk-java-10k, was "
                        + kind);
            }
            agi.setPort(port);
            agi.setAddress(InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                try {
                    agi.startup();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }, "asterisk-java-agi-server");
            t.setDaemon(true);
            t.start();
            if (!agi.listening.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("asterisk-java's AGI server did not listen on " + port);
            }
            server = agi::shutdown;
        } else {
            throw new IllegalArgumentException("server kind must be ours, asterisk-java or asterisk-java-10k, was "
                    + kind);
        }
        out.println("READY " + port);
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.trim()) {
                case "record" -> {
                    TURNAROUND.reset();
                    PEAK.set(ACTIVE.get());
                    SERVED_PEAK.set(SERVED_NOW.get());
                    REFUSED.set(0);
                    recording = true;
                }
                case "report" -> {
                    recording = false;
                    Histogram h = TURNAROUND.getIntervalHistogram();
                    System.gc();
                    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    out.println("REPORT " + h.getTotalCount() + " " + h.getValueAtPercentile(50) + " "
                            + h.getValueAtPercentile(99) + " " + h.getValueAtPercentile(99.9) + " " + h.getMaxValue()
                            + " " + PEAK.get() + " " + heap + " " + ACTIVE.get() + " " + SESSIONS.get()
                            + " " + Thread.activeCount() + " " + SERVED_PEAK.get() + " " + REFUSED.get());
                    out.flush();
                }
                case "first" -> {
                    // the first-command times, one "FIRST <caller> <nanos>" line each, then "END"
                    FIRST_COMMAND.forEach((caller, at) -> out.println("FIRST " + caller + " " + at));
                    out.println("END");
                    out.flush();
                }
                case "quit" -> {
                    try {
                        server.close();
                    } finally {
                        System.exit(0);
                    }
                }
                default -> out.println("ERROR unknown command " + line);
            }
        }
        System.exit(0);
    }

    static void opened() {
        SESSIONS.incrementAndGet();
        int now = ACTIVE.incrementAndGet();
        PEAK.accumulateAndGet(now, Math::max);
    }

    /**
     * Per connection: when the last bytes from Asterisk were read (0 once the next command has been written), the
     * caller's number from the environment block, and whether a command was ever written (a session served).
     * Threading: used by the one thread that serves the connection (an event loop, or asterisk-java's script thread),
     * except {@link #closed()}, which runs once on the thread that closes it.
     */
    static final class Turnaround {
        long readAt;
        private String callerId;
        private final StringBuilder envHead = new StringBuilder();
        private volatile boolean served;
        private boolean open = true;

        Turnaround() {
            opened();
        }

        void read() {
            readAt = System.nanoTime();
        }

        /** Picks the caller's number out of the environment block (the first bytes Asterisk sends). */
        void environment(String text) {
            if (callerId != null || envHead.length() > 8_192) {
                return;
            }
            envHead.append(text);
            int at = envHead.indexOf("agi_callerid: ");
            if (at >= 0) {
                int end = envHead.indexOf("\n", at);
                if (end > 0) {
                    callerId = envHead.substring(at + 14, end).trim();
                    envHead.setLength(0);
                }
            }
        }

        void wrote() {
            long now = System.nanoTime();
            if (!served) {
                served = true;
                SERVED_NOW.incrementAndGet();
                SERVED_PEAK.accumulateAndGet(SERVED_NOW.get(), Math::max);
                if (callerId != null) {
                    FIRST_COMMAND.put(callerId, now);
                }
            }
            long r = readAt;
            if (r != 0) {
                readAt = 0;
                if (recording) {
                    TURNAROUND.recordValue(Math.max(0, (now - r) / 1_000));
                }
            }
        }

        synchronized void closed() {
            if (open) {
                open = false;
                ACTIVE.decrementAndGet();
                if (served) {
                    SERVED_NOW.decrementAndGet();
                }
            }
        }
    }

    /** asterisk-java's server with the same measurement around each accepted connection; otherwise its defaults. */
    static final class TimedAgiServer extends DefaultAgiServer {
        final CountDownLatch listening = new CountDownLatch(1);

        TimedAgiServer(AgiScript script) {
            super(script);
        }

        /** Counts the connections the pool refuses; the library then closes them (and logs a warning). */
        @Override
        protected void execute(Runnable command) {
            try {
                super.execute(command);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                REFUSED.incrementAndGet();
                throw e;
            }
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade real = super.createServerSocket();
            listening.countDown();
            return new ServerSocketFacade() {
                @Override
                public SocketConnectionFacade accept() throws IOException {
                    return new TimedConnection(real.accept());
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }

                @Override
                public void setSocketReadTimeout(int timeout) {
                    real.setSocketReadTimeout(timeout);
                }
            };
        }
    }

    /** Threading: one script thread reads and writes a connection, so the plain field in Turnaround is safe. */
    static final class TimedConnection implements SocketConnectionFacade {
        private final SocketConnectionFacade real;
        private final Turnaround turnaround = new Turnaround();

        TimedConnection(SocketConnectionFacade real) {
            this.real = real;
        }

        @Override
        public String readLine() throws IOException {
            String line = real.readLine();
            turnaround.read();
            if (line != null && line.startsWith("agi_callerid: ")) {
                turnaround.environment(line + "\n");
            }
            return line;
        }

        @Override
        public void write(String s) throws IOException {
            real.write(s);
        }

        @Override
        public void flush() throws IOException {
            real.flush();
            turnaround.wrote();
        }

        @Override
        public void close() throws IOException {
            turnaround.closed();
            real.close();
        }

        @Override
        public boolean isConnected() {
            return real.isConnected();
        }

        @Override
        public InetAddress getLocalAddress() {
            return real.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return real.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return real.getRemoteAddress();
        }

        @Override
        public int getRemotePort() {
            return real.getRemotePort();
        }
    }

    /** The menu-loop flow written as an asterisk-java script with the same commands our IVR sends. */
    static final class MenuLoopScript implements AgiScript {
        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            try {
                int silences = 0;
                while (true) {
                    char key = channel.streamFile("en/bench/menu", "0123456789*#");
                    if (key == 0) {
                        key = channel.waitForDigit(5_000);
                    }
                    if (key >= '1' && key <= '3') {
                        silences = 0;
                        channel.streamFile("en/bench/info-" + key);
                    } else if (key == '9') {
                        break;
                    } else if (++silences > 2) {
                        break;
                    }
                }
                channel.streamFile("en/bench/goodbye");
                channel.hangup();
            } catch (AgiHangupException e) {
                // the caller left: the session is over
            }
        }
    }

    private static CustomerStore noCustomers() {
        return new CustomerStore() {
            public Future<Optional<Customer>> findByPhone(String number) { return none(); }
            public Future<Optional<Customer>> findByAccount(String accountNumber) { return none(); }
            public Future<Optional<Customer>> find(long id) { return none(); }
            public Future<Customer> save(Customer customer) { return Future.failedFuture("not used"); }
            private Future<Optional<Customer>> none() { return Future.succeededFuture(Optional.empty()); }
        };
    }
}
