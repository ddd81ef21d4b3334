package cc.bench.ivr;

import cc.simulator.AsteriskSimulator;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.SimulatorStats;
import cc.simulator.Timings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * IVR load: the Asterisk simulator dials callers in on loopback (Poisson arrivals over the ramp, so the live sessions
 * climb to {@code sessions}), each caller loops through a menu (a key every ~2.2 s during the 4 s menu prompt, a
 * 0.5 s information prompt, back to the menu) and stays until the end of the plateau, when every caller still in the
 * IVR hangs up. The same run is made against our FastAGI server ({@code IvrModule}, default settings, the flow
 * {@code bench-ivr/menu-loop.yaml}), against asterisk-java's {@code DefaultAgiServer} with its defaults (pool of at
 * most 500 threads) and, its best, with the pool raised to 10,000 threads, running the same menu as an
 * {@code AgiScript}; each server runs in a JVM of its own ({@link IvrLoadServer}).
 *
 * <p>What is measured, per server: peak concurrent sessions served (connections that had a first command written
 * and were still open); callers served (first command within {@code --first-command-timeout}, default 5 s, of the
 * caller being placed; the server stamps it with {@code System.nanoTime()}, the same monotonic clock as this driver
 * on Linux); refused (the call ended before the plateau was over without any command: connect failures, or the
 * server closing the connection, e.g. asterisk-java's pool rejecting it, which the server also counts); timed out
 * (no first command within the timeout: late or never, e.g. left in the TCP backlog); dropped (served, then ended
 * before the plateau was over). Command turnaround on the server's socket, reply read to next command handed to the
 * kernel (after {@code flush()} for both servers), p50/p99/p99.9/max over ramp and plateau; heap used after a full GC
 * with every session still live.
 *
 * <p>What is not measured: audio, real prompts (the simulator's timers), anything past the loopback socket (no network
 * latency), the simulator's own cost (it runs in this JVM). The simulator's transcript line for the connection itself
 * does not count as being served. Each server's stdout is drained by a thread of its own into
 * {@code <java.io.tmpdir>/ivr-<server>-server.log} (its stderr beside it, {@code .err}), so a server's logging can
 * never stall it.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.ivr.IvrLoadBenchmark [--sessions N]
 * [--ramp S] [--plateau S] [--first-command-timeout S] [--warmup-sessions N]
 * [--servers ours,asterisk-java,asterisk-java-10k]} (defaults 10,000 sessions, 40 s ramp, 15 s plateau, 300 warm-up
 * callers per server before measuring, all three servers: about 4 minutes in all).
 */
public final class IvrLoadBenchmark {
    static final long MENU_PROMPT_MS = 4_000;
    static final long INFO_PROMPT_MS = 500;
    static final long KEY_EVERY_MS = 2_000;
    static final long KEY_JITTER_MS = 400;

    private IvrLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        Map<String, String> opts = options(args);
        int sessions = Integer.parseInt(opts.getOrDefault("sessions", "10000"));
        int rampS = Integer.parseInt(opts.getOrDefault("ramp", "40"));
        int plateauS = Integer.parseInt(opts.getOrDefault("plateau", "15"));
        double firstTimeoutS = Double.parseDouble(opts.getOrDefault("first-command-timeout", "5"));
        int warmupSessions = Integer.parseInt(opts.getOrDefault("warmup-sessions", "300"));
        List<String> servers = List.of(opts.getOrDefault("servers", "ours,asterisk-java,asterisk-java-10k").split(","));
        System.out.printf(Locale.ROOT, "IVR load: %,d sessions, Poisson arrivals over a %d s ramp (%.0f calls/s), "
                        + "%d s plateau; menu prompt %d ms, information prompt %d ms, a key every %d-%d ms; "
                        + "first command due within %.1f s; loopback, %d cores, java %s, load average %s%n", sessions,
                rampS, sessions / (double) rampS, plateauS, MENU_PROMPT_MS, INFO_PROMPT_MS, KEY_EVERY_MS,
                KEY_EVERY_MS + KEY_JITTER_MS, firstTimeoutS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
        List<Result> results = new ArrayList<>();
        for (String server : servers) {
            results.add(run(server.trim(), sessions, rampS, plateauS, (long) (firstTimeoutS * 1e9), warmupSessions));
        }
        System.out.println();
        System.out.println("| server | peak sessions served | served | refused | timed out | dropped | commands "
                + "| p50 ms | p99 ms | p99.9 ms | max ms | heap after GC MiB | threads |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %.2f | %.2f | %.2f | %.2f "
                            + "| %.0f | %d |%n", r.server, r.servedPeak, r.served, r.refused, r.timedOut, r.dropped,
                    r.commands, r.p50us / 1000.0, r.p99us / 1000.0, r.p999us / 1000.0, r.maxUs / 1000.0,
                    r.heapBytes / 1048576.0, r.threads);
        }
        Result ours = results.stream().filter(r -> r.server.equals("ours")).findFirst().orElse(null);
        if (ours != null) {
            System.out.printf(Locale.ROOT, "%nTargets for ours: %,d sessions %s, p99 < 20 ms %s, heap < 1 GiB %s, "
                            + "zero failed sessions %s%n", sessions, mark(ours.servedPeak >= sessions),
                    mark(ours.p99us < 20_000), mark(ours.heapBytes < 1L << 30), mark(ours.failed() == 0));
        }
    }

    private static String mark(boolean ok) {
        return ok ? "(met)" : "(NOT met)";
    }

    public static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    record Result(String server, long commands, long p50us, long p99us, long p999us, long maxUs, int servedPeak,
                  long heapBytes, int threads, long served, long refused, long timedOut, long dropped,
                  long serverRefused) {
        long failed() {
            return refused + timedOut + dropped;
        }
    }

    private static Result run(String server, int sessions, int rampS, int plateauS, long firstTimeoutNs,
                              int warmupSessions) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s ==%n", server);
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "ivr-" + server + "-server.log").toAbsolutePath();
        java.nio.file.Files.createDirectories(log.getParent());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IvrLoadServer.class.getName(), server)
                .redirectError(ProcessBuilder.Redirect.to(log.resolveSibling("ivr-" + server + "-server.err").toFile()))
                .start();
        ChildOutput childOut = new ChildOutput(child, log);
        PrintWriter childIn = new PrintWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8), true);
        try {
            String ready = childOut.expect("READY");
            int port = Integer.parseInt(ready.split(" ")[1]);
            Timings timings = Timings.defaults().withUnknownPromptMs(INFO_PROMPT_MS)
                    .withPrompt("en/bench/menu", MENU_PROMPT_MS);
            long keys = (rampS + plateauS) * 1000L / KEY_EVERY_MS + 20;
            try (AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                    .agi("127.0.0.1", port, "menu-loop?lang=en").timings(timings).build())) {
                Random random = new Random(7);
                warmUp(sim, warmupSessions, random, keys);
                childIn.println("record");
                List<SimulatedCall> calls = new ArrayList<>(sessions);
                long[] placedAt = new long[sessions];
                double meanGapNs = TimeUnit.SECONDS.toNanos(rampS) / (double) sessions;
                long start = System.nanoTime();
                long due = start;
                long lastProgress = start;
                for (int i = 0; i < sessions; i++) {
                    due += (long) (-Math.log(1 - random.nextDouble()) * meanGapNs);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    placedAt[i] = System.nanoTime();
                    calls.add(sim.placeInboundCall(InboundCall.of(caller(i), "", "100")
                            .withDtmf(script(random, keys))));
                    if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(10)) {
                        lastProgress = System.nanoTime();
                        System.out.printf(Locale.ROOT, "  %5.1f s: %,d callers placed%n",
                                (lastProgress - start) / 1e9, i + 1);
                    }
                }
                long rampEnd = System.nanoTime();
                System.out.printf(Locale.ROOT, "  ramp done in %.1f s: %,d callers placed; plateau %d s%n",
                        (rampEnd - start) / 1e9, sessions, plateauS);
                Thread.sleep(TimeUnit.SECONDS.toMillis(plateauS));
                boolean[] endedEarly = new boolean[calls.size()];
                int stillInIvr = 0;
                for (int i = 0; i < calls.size(); i++) {
                    endedEarly[i] = calls.get(i).isEnded();
                    stillInIvr += endedEarly[i] ? 0 : 1;
                }
                childIn.println("report");
                String[] f = childOut.expect("REPORT").split(" ");
                childIn.println("first");
                Map<String, Long> first = new java.util.HashMap<>();
                for (String line = childOut.expect(""); !line.equals("END"); line = childOut.expect("")) {
                    String[] w = line.split(" ");
                    if (w[0].equals("FIRST")) {
                        first.put(w[1], Long.parseLong(w[2]));
                    }
                }
                SimulatorStats stats = sim.stats();
                System.out.printf(Locale.ROOT, "  end of plateau: %,d of %,d callers still in the IVR; hanging up%n",
                        stillInIvr, sessions);
                for (SimulatedCall c : calls) {
                    if (!c.isEnded()) {
                        c.hangup();
                    }
                }
                long served = 0;
                long refused = 0;
                long timedOut = 0;
                long dropped = 0;
                long late = 0;
                org.HdrHistogram.Histogram delay = new org.HdrHistogram.Histogram(3_600_000_000L, 3);
                for (int i = 0; i < calls.size(); i++) {
                    Long at = first.get(caller(i));
                    if (at != null) {
                        delay.recordValue(Math.max(0, Math.min((at - placedAt[i]) / 1_000, 3_600_000_000L)));
                    }
                    if (at != null && at - placedAt[i] <= firstTimeoutNs) {
                        served++;
                        dropped += endedEarly[i] ? 1 : 0;
                    } else if (at == null && endedEarly[i]) {
                        refused++;
                    } else {
                        timedOut++;
                        late += at != null ? 1 : 0;
                    }
                }
                Result r = new Result(server, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]), Integer.parseInt(f[11]), Long.parseLong(f[7]),
                        Integer.parseInt(f[10]), served - dropped, refused, timedOut, dropped, Long.parseLong(f[12]));
                System.out.printf(Locale.ROOT, "  served %,d (then dropped before the plateau's end %,d); refused "
                                + "%,d (simulator's AGI connect failures %,d; connections the server refused %,d); "
                                + "timed out %,d (%,d of them got a first command late); peak connections open on the "
                                + "server %s, peak served %,d, connections accepted %s; server log lines %,d in %s%n",
                        served, dropped, refused, stats.agiConnectFailures(), r.serverRefused, timedOut, late, f[6],
                        r.servedPeak, f[9], childOut.logged(), log);
                System.out.printf(Locale.ROOT, "  caller placed to first command (callers who got one, %,d): p50 %.1f ms,"
                                + " p99 %.1f ms, max %.1f ms (the simulator runs in this JVM: the first server's run"
                                + " also warms it up)%n", delay.getTotalCount(), delay.getValueAtPercentile(50) / 1e3,
                        delay.getValueAtPercentile(99) / 1e3, delay.getMaxValue() / 1e3);
                return r;
            }
        } finally {
            childIn.println("quit");
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            childOut.close();
        }
    }

    /**
     * Unmeasured: {@code count} callers over 3 s who stay 3 s and hang up, so the simulator in this JVM and the server
     * are past their first JIT compilation before the measured callers come (else the first server run pays for
     * warming the simulator). Their numbers (0913...) are not the measured callers'.
     */
    private static void warmUp(AsteriskSimulator sim, int count, Random random, long keys) throws Exception {
        if (count <= 0) {
            return;
        }
        List<SimulatedCall> warm = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            warm.add(sim.placeInboundCall(InboundCall.of(String.format(Locale.ROOT, "0913%07d", i), "", "100")
                    .withDtmf(script(random, keys))));
            Thread.sleep(3_000L / count);
        }
        Thread.sleep(3_000);
        for (SimulatedCall c : warm) {
            c.hangup();
        }
        for (SimulatedCall c : warm) {
            try {
                c.awaitEnd(java.time.Duration.ofSeconds(30));
            } catch (java.util.concurrent.TimeoutException e) {
                // left to the server; the measured run still starts
            }
        }
        Thread.sleep(1_000);
        System.out.printf(Locale.ROOT, "  warm-up: %,d callers over 3 s, held 3 s, hung up (not measured)%n", count);
    }

    private static String caller(int i) {
        return String.format(Locale.ROOT, "0912%07d", i);
    }

    /** A caller's keys: 1, 2 or 3 every 2.0-2.4 s, enough of them to outlast the run. */
    private static List<DtmfStep> script(Random random, long keys) {
        List<DtmfStep> steps = new ArrayList<>((int) keys);
        for (long k = 0; k < keys; k++) {
            steps.add(new DtmfStep(KEY_EVERY_MS + random.nextInt((int) KEY_JITTER_MS),
                    Integer.toString(1 + random.nextInt(3))));
        }
        return steps;
    }

    /**
     * The server's stdout, read continuously by a thread of its own: protocol lines ({@code READY}, {@code REPORT},
     * {@code FIRST}, {@code END}) are queued for the driver, every other line (the library's logging) goes to a file.
     */
    static final class ChildOutput implements AutoCloseable {
        private final java.util.concurrent.BlockingQueue<String> protocol = new java.util.concurrent.LinkedBlockingQueue<>();
        private final java.util.concurrent.atomic.AtomicLong logged = new java.util.concurrent.atomic.AtomicLong();
        private final Thread drain;

        ChildOutput(Process child, Path log) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            java.io.BufferedWriter file = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8);
            drain = new Thread(() -> {
                try (in; file) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.startsWith("READY") || line.startsWith("REPORT") || line.startsWith("FIRST ")
                                || line.equals("END")) {
                            protocol.add(line);
                        } else {
                            logged.incrementAndGet();
                            file.write(line);
                            file.newLine();
                        }
                    }
                } catch (IOException e) {
                    // the child is gone
                } finally {
                    protocol.add("EOF");
                }
            }, "ivr-server-stdout");
            drain.setDaemon(true);
            drain.start();
        }

        /** The next protocol line starting with {@code prefix} (other protocol lines before it are skipped). */
        String expect(String prefix) throws InterruptedException {
            while (true) {
                String line = protocol.poll(120, TimeUnit.SECONDS);
                if (line == null || line.equals("EOF")) {
                    throw new IllegalStateException("the server process ended or went silent before saying " + prefix);
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        long logged() {
            return logged.get();
        }

        @Override
        public void close() throws InterruptedException {
            drain.join(5_000);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: IvrLoadBenchmark [--sessions N] [--ramp S] [--plateau S] "
                        + "[--servers ours,asterisk-java]; bad argument " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }
}
