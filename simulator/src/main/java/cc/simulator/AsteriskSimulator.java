package cc.simulator;

import cc.simulator.agi.AgiLauncher;
import cc.simulator.ami.AmiActions;
import cc.simulator.ami.AmiServer;
import cc.simulator.calls.InboundCalls;
import cc.simulator.calls.Originator;
import cc.simulator.channel.Channel;
import cc.simulator.channel.Counters;
import cc.simulator.channel.Pbx;
import cc.simulator.channel.Recordings;
import cc.simulator.dialplan.DialApplication;
import cc.simulator.dialplan.DialplanExecutor;
import cc.simulator.traffic.TrafficRunner;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An Asterisk 22 stand-in on real sockets: an AMI server and a FastAGI client that speak the bytes of the recorded
 * traces, a small dialplan, simulated phones and callers.
 *
 * <p>Threading: the whole simulation lives on one Vert.x event-loop context (no locks, no thread per call). The
 * public methods may be called from any other thread; they hop onto that context and wait for it.
 */
public final class AsteriskSimulator implements AutoCloseable {
    private final SimulatorConfig config;
    /** Replaced by {@link #restart}: a restarted Asterisk is a new process, with nothing of the old one's timers. */
    private volatile Vertx vertx;
    private volatile Context context;
    /** Which run of the switch is current; events of an earlier one (restarted away) go nowhere. */
    private volatile long incarnation;
    /** The port the AMI server binds: the configured one, then after a restart the one it had. */
    private int listenPort;
    /** Callers placed and not yet ended: a restart ends them all with no Hangup. */
    private final java.util.Set<CompletableFuture<CallOutcome>> liveCalls =
        java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Counters counters = new Counters();
    private Pbx pbx;
    private DialplanExecutor executor;
    private AmiServer ami;
    private AgiLauncher agi;
    private InboundCalls inbound;
    private Recordings recordings;
    private Random random;
    private int amiPort;
    private final List<TrafficRunner> traffic = new ArrayList<>();

    private AsteriskSimulator(SimulatorConfig config) {
        this.config = config;
        this.listenPort = config.amiPort();
        newProcess();
    }

    private void newProcess() {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1)
            .setBlockedThreadCheckInterval(10_000));
        this.context = vertx.getOrCreateContext();
    }

    /** Starts the simulator; returns once the AMI port listens. */
    public static AsteriskSimulator start(SimulatorConfig config) {
        AsteriskSimulator sim = new AsteriskSimulator(config);
        try {
            sim.amiPort = sim.onEngine(sim::boot).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sim.close();
            throw new IllegalStateException("interrupted while starting the simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            sim.close();
            throw new IllegalStateException("simulator could not listen on " + config.amiHost() + ":" + config.amiPort(), e);
        }
        return sim;
    }

    private CompletableFuture<Integer> boot() {
        random = new Random(config.seed() + incarnation);
        Timings timings = config.timings();
        long run = ++incarnation;
        pbx = new Pbx(vertx, timings.timeScale(), event -> {
            if (run == incarnation) {
                ami.publish(event);
            }
        }, counters, random);
        executor = new DialplanExecutor(pbx, config.effectiveDialplan(), timings);
        agi = new AgiLauncher(pbx, executor, timings, context);
        executor.setAgiRunner(agi);
        executor.setDialApplication(new DialApplication(pbx, executor, config.phones()));
        Originator originator = new Originator(pbx, executor, config.phones(), timings);
        inbound = new InboundCalls(pbx, originator, timings);
        recordings = new Recordings(pbx, recordings == null ? recordingsRoot() : recordings.root());
        ami = new AmiServer(vertx, config.amiHost(), listenPort, config.amiUsers(), scaled(timings.authFailureMs()),
            counters, new AmiActions(pbx, executor, originator, recordings));
        return ami.start().toCompletionStage().toCompletableFuture();
    }

    /** The temporary recordings directory this simulator made (and deletes on close); null when one was given. */
    private Path ownRecordingsDir;

    private Path recordingsRoot() {
        if (config.recordingsDir() != null) {
            return config.recordingsDir();
        }
        try {
            ownRecordingsDir = Files.createTempDirectory("sim-recordings");
            return ownRecordingsDir;
        } catch (IOException e) {
            throw new IllegalStateException("no recordings directory given and no temporary one could be made", e);
        }
    }

    private long scaled(long ms) {
        return Math.max(1, Math.round(ms * config.timings().timeScale()));
    }

    public int amiPort() {
        return amiPort;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** A caller dials in; returns once the trunk channel exists. */
    public SimulatedCall placeInboundCall(InboundCall call) {
        CompletableFuture<CallOutcome> ended = new CompletableFuture<>();
        liveCalls.add(ended);
        ended.whenComplete((o, e) -> liveCalls.remove(ended));
        String[] ids = call(() -> {
            Channel ch = inbound.place(call, ended::complete);
            return new String[] {ch.name(), ch.uniqueid()};
        });
        return new SimulatedCall(this, ids[0], ids[1], ended);
    }

    void callerHangup(String channel) {
        run(() -> {
            Channel ch = pbx.find(channel);
            if (ch != null) {
                inbound.hangUp(ch);
            }
        });
    }

    void callerDtmf(String channel, String digits) {
        run(() -> {
            Channel ch = pbx.find(channel);
            if (ch != null) {
                inbound.sendDtmf(ch, digits);
            }
        });
    }

    /** Starts Poisson arrivals until the returned generator is stopped (or the simulator closed). */
    public TrafficGenerator startTraffic(TrafficProfile profile) {
        TrafficRunner runner = call(() -> {
            TrafficRunner r = new TrafficRunner(vertx, inbound, profile, new Random(random.nextLong()));
            traffic.add(r);
            r.start();
            return r;
        });
        return new TrafficGenerator() {
            @Override
            public void stop() {
                run(runner::stop);
            }

            @Override
            public long placed() {
                return runner.placed();
            }

            @Override
            public boolean isRunning() {
                return runner.running();
            }
        };
    }

    /** Named failure: cut the TCP link of every AMI client, without a Logoff. */
    public void dropAmiConnections() {
        run(ami::dropAll);
    }

    /**
     * Named failure: Asterisk restarts. The process dies at once: every AMI session and FastAGI socket is cut, every
     * channel, bridge and conference is gone with no Hangup event (a dead process sends none), and callers placed
     * before end with their {@link SimulatedCall#ended()} failed by {@link Restarted}. Traffic started before stops.
     * After {@code down} a fresh switch listens on the same AMI port, its Uniqueids counting from 0 again (with the
     * new epoch seconds in front, as Asterisk's do) and its channel names from {@code -00000000} again.
     */
    public void restart(Duration down) {
        try {
            onEngine(() -> {
                incarnation++;
                for (TrafficRunner r : traffic) {
                    r.stop();
                }
                traffic.clear();
                return ami.stop().toCompletionStage().toCompletableFuture();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the process is dying anyway
        }
        agi.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort, as in close()
        }
        for (CompletableFuture<CallOutcome> call : List.copyOf(liveCalls)) {
            call.completeExceptionally(new Restarted());
        }
        counters.inc("restarts");
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulator was down", e);
        }
        listenPort = amiPort;
        newProcess();
        try {
            amiPort = onEngine(this::boot).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("simulator could not listen again on " + config.amiHost() + ":"
                + listenPort, e);
        }
    }

    /** How a caller placed before a {@link #restart} ends: the simulated Asterisk died under the call. */
    public static final class Restarted extends RuntimeException {
        Restarted() {
            super("the simulated Asterisk restarted: the call is gone, with no Hangup", null, false, false);
        }
    }

    /** Named failure: the next FastAGI session of a channel with this caller number meets {@code fault}. */
    public void injectAgiFault(String callerNumber, AgiFault fault) {
        run(() -> agi.injectFault(callerNumber, fault));
    }

    /** Writes raw bytes to every logged-in AMI session (malformed or unknown frames). */
    public void sendRawAmi(String text) {
        run(() -> ami.sendRaw(text));
    }

    public SimulatorStats stats() {
        return call(() -> SimulatorStats.from(counters.snapshot(), ami.loggedInSessions()));
    }

    public List<ChannelSnapshot> channels() {
        return call(() -> {
            List<ChannelSnapshot> out = new ArrayList<>();
            for (Channel ch : pbx.channels()) {
                out.add(new ChannelSnapshot(ch.name(), ch.uniqueid(), ch.linkedid(), ch.state().code, ch.state().desc,
                    ch.context(), ch.exten(), ch.priority(), ch.app(), ch.bridge() == null ? "" : ch.bridge().id(),
                    ch.callerIdNum()));
            }
            return out;
        });
    }

    /** The root MixMonitor paths are mapped under (the configured recordings directory, or a temporary one). */
    public Path recordingsDir() {
        return call(() -> recordings.root());
    }

    /** Every MixMonitor started so far, oldest first; a stopped one's file is complete on disk. */
    public List<RecordingSnapshot> recordings() {
        return call(() -> {
            List<RecordingSnapshot> out = new ArrayList<>();
            for (Recordings.Recording r : recordings.all()) {
                List<RecordingSnapshot.Span> silent = new ArrayList<>();
                for (Recordings.Span span : r.silentSpans()) {
                    silent.add(new RecordingSnapshot.Span(Duration.ofMillis(span.fromMs()), Duration.ofMillis(span.toMs())));
                }
                out.add(new RecordingSnapshot(r.channel(), r.requestedFile(), r.file(), r.mixMonitorId(), r.running(),
                    Duration.ofMillis(r.durationMs()), silent));
            }
            return out;
        });
    }

    @Override
    public void close() {
        try {
            if (ami != null) {
                onEngine(() -> {
                    for (TrafficRunner r : traffic) {
                        r.stop();
                    }
                    return ami.stop().toCompletionStage().toCompletableFuture();
                }).get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // closing anyway
        }
        if (agi != null) {
            agi.close();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort
        }
        deleteOwnRecordings();
    }

    /** A simulated Asterisk host's disk lives as long as the simulator: its temporary recordings go with it. */
    private void deleteOwnRecordings() {
        if (ownRecordingsDir == null) {
            return;
        }
        try (var paths = Files.walk(ownRecordingsDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }

    // ---- hopping onto the engine context ----

    private <T> CompletableFuture<T> onEngine(Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                task.get().whenComplete((r, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(r);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private <T> T call(Supplier<T> task) {
        if (Vertx.currentContext() == context) {
            return task.get();
        }
        try {
            return onEngine(() -> CompletableFuture.completedFuture(task.get())).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulator task failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator did not answer within 10 s", e);
        }
    }

    private void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }
}
