package cc.bench.ivr;

import cc.simulator.AsteriskSimulator;
import cc.simulator.CallOutcome;
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
import java.time.Duration;
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
 * {@code bench-ivr/menu-loop.yaml}) and against asterisk-java's {@code DefaultAgiServer} (default settings) running
 * the same menu as an {@code AgiScript}; each server runs in a JVM of its own ({@link IvrLoadServer}).
 *
 * <p>Figures: peak concurrent FastAGI sessions on the server; command turnaround on the server's socket (reply read
 * to next command written, so prompt time is never inside it) as p50/p99/p99.9/max over the ramp and plateau; heap
 * used after a full GC at the end of the plateau, with every session still live; failed sessions = callers whose
 * call ended before the plateau was over (AGI connect failures, sessions dropped or ended by the server) + callers
 * still there who never got a command.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.ivr.IvrLoadBenchmark [--sessions N]
 * [--ramp S] [--plateau S] [--servers ours,asterisk-java]} (defaults 10,000 sessions, 40 s ramp, 15 s plateau,
 * both servers: about 2.5 minutes in all).
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
        List<String> servers = List.of(opts.getOrDefault("servers", "ours,asterisk-java").split(","));
        System.out.printf(Locale.ROOT, "IVR load: %,d sessions, Poisson arrivals over a %d s ramp (%.0f calls/s), "
                        + "%d s plateau; menu prompt %d ms, information prompt %d ms, a key every %d-%d ms; "
                        + "loopback, %d cores, java %s%n", sessions, rampS, sessions / (double) rampS, plateauS,
                MENU_PROMPT_MS, INFO_PROMPT_MS, KEY_EVERY_MS, KEY_EVERY_MS + KEY_JITTER_MS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        for (String server : servers) {
            results.add(run(server.trim(), sessions, rampS, plateauS));
        }
        System.out.println();
        System.out.println("| server | peak sessions | commands | p50 ms | p99 ms | p99.9 ms | max ms | heap after GC MiB "
                + "| threads | failed sessions |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.2f | %.2f | %.2f | %.2f | %.0f | %d | %,d |%n",
                    r.server, r.peak, r.commands, r.p50us / 1000.0, r.p99us / 1000.0, r.p999us / 1000.0,
                    r.maxUs / 1000.0, r.heapBytes / 1048576.0, r.threads, r.failed());
        }
        Result ours = results.stream().filter(r -> r.server.equals("ours")).findFirst().orElse(null);
        if (ours != null) {
            System.out.printf(Locale.ROOT, "%nTargets for ours: %,d sessions %s, p99 < 20 ms %s, heap < 1 GiB %s, "
                            + "zero failed sessions %s%n", sessions, mark(ours.peak >= sessions),
                    mark(ours.p99us < 20_000), mark(ours.heapBytes < 1L << 30), mark(ours.failed() == 0));
        }
    }

    private static String mark(boolean ok) {
        return ok ? "(met)" : "(NOT met)";
    }

    record Result(String server, long commands, long p50us, long p99us, long p999us, long maxUs, int peak,
                  long heapBytes, int threads, long connectFailures, long endedEarly, long neverServed) {
        /** Connect failures end the call too, so they are inside endedEarly. */
        long failed() {
            return endedEarly + neverServed;
        }
    }

    private static Result run(String server, int sessions, int rampS, int plateauS) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s ==%n", server);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IvrLoadServer.class.getName(), server)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter childIn = new PrintWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8), true);
        try {
            String ready = expect(childOut, "READY");
            int port = Integer.parseInt(ready.split(" ")[1]);
            Timings timings = Timings.defaults().withUnknownPromptMs(INFO_PROMPT_MS)
                    .withPrompt("en/bench/menu", MENU_PROMPT_MS);
            long keys = (rampS + plateauS) * 1000L / KEY_EVERY_MS + 20;
            try (AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                    .agi("127.0.0.1", port, "menu-loop?lang=en").timings(timings).build())) {
                Random random = new Random(7);
                childIn.println("record");
                List<SimulatedCall> calls = new ArrayList<>(sessions);
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
                    calls.add(sim.placeInboundCall(InboundCall.of(String.format("0912%07d", i), "", "100")
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
                String[] f = expect(childOut, "REPORT").split(" ");
                SimulatorStats stats = sim.stats();
                System.out.printf(Locale.ROOT, "  end of plateau: %,d of %,d callers still in the IVR; hanging up%n",
                        stillInIvr, sessions);
                for (SimulatedCall c : calls) {
                    if (!c.isEnded()) {
                        c.hangup();
                    }
                }
                long neverServed = 0;
                for (int i = 0; i < calls.size(); i++) {
                    boolean served;
                    try {
                        served = !calls.get(i).awaitEnd(Duration.ofSeconds(30)).agiTranscript().isEmpty();
                    } catch (java.util.concurrent.TimeoutException e) {
                        served = false;
                    }
                    if (!served && !endedEarly[i]) {
                        neverServed++;
                    }
                }
                Result r = new Result(server, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]), Integer.parseInt(f[6]), Long.parseLong(f[7]),
                        Integer.parseInt(f[10]), stats.agiConnectFailures(), sessions - stillInIvr, neverServed);
                System.out.printf(Locale.ROOT, "  AGI sessions started %,d (AGI connect failures %,d), callers whose "
                                + "session ended before the plateau was over %,d, callers never served %,d; "
                                + "sessions the server accepted %s%n",
                        stats.agiSessions(), r.connectFailures, r.endedEarly, r.neverServed, f[9]);
                return r;
            }
        } finally {
            childIn.println("quit");
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
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

    /** Reads the server's stdout up to the line starting with {@code prefix}; its log lines are shown up to a few. */
    private static String expect(BufferedReader in, String prefix) throws IOException {
        int logged = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                if (logged > 5) {
                    System.out.printf(Locale.ROOT, "  server: ... %,d more log lines%n", logged - 5);
                }
                return line;
            }
            if (++logged <= 5) {
                System.out.println("  server: " + line);
            }
        }
        throw new IllegalStateException("the server process ended before saying " + prefix);
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
