package cc.bench.ami;

import cc.core.adapter.ami.AmiOptions;
import cc.core.adapter.ami.AmiServerConfig;
import cc.core.adapter.ami.AmiTelephony;
import cc.core.adapter.ami.VariableFilter;
import cc.core.domain.call.CallEvent;
import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AMI event intake under load: a loopback {@link AmiFirehose} writes call events at fixed rates and two consumers
 * take them, one after the other in the same JVM: our {@link AmiTelephony} (listener copies and queues, one hop per
 * batch onto a Vert.x context, handler there) and, as reference, a plain asterisk-java ManagerConnection whose
 * ManagerEventListener records directly on the library's own dispatch thread. Lag = time the handler sees the event
 * minus the time the firehose wrote it.
 *
 * <p>What is measured: lag of the timed VarSet events (3 of every call's 10) after the warm-up; dropped = every event
 * the firehose wrote (warm-up included, all ten kinds, each numbered by a {@code ChanVariable: CC_SEQ} header) minus
 * every event the consumer saw, by kind. asterisk-java hands the header on, so its path also counts the distinct
 * sequence numbers seen (a duplicate cannot hide a loss there). Our adapter hands listeners call events without
 * channel variables, so its events are counted by kind from what it delivers (QUEUENAME let through its variable
 * filter for that), and Newexten, which it does not map by design, from its own count of unmapped events. What is not
 * measured: the rest of the server behind the handler (the handler only counts), the network (loopback), other event
 * kinds (bridges, originate responses), the lag of kinds other than the timed VarSet.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.ami.AmiIntakeBenchmark [--rates=10000,20000,40000]
 * [--seconds=12] [--warmup=2] [--jvm-warmup=5] [--calls=500] [--drain=15] [--paths=adapter,asterisk-java]}
 * (defaults shown; about 2 minutes in all). {@code -Dcc.bench.asteriskJavaLog=WARN} shows asterisk-java's own log.
 */
public final class AmiIntakeBenchmark {

    private record Params(List<Integer> rates, double seconds, double warmup, int calls, double drainSeconds,
                          List<String> paths, double jvmWarmup) {}

    private record Row(String path, int target, long sent, long sentTimed, long receivedTimed, double sentRate,
                       double sustained, Histogram lagMicros, String note, String worstPerSecond,
                       long[] writtenByKind, long[] seenByKind, long distinctSequences) {
        long written() {
            return java.util.Arrays.stream(writtenByKind).sum();
        }

        long seen() {
            return java.util.Arrays.stream(seenByKind).sum();
        }
    }

    /** Collects what one consumer saw. Written by one thread (the consumer's), read after the run. */
    private static final class Sink {
        final Histogram lagMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        final AtomicLong timed = new AtomicLong();
        /** Worst lag per second of sending, in microseconds, to show whether the tail is spread out or a few stalls. */
        final long[] worstPerSecond = new long[600];
        volatile long firstSentNanos;
        volatile long lastTimedNanos;
        final java.util.concurrent.atomic.AtomicLongArray seenByKind =
                new java.util.concurrent.atomic.AtomicLongArray(AmiFirehose.KINDS.size());
        final java.util.BitSet sequences = new java.util.BitSet();

        void seen(String kind) {
            seenByKind.incrementAndGet(AmiFirehose.KINDS.indexOf(kind));
        }

        synchronized void sequence(String value) {
            if (value != null) {
                sequences.set(Integer.parseInt(value.trim()));
            }
        }

        long seen() {
            long n = 0;
            for (int i = 0; i < seenByKind.length(); i++) {
                n += seenByKind.get(i);
            }
            return n;
        }

        long[] seenByKind() {
            long[] out = new long[seenByKind.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = seenByKind.get(i);
            }
            return out;
        }

        synchronized long distinctSequences() {
            return sequences.cardinality();
        }

        void timed(String value) {
            long now = System.nanoTime();
            long sent = Long.parseLong(value);
            long lag = (now - sent) / 1_000;
            lagMicros.recordValue(Math.max(0, Math.min(lag, lagMicros.getHighestTrackableValue())));
            if (firstSentNanos == 0) {
                firstSentNanos = sent;
            }
            int second = (int) Math.min(worstPerSecond.length - 1, Math.max(0, (sent - firstSentNanos) / 1_000_000_000L));
            worstPerSecond[second] = Math.max(worstPerSecond[second], lag);
            lastTimedNanos = now;
            timed.incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        Params p = parse(args);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // asterisk-java logs one error line per event it drops; the count below says it instead
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.asteriskjava"))
                .setLevel(Level.toLevel(System.getProperty("cc.bench.asteriskJavaLog", "OFF")));

        System.out.printf(Locale.ROOT, "AMI intake benchmark: loopback firehose -> consumer on %d cores, %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "call mix per call: %d events (Newchannel, 3x VarSet %s, Newexten, VarSet QUEUENAME,"
                        + " Newstate Ringing/Up, DTMFEnd, Hangup), %d mapped by the adapter; %d calls interleaved%n",
                AmiFirehose.EVENTS_PER_CALL, AmiFirehose.TIME_VARIABLE, AmiFirehose.MAPPED_PER_CALL, p.calls());
        System.out.printf(Locale.ROOT, "per run: %.1f s warm-up (not measured) + %.1f s measured, drain up to %.1f s;"
                + " rates %s events/s; first %.1f s JVM warm-up per path%n%n", p.warmup(), p.seconds(), p.drainSeconds(),
                p.rates(), p.jvmWarmup());

        if (p.jvmWarmup() > 0) {
            // JIT-compile asterisk-java's reflective event building and both consumers before anything is measured
            Params warm = new Params(p.rates(), p.jvmWarmup(), 0, p.calls(), 2, p.paths(), 0);
            for (String path : p.paths()) {
                Row row = path.equals("adapter") ? runAdapter(warm, p.rates().get(0)) : runLibrary(warm, p.rates().get(0));
                System.out.printf(Locale.ROOT, "  JVM warm-up, not reported: %s @ %d/s for %.0f s%n", row.path(),
                        row.target(), p.jvmWarmup());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int rate : p.rates()) {
            for (String path : p.paths()) {
                Row row = path.equals("adapter") ? runAdapter(p, rate) : runLibrary(p, rate);
                rows.add(row);
                System.out.println("  done: " + row.path() + " @ " + rate + "/s" + (row.note().isEmpty() ? "" : " (" + row.note() + ")"));
                System.gc();
            }
        }
        print(rows);
    }

    private static Row runAdapter(Params p, int rate) throws Exception {
        Vertx vertx = Vertx.vertx();
        try (AmiFirehose firehose = new AmiFirehose(p.calls())) {
            AmiServerConfig server = new AmiServerConfig("bench", "127.0.0.1", firehose.port(), "cc", "bench",
                    Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5));
            AmiOptions options = AmiOptions.defaults().withVariables(VariableFilter.of(List.of("CC_*", "QUEUENAME")))
                    .withPing(Duration.ofMinutes(10), Duration.ofMinutes(10));
            AmiTelephony telephony = new AmiTelephony(vertx, List.of(server), options, new SimpleMeterRegistry(),
                    InstantSource.system());
            Sink sink = new Sink();
            telephony.onCallEvent(e -> {
                if (e instanceof CallEvent.VariableSet) {
                    CallEvent.VariableSet v = (CallEvent.VariableSet) e;
                    if (v.name().equals(AmiFirehose.TIME_VARIABLE)) {
                        sink.timed(v.value());
                    }
                    sink.seen(v.name().equals("QUEUENAME") ? "VarSet QUEUENAME" : "VarSet CC_SENT_NS");
                } else if (e instanceof CallEvent.CallStarted) {
                    sink.seen("Newchannel");
                } else if (e instanceof CallEvent.CallRinging) {
                    sink.seen("Newstate Ringing");
                } else if (e instanceof CallEvent.CallAnswered) {
                    sink.seen("Newstate Up");
                } else if (e instanceof CallEvent.DtmfReceived) {
                    sink.seen("DTMFEnd");
                } else if (e instanceof CallEvent.CallHungUp) {
                    sink.seen("Hangup");
                }
            });
            telephony.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            long hopsBefore = telephony.intakeHops("bench");
            AmiFirehose.Run run = firehose.run(rate, p.warmup(), p.seconds());
            drain(sink, firehose, p.drainSeconds(), () -> sink.seen() + unmapped(telephony));
            long hops = telephony.intakeHops("bench") - hopsBefore;
            // Newexten is not mapped to a call event by design: the adapter counts it as unmapped instead
            sink.seenByKind.addAndGet(AmiFirehose.KINDS.indexOf("Newexten"), unmapped(telephony));
            telephony.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            double eventsPerHop = hops == 0 ? 0 : (double) firehose.sentEvents() * AmiFirehose.MAPPED_PER_CALL
                    / AmiFirehose.EVENTS_PER_CALL / hops;
            return row("adapter (ours)", rate, run, firehose, sink,
                    String.format(Locale.ROOT, "%.1f mapped events per hop onto the context", eventsPerHop));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static Row runLibrary(Params p, int rate) throws Exception {
        try (AmiFirehose firehose = new AmiFirehose(p.calls())) {
            ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", firehose.port(), "cc", "bench")
                    .createManagerConnection();
            Sink sink = new Sink();
            connection.addEventListener(event -> {
                String kind = null;
                if (event instanceof VarSetEvent) {
                    VarSetEvent v = (VarSetEvent) event;
                    if (AmiFirehose.TIME_VARIABLE.equals(v.getVariable())) {
                        sink.timed(v.getValue());
                    }
                    kind = "QUEUENAME".equals(v.getVariable()) ? "VarSet QUEUENAME" : "VarSet CC_SENT_NS";
                } else if (event instanceof org.asteriskjava.manager.event.NewChannelEvent) {
                    kind = "Newchannel";
                } else if (event instanceof org.asteriskjava.manager.event.NewExtenEvent) {
                    kind = "Newexten";
                } else if (event instanceof org.asteriskjava.manager.event.NewStateEvent) {
                    Integer state = ((org.asteriskjava.manager.event.NewStateEvent) event).getChannelState();
                    kind = state != null && state == 6 ? "Newstate Up" : "Newstate Ringing";
                } else if (event instanceof org.asteriskjava.manager.event.DtmfEndEvent) {
                    kind = "DTMFEnd";
                } else if (event instanceof org.asteriskjava.manager.event.HangupEvent) {
                    kind = "Hangup";
                }
                if (kind != null) {
                    sink.seen(kind);
                    java.util.Map<String, String> vars = event.getChannelVariables();
                    sink.sequence(vars == null ? null : vars.get(AmiFirehose.SEQ_VARIABLE));
                }
            });
            connection.login();
            AmiFirehose.Run run = firehose.run(rate, p.warmup(), p.seconds());
            drain(sink, firehose, p.drainSeconds(), sink::seen);
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                // the firehose may already have closed
            }
            return row("asterisk-java dispatch", rate, run, firehose, sink, "");
        }
    }

    private static long unmapped(AmiTelephony telephony) {
        return telephony.unmappedEvents().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until every event written was seen, or nothing arrived for two seconds, or the drain time is over. */
    private static void drain(Sink sink, AmiFirehose firehose, double seconds, java.util.function.LongSupplier seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long written = java.util.Arrays.stream(firehose.writtenByKind()).sum();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline && seen.getAsLong() < written) {
            long now = seen.getAsLong();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 2_000_000_000L) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static Row row(String path, int rate, AmiFirehose.Run run, AmiFirehose firehose, Sink sink, String note) {
        double sentSeconds = (run.endNanos() - run.startNanos()) / 1e9;
        long lastSeen = Math.max(sink.lastTimedNanos, run.endNanos());
        double processedSeconds = (lastSeen - run.startNanos()) / 1e9;
        long missing = firehose.sentTimed() - sink.timed.get();
        double sustained = run.events() * (missing == 0 ? 1.0 : (double) sink.timed.get() / firehose.sentTimed())
                / processedSeconds;
        StringBuilder worst = new StringBuilder();
        int seconds = (int) Math.ceil(sentSeconds);
        for (int i = 0; i < Math.min(seconds, sink.worstPerSecond.length); i++) {
            worst.append(i == 0 ? "" : " ").append(Math.round(sink.worstPerSecond[i] / 1000.0));
        }
        return new Row(path, rate, run.events(), firehose.sentTimed(), sink.timed.get(), run.events() / sentSeconds,
                sustained, sink.lagMicros, note, worst.toString(), firehose.writtenByKind(), sink.seenByKind(),
                sink.distinctSequences());
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-24s %9s %9s %9s %10s %10s %8s %9s %9s %9s %9s%n", "path", "target/s",
                "sent/s", "events/s", "written", "seen", "dropped", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
        for (Row r : rows) {
            Histogram h = r.lagMicros();
            System.out.printf(Locale.ROOT, "%-24s %9d %9.0f %9.0f %10d %10d %8d %9.2f %9.2f %9.2f %9.2f%n", r.path(),
                    r.target(), r.sentRate(), r.sustained(), r.written(), r.seen(),
                    r.written() - r.seen(), ms(h, 50), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0);
        }
        System.out.println();
        System.out.println("dropped by kind (written - seen; every event written, warm-up included):");
        for (Row r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < AmiFirehose.KINDS.size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(AmiFirehose.KINDS.get(k)).append(' ')
                        .append(r.writtenByKind()[k] - r.seenByKind()[k]);
            }
            String sequences = r.distinctSequences() == 0 ? "sequence numbers not handed on by this path"
                    : String.format(Locale.ROOT, "%d of %d sequence numbers seen", r.distinctSequences(), r.written());
            System.out.printf(Locale.ROOT, "  %-24s %6d/s: %s; %s; timed VarSet after warm-up %d written, %d seen%n",
                    r.path(), r.target(), sb, sequences, r.sentTimed(), r.receivedTimed());
        }
        System.out.println();
        System.out.println("events/s = measured events written / time until the last timed event was seen (scaled by"
                + " the share of timed events seen); lag = seen on the consumer's thread minus written, HdrHistogram in microseconds.");
        System.out.println("target for the adapter: >= 20000 events/s sustained, p99 < 50 ms, 0 dropped.");
        System.out.println("worst lag per second of the measured run, ms (a few large values = stalls, e.g. GC or"
                + " the scheduler of a busy machine; all large = the consumer cannot keep up):");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "  %-24s %6d/s: %s%n", r.path(), r.target(), r.worstPerSecond());
        }
        for (Row r : rows) {
            if (!r.note().isEmpty()) {
                System.out.println("  " + r.path() + " @ " + r.target() + "/s: " + r.note());
            }
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static Params parse(String[] args) {
        List<Integer> rates = List.of(10_000, 20_000, 40_000);
        double seconds = 12;
        double warmup = 2;
        double jvmWarmup = 5;
        int calls = 500;
        double drain = 15;
        List<String> paths = List.of("adapter", "asterisk-java");
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            switch (kv[0]) {
                case "rates":
                    List<Integer> r = new ArrayList<>();
                    for (String s : kv[1].split(",")) {
                        r.add(Integer.parseInt(s.trim()));
                    }
                    rates = r;
                    break;
                case "seconds":
                    seconds = Double.parseDouble(kv[1]);
                    break;
                case "warmup":
                    warmup = Double.parseDouble(kv[1]);
                    break;
                case "jvm-warmup":
                    jvmWarmup = Double.parseDouble(kv[1]);
                    break;
                case "calls":
                    calls = Integer.parseInt(kv[1]);
                    break;
                case "drain":
                    drain = Double.parseDouble(kv[1]);
                    break;
                case "paths":
                    paths = List.of(kv[1].split(","));
                    for (String s : paths) {
                        if (!s.equals("adapter") && !s.equals("asterisk-java")) {
                            throw new IllegalArgumentException("unknown path " + s + " (adapter, asterisk-java)");
                        }
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown option --" + kv[0]
                            + " (rates, seconds, warmup, jvm-warmup, calls, drain, paths)");
            }
        }
        return new Params(rates, seconds, warmup, calls, drain, paths, jvmWarmup);
    }
}
