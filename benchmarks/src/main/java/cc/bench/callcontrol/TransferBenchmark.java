package cc.bench.callcontrol;

import cc.bench.BenchServer;
import cc.bench.Options;
import cc.core.config.ConfigNode;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.CallControlChanged;
import cc.core.contract.CallControlReply;
import cc.core.contract.CallControlRequest;
import cc.core.contract.CallOffered;
import cc.core.contract.EnqueueCall;
import cc.core.contract.TransferCall;
import cc.core.domain.call.CallEvent;
import cc.launcher.Server;
import cc.launcher.ServerConfig;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.vertx.core.eventbus.DeliveryOptions;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How fast a blind transfer to a queue rings the next agent, against an ordinary first offer in the same run: the
 * whole server (IVR over FastAGI, ACD, interaction recorder, call control; embedded database, as the other
 * whole-server benchmarks use it) against the simulator over real AMI. Callers arrive at a fixed rate into
 * {@code cc-inbound}, the IVR hands them to queue {@code first}; once the first agent is talking (call control
 * publishes state {@code talking}) and has talked {@code --talk} ms, the benchmark asks call control, over the same
 * event-bus contract the console uses, to transfer the call to queue {@code second}.
 *
 * <p>What is timed, all with the same clock in this JVM:
 * <ul>
 *   <li>transfer: from sending the {@link CallControlRequest} to the AMI {@code Newstate} (Ringing) of the second
 *       agent's new leg reaching the server's telephony listeners; the leg is the one whose {@code CC_OFFER} variable
 *       names the call. It covers call control (redirecting the caller to the music, hanging up the first agent),
 *       the ACD routing the call again, its Originate over AMI, the simulator ringing the phone and the event's way
 *       back;</li>
 *   <li>first offer (the reference): from the IVR's enqueue request on the event bus (the IVR hand-over) to the first
 *       agent's leg ringing, seen the same way;</li>
 *   <li>for where the time goes: from the transfer request to the ACD publishing {@link CallOffered} for the second
 *       agent (its decision, before its Originate).</li>
 * </ul>
 *
 * <p>Options: {@code --rate} calls/s (50), {@code --seconds} measured (60), {@code --warmup} s (5), {@code --talk} ms
 * the first agent talks before transferring (1000), {@code --second-talk} ms the second agent talks before hanging up
 * (3000), {@code --ring} agents' ring ms (100), {@code --first-agents} (150), {@code --second-agents} (500),
 * {@code --drain} s to wait for the last transfers to ring (20). A run where every agent of a queue was busy at
 * some moment (callers waited for an agent) is INCOMPLETE: give more agents.
 */
public final class TransferBenchmark {
    private static final long MAX_NS = TimeUnit.MINUTES.toNanos(5);
    private static final long TARGET_MS = 100;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        double rate = Double.parseDouble(o.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        long talkMs = Long.parseLong(o.getOrDefault("talk", "1000"));
        long secondTalkMs = Long.parseLong(o.getOrDefault("second-talk", "3000"));
        long ringMs = Long.parseLong(o.getOrDefault("ring", "100"));
        int firstAgents = Integer.parseInt(o.getOrDefault("first-agents", "150"));
        int secondAgents = Integer.parseInt(o.getOrDefault("second-agents", "500"));
        int drain = Integer.parseInt(o.getOrDefault("drain", "20"));

        Machine.print();
        System.out.printf("TransferBenchmark: %.0f calls/s, %d s warm-up + %d s measured; IVR answer then queue first "
                        + "(%d agents), transferred after %d ms of talk to queue second (%d agents, who talk %d ms "
                        + "then "
                        + "hang up); ring %d ms; wrap-up 0 s, recording never; embedded database%n",
                rate, warmup, seconds, firstAgents, talkMs, secondAgents, secondTalkMs, ringMs);

        int agiPort = BenchServer.freePort();
        Path dir = Files.createTempDirectory("transfer-bench");
        Path flows = BenchServer.flowIntoQueue(dir, "first", "30s");
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", "bench-secret")
                .recordingsDir(dir.resolve("asterisk"))
                .agi("127.0.0.1", agiPort, "bench?lang=en")
                .phones(Phones.builder()
                        // the first agent stays on the line: call control hangs its leg up on the transfer
                        .prefix("5", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(ringMs),
                                Distribution.fixed(600_000)))
                        .prefix("6", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(ringMs),
                                Distribution.fixed(secondTalkMs)))
                        .build())
                .build());
        StringBuilder yaml = BenchServer.yaml(sim.amiPort(), agiPort, flows,
                "{dataDir: '" + dir.resolve("data") + "'}");
        yaml.append(String.join("\n",
                "  ringTimeout: 5s",
                "  queues:",
                "    - {id: first, wrapUp: 0s, recording: never}",
                "    - {id: second, wrapUp: 0s, recording: never}",
                "  agents:", ""));
        BenchServer.agents(yaml, "f", firstAgents, 50000, "first");
        BenchServer.agents(yaml, "s", secondAgents, 60000, "second");
        Server server = Server.start(ServerConfig.read(ConfigNode.parse("transfer-bench.yaml", yaml.toString(),
                System::getenv))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        // per call, when each step was seen (System.nanoTime(); 0 = not yet): the first offer and the transfer
        Map<String, AtomicLongArray> firstSteps = new ConcurrentHashMap<>();
        Map<String, AtomicLongArray> transferSteps = new ConcurrentHashMap<>();
        Stages first = new Stages("reference: IVR hand-over", "ACD's CallOffered", "first agent's leg ringing");
        Stages transfer = new Stages("transfer: request", "ACD asked to transfer", "ACD's CallOffered",
                "next agent's leg ringing");
        Map<String, String> callOfFirstAgent = new ConcurrentHashMap<>();
        Map<String, String> offeredCallOfLeg = new ConcurrentHashMap<>();
        Set<String> transferred = ConcurrentHashMap.newKeySet();
        AtomicLong sentInWindow = new AtomicLong();
        AtomicLong rangInWindow = new AtomicLong();
        AtomicLong refusedInWindow = new AtomicLong();
        AtomicLong notAsked = new AtomicLong();
        Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();

        var bus = server.vertx().eventBus();
        // The IVR hand-over (its enqueue request) and call control asking the ACD to route the call again (after the
        // caller was redirected to the music), seen as they leave for the ACD.
        bus.addOutboundInterceptor(ctx -> {
            Object body = ctx.message().body();
            if (body instanceof EnqueueCall e && Addresses.ACD_CALL_ENQUEUE.equals(ctx.message().address())) {
                firstSteps.putIfAbsent(e.uniqueId(), stepsFrom(System.nanoTime(), 3));
            } else if (body instanceof TransferCall t && AcdAddresses.CALL_TRANSFER.equals(ctx.message().address())) {
                AtomicLongArray steps = transferSteps.get(t.callId());
                if (steps != null) {
                    steps.set(1, System.nanoTime());
                }
            }
            ctx.next();
        });
        // The call each first-queue agent was offered last: call control's state names the agent and the record,
        // the ACD's offer the agent and the call (the caller's uniqueid, which the rings' CC_OFFER carries).
        bus.<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> {
            long now = System.nanoTime();
            CallOffered offer = m.body();
            if (offer.agentId().startsWith("f")) {
                callOfFirstAgent.put(offer.agentId(), offer.callerUniqueId());
                AtomicLongArray steps = firstSteps.get(offer.callerUniqueId());
                if (steps != null) {
                    steps.compareAndSet(1, 0, now);
                }
            } else {
                AtomicLongArray steps = transferSteps.get(offer.callerUniqueId());
                if (steps != null) {
                    steps.compareAndSet(2, 0, now);
                }
            }
        });
        ScheduledExecutorService transfers = Executors.newSingleThreadScheduledExecutor();
        DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(10_000);
        bus.<CallControlChanged>consumer(CallControlAddresses.CHANGED, m -> {
            CallControlChanged c = m.body();
            if (!"talking".equals(c.state()) || !c.agentId().startsWith("f") || c.interactionId().isEmpty()
                    || !transferred.add(c.interactionId())) {
                return;
            }
            String callId = callOfFirstAgent.get(c.agentId());
            if (callId == null) {
                notAsked.incrementAndGet();
                return;
            }
            transfers.schedule(() -> {
                long t0 = System.nanoTime();
                boolean measured = t0 >= measureFrom;
                transferSteps.put(callId, stepsFrom(t0, 4));
                if (measured) {
                    sentInWindow.incrementAndGet();
                }
                bus.<CallControlReply>request(CallControlAddresses.REQUEST, new CallControlRequest(c.interactionId(),
                                c.agentId(), c.agentId(), false, "transfer", "queue", "second", "benchmark"), timeout)
                        .onComplete(r -> {
                            String error = r.failed() ? "no reply: " + r.cause().getMessage()
                                    : r.result().body().ok() ? "" : r.result().body().error();
                            if (!error.isEmpty()) {
                                transferSteps.remove(callId);
                                refusals.computeIfAbsent(error, k -> new AtomicLong()).incrementAndGet();
                                if (measured) {
                                    refusedInWindow.incrementAndGet();
                                }
                            }
                        });
            }, talkMs, TimeUnit.MILLISECONDS);
        });
        // Rings as the server receives them (on the AMI link's context): the leg's CC_OFFER names the call (set by the
        // Originate before the phone rings), then the leg's Newstate Ringing.
        // Each queue's agents busy at once (a leg rung for them until it hangs up): at the agent count, callers wait
        // for an agent and the figure measures the queue, not the transfer or the offer.
        Set<String> firstLegs = ConcurrentHashMap.newKeySet();
        Set<String> secondLegs = ConcurrentHashMap.newKeySet();
        AtomicLong firstBusyMax = new AtomicLong();
        AtomicLong secondBusyMax = new AtomicLong();
        server.telephony().onCallEvent(e -> {
            if (e instanceof CallEvent.VariableSet v && v.name().equals("CC_OFFER")) {
                offeredCallOfLeg.put(v.leg().uniqueId(), v.value());
                String leg = v.leg().channelName();
                if (leg.startsWith("PJSIP/5") && firstLegs.add(v.leg().uniqueId())) {
                    firstBusyMax.accumulateAndGet(firstLegs.size(), Math::max);
                } else if (leg.startsWith("PJSIP/6") && secondLegs.add(v.leg().uniqueId())) {
                    secondBusyMax.accumulateAndGet(secondLegs.size(), Math::max);
                }
            } else if (e instanceof CallEvent.CallHungUp h) {
                firstLegs.remove(h.leg().uniqueId());
                secondLegs.remove(h.leg().uniqueId());
            } else if (e instanceof CallEvent.CallRinging r) {
                long now = System.nanoTime();
                String callId = offeredCallOfLeg.remove(r.leg().uniqueId());
                if (callId == null) {
                    return;
                }
                AtomicLongArray steps = transferSteps.remove(callId);
                if (steps != null) {
                    steps.set(3, now);
                    if (steps.get(0) >= measureFrom) {
                        rangInWindow.incrementAndGet();
                        transfer.record(steps);
                    }
                    return;
                }
                steps = firstSteps.remove(callId);
                if (steps != null && steps.get(0) >= measureFrom) {
                    steps.set(2, now);
                    first.record(steps);
                }
            }
        });

        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicLong placed = new AtomicLong();
        long total = Math.round(rate * (warmup + seconds));
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        pacer.scheduleAtFixedRate(() -> {
            long n = placed.get();
            if (n >= total) {
                return;
            }
            placed.incrementAndGet();
            sim.placeInboundCall(InboundCall.of(String.format("0915%07d", n), "Caller " + n, "5550100")
                    .withPatienceMs(120_000).withTalkTimeMs(0));
        }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
        while (System.nanoTime() < measureTo) {
            Thread.sleep(200);
        }
        pacer.shutdownNow();
        // the last calls' first agents still have to talk before their transfer; then wait for the rings
        Thread.sleep(talkMs + 1_000);
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
        while (System.nanoTime() < drainUntil && rangInWindow.get() + refusedInWindow.get() < sentInWindow.get()) {
            Thread.sleep(100);
        }
        transfers.shutdownNow();
        String loadAtEnd = Machine.loadAverage();
        boolean queued = firstBusyMax.get() >= firstAgents || secondBusyMax.get() >= secondAgents;
        System.out.printf("%nagents busy at once at most: first %d of %d, second %d of %d%s; %s%n",
                firstBusyMax.get(), firstAgents, secondBusyMax.get(), secondAgents,
                queued ? " (ALL BUSY at some moment: callers waited for an agent; give more agents)" : "",
                Machine.gcSummary());

        long neverRang = sentInWindow.get() - rangInWindow.get() - refusedInWindow.get();
        System.out.printf("%nplaced %d calls; transfers asked %d in the measured window: rang %d, refused %d %s, "
                        + "never rang %d; not asked (the first agent's call unknown) %d; load average at the end: %s%n",
                placed.get(), sentInWindow.get(), rangInWindow.get(), refusedInWindow.get(), refusals, neverRang,
                notAsked.get(), loadAtEnd);
        System.out.println("latency to the agent's leg ringing (AMI Newstate Ringing of the leg whose CC_OFFER names "
                + "the call, as the server receives it), ms");
        System.out.printf("%-48s %8s %8s %8s %8s %8s %8s %11s%n", "measure", "count", "p50", "p90", "p99", "max",
                "target", "verdict");
        double p99 = transfer.total().getValueAtPercentile(99) / 1e6;
        row("transfer: request -> next agent ringing", transfer.total(), TARGET_MS + " ms",
                neverRang > 0 || refusedInWindow.get() > 0 || notAsked.get() > 0 || queued ? "INCOMPLETE"
                        : p99 < TARGET_MS ? "met" : "missed");
        row("reference: IVR hand-over -> first ringing", first.total(), "", "");
        System.out.println("where the time goes (each step from the one before)");
        transfer.printSteps();
        first.printSteps();
        server.close();
        sim.close();
        Machine.deleteTree(dir);
        System.exit(0);
    }

    /** A call's step times (written from the event bus's and the AMI link's threads), the first one known. */
    private static AtomicLongArray stepsFrom(long first, int steps) {
        AtomicLongArray at = new AtomicLongArray(steps);
        at.set(0, first);
        return at;
    }

    /** The time of each step of a call's way to a ring, from the step before and in all. */
    private static final class Stages {
        private final String[] names;
        private final Histogram[] steps;
        private final Histogram total = new Histogram(MAX_NS, 3);

        Stages(String... names) {
            this.names = names;
            this.steps = new Histogram[names.length - 1];
            for (int k = 0; k < steps.length; k++) {
                steps[k] = new Histogram(MAX_NS, 3);
            }
        }

        /** {@code at[k]} when step k was seen; a step not seen (0) is left out with the one after it. */
        synchronized void record(AtomicLongArray at) {
            int last = at.length() - 1;
            total.recordValue(Math.min(MAX_NS, Math.max(0, at.get(last) - at.get(0))));
            for (int k = 1; k <= last; k++) {
                if (at.get(k) != 0 && at.get(k - 1) != 0) {
                    steps[k - 1].recordValue(Math.min(MAX_NS, Math.max(0, at.get(k) - at.get(k - 1))));
                }
            }
        }

        synchronized Histogram total() {
            return total.copy();
        }

        synchronized void printSteps() {
            for (int k = 0; k < steps.length; k++) {
                row("  " + (k == 0 ? names[0] : "") + " -> " + names[k + 1], steps[k], "", "");
            }
        }
    }

    private static void row(String name, Histogram h, String target, String verdict) {
        System.out.printf("%-48s %8d %8.2f %8.2f %8.2f %8.2f %8s %11s%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, target, verdict);
    }
}
