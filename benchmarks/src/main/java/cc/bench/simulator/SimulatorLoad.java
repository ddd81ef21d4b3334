package cc.bench.simulator;

import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.SimulatorStats;
import cc.simulator.TrafficGenerator;
import cc.simulator.TrafficProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Poisson inbound traffic through the simulator's default dialplan: every caller runs a FastAGI session (served
 * here over loopback) that sends it to hold, so live channels pile up. Meanwhile one AMI client receives every
 * event and measures Ping round trips, i.e. how responsive the simulator stays under that load.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.simulator.SimulatorLoad [callsPerSecond]
 * [seconds]} (defaults 300 calls/s for 10 s: about 3,000 channels alive at the end).
 */
public final class SimulatorLoad {
    private SimulatorLoad() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
            .setLevel(ch.qos.logback.classic.Level.INFO);
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 300;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ExecutorService agiThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-agi");
            t.setDaemon(true);
            return t;
        });
        AtomicLong agiSessions = new AtomicLong();
        try (ServerSocket agi = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!agi.isClosed()) {
                    try {
                        Socket s = agi.accept();
                        agiThreads.execute(() -> holdScript(s, agiSessions));
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "bench-agi-accept");
            acceptor.setDaemon(true);
            acceptor.start();

            SimulatorConfig config = SimulatorConfig.builder().agi("127.0.0.1", agi.getLocalPort(), "main?lang=en").build();
            try (AsteriskSimulator sim = AsteriskSimulator.start(config);
                 AmiProbe probe = new AmiProbe(sim.amiPort())) {
                System.out.printf("SimulatorLoad: %.0f calls/s (Poisson) for %d s, default dialplan, callers held in MOH;%n",
                    rate, seconds);
                System.out.println("one AMI client with all events on pings every 10 ms. Figures from a shared machine.");
                Thread.sleep(500);
                long eventsBefore = probe.events.get();
                long start = System.nanoTime();
                TrafficGenerator traffic = sim.startTraffic(TrafficProfile.of(rate, "5550100"));
                Histogram rtt = new Histogram(10_000_000_000L, 3);
                long end = start + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    rtt.recordValue(probe.ping());
                    Thread.sleep(10);
                }
                traffic.stop();
                double elapsed = (System.nanoTime() - start) / 1e9;
                long events = probe.events.get() - eventsBefore;
                Thread.sleep(1_000);
                SimulatorStats stats = sim.stats();
                int live = sim.channels().size();
                System.out.printf("calls placed            %d (%.0f/s)%n", stats.callsStarted(), stats.callsStarted() / elapsed);
                System.out.printf("calls answered          %d%n", stats.callsAnswered());
                System.out.printf("FastAGI sessions served %d%n", agiSessions.get());
                System.out.printf("live channels at end    %d%n", live);
                System.out.printf("AMI events received     %d (%.0f/s, %.1f MB)%n", events, events / elapsed, probe.bytes.get() / 1e6);
                System.out.printf("AMI Ping RTT us         p50 %d  p90 %d  p99 %d  max %d  (n=%d)%n",
                    rtt.getValueAtPercentile(50) / 1000, rtt.getValueAtPercentile(90) / 1000,
                    rtt.getValueAtPercentile(99) / 1000, rtt.getMaxValue() / 1000, rtt.getTotalCount());
            }
        }
        agiThreads.shutdownNow();
    }

    /** The IVR of the run: send the caller to hold, then end the script. */
    private static void holdScript(Socket s, AtomicLong sessions) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // agi_ environment
            }
            OutputStream out = s.getOutputStream();
            out.write("SET VARIABLE CC_NEXT hold\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            in.readLine();
            sessions.incrementAndGet();
            s.shutdownOutput();
            while (in.readLine() != null) {
                // final HANGUP
            }
        } catch (IOException e) {
            // call gone
        }
    }

    /** A raw AMI client: counts every event line block, answers Pings with their round trip. */
    private static final class AmiProbe implements AutoCloseable {
        final AtomicLong events = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        private final Socket socket;
        private final OutputStream out;
        private final Object pong = new Object();
        private volatile long pongAt;

        AmiProbe(int port) throws IOException, InterruptedException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            Thread reader = new Thread(this::read, "bench-ami");
            reader.setDaemon(true);
            reader.start();
            out.write("Action: Login\r\nUsername: cc\r\nSecret: cc-secret\r\nEvents: on\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        }

        private void read() {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    bytes.addAndGet(line.length() + 2);
                    if (line.startsWith("Event: ")) {
                        events.incrementAndGet();
                    } else if (line.equals("Ping: Pong")) {
                        synchronized (pong) {
                            pongAt = System.nanoTime();
                            pong.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        long ping() throws IOException, InterruptedException {
            long sent;
            synchronized (pong) {
                pongAt = 0;
                sent = System.nanoTime();
                out.write("Action: Ping\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (pongAt == 0) {
                    pong.wait(5_000);
                }
            }
            return pongAt - sent;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
