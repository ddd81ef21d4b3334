package cc.bench.acd;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.estimate.WaitCalibration;
import cc.acd.domain.metrics.QueueMetrics;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.RoutingStrategy;
import cc.acd.domain.queue.SkillRelaxation;
import cc.acd.domain.queue.SkillRequirement;
import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdEvent;
import cc.acd.domain.routing.AcdState;
import cc.acd.domain.timer.TimerHeap;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How fast the ACD router decides, on one thread: a simulated contact center (2,000 agents, 200 queues, 50 skills
 * by default) runs in virtual time against {@link AcdState}.
 *
 * <p>What is measured: a decision is an offer made, a call matched to an agent ({@code OfferCall} or
 * {@code PlaceCallback} among the commands {@code apply} returns). Offers per second are reported by wall clock, the
 * simulation around the router included (choosing the next event, reacting to the commands), and the latency
 * (p50/p99/p99.9) is that of the {@code apply} calls that produced at least one offer, each timed alone. Every other
 * event applied (arrivals that found no agent, answers, call endings, abandons, agent state changes, the one-second
 * tick) is timed the same way and reported on a line of its own, with its share of the time spent in the router.
 * What is not measured: the Vert.x verticle, the event bus and AMI around {@code AcdState} in the server (see
 * {@code AcdEndToEndBenchmark} for those), and more than one thread.
 *
 * <p>On a shared machine the wall clock also counts the time other processes held the core: the program prints too
 * the offers per second of the benchmark thread's own CPU time (the same run, what it would give with a core to
 * itself, apart from caches shared with the other processes). The simulation keeps its future events in a
 * {@link TimerHeap}, which hands them out in exactly the order the earlier {@code PriorityQueue} did (time, then
 * scheduling order), so the same seed gives the same events, offers and end state as before; only the simulation's
 * own cost went down.
 *
 * <p>The mix: Poisson arrivals at the configured offered load (1.0 = arrivals match what the agents can handle, so
 * lines form), 20% of callers needing a language skill, 10% VIPs, every strategy across the queues, a required
 * skill with relaxation on most queues, wait limits with overflow, agents answering after 2-8 s or ringing out
 * (3%), exponential talk times around 180 s, wrap-up, callers abandoning after an exponential patience around
 * 150 s, and a one-second tick.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.acd.RoutingBenchmark [--events N]
 * [--warmup N] [--load X] [--agents N] [--queues N] [--skills N] [--seed N]}. The target is at least 100,000
 * decisions (offers)/s with p99 under 1 ms. {@code --events} counts events applied, not offers.
 */
public final class RoutingBenchmark {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final double MEAN_TALK_S = 180;
    private static final double MEAN_PATIENCE_S = 150;
    private static final double RING_NO_ANSWER = 0.03;

    private final int agentCount;
    private final int queueCount;
    private final int skillCount;
    private final Random rnd;
    private final AcdState acd;
    private final List<QueueConfig> queues = new ArrayList<>();
    private final List<AgentProfile> agents = new ArrayList<>();
    /**
     * The simulated events to come, by time then by the order they were scheduled in. A {@link TimerHeap} rather than
     * a {@code PriorityQueue} of records: the same order (time, then sequence, a total order), without reading two
     * scattered objects per comparison; it was about a fifth of the wall time, spent on the simulation, not the
     * router.
     */
    private final TimerHeap<AcdEvent> future = new TimerHeap<>();
    private final Map<String, String> offeredTo = new HashMap<>();
    /** Callers who will not abandon any more (answered, sent to voicemail, waiting as virtual callers, gone). */
    private final Set<String> gone = new HashSet<>();
    private final Map<String, Integer> eventMix = new HashMap<>();
    private final Map<String, Integer> slowMix = new HashMap<>();
    private static final int BATCH = 1_000;
    private final List<Double> batchRates = new ArrayList<>();
    private long batchNanos;
    private long seq;
    private long callSeq;
    private long offers;
    /** Offers counted from the commands of measured {@code apply} calls. */
    private long measuredOffers;
    private long offerCalls;
    private long overflows;
    private double meanQueuesPerAgent;
    private final double arrivalsPerSecond;
    private long current;

    RoutingBenchmark(int agentCount, int queueCount, int skillCount, double load, long seed) {
        this.agentCount = agentCount;
        this.queueCount = queueCount;
        this.skillCount = skillCount;
        this.rnd = new Random(seed);
        buildQueues();
        buildAgents();
        acd = new AcdState(Duration.ofSeconds(30), queues, agents, T0);
        arrivalsPerSecond = load * agentCount / (MEAN_TALK_S + 25);
    }

    private String skill(int i) {
        return "s" + i;
    }

    private void buildQueues() {
        RoutingStrategy[] strategies = {RoutingStrategy.LONGEST_IDLE, RoutingStrategy.LONGEST_IDLE,
                RoutingStrategy.LEAST_OCCUPIED, RoutingStrategy.ROUND_ROBIN, RoutingStrategy.BEST_SKILL_MATCH};
        for (int q = 0; q < queueCount; q++) {
            String id = "q" + q;
            OverflowTarget overflow = q % 4 == 0 ? new OverflowTarget.ToQueue("q" + ((q + 1) % queueCount))
                    : q % 4 == 1 ? new OverflowTarget.ToCallback() : new OverflowTarget.ToVoicemail(id);
            QueueConfig cfg = QueueConfig.of(id).withStrategy(strategies[q % strategies.length])
                    .withLimits(q % 3 == 0 ? 40 : 0, q % 2 == 0 ? Duration.ofSeconds(300) : Duration.ZERO, overflow)
                    .withWrapUp(Duration.ofSeconds(10 + rnd.nextInt(21)))
                    .withAnnouncements(Duration.ofSeconds(60), Duration.ofSeconds(200));
            if (q % 5 != 4) {
                cfg = cfg.withSkills(List.of(new SkillRequirement(skill(q % (skillCount - 2)), 1 + rnd.nextInt(5))),
                        new SkillRelaxation(Duration.ofSeconds(45), 1));
            }
            queues.add(cfg);
        }
    }

    private void buildAgents() {
        long served = 0;
        for (int a = 0; a < agentCount; a++) {
            int n = 2 + rnd.nextInt(4);
            Set<String> qs = new java.util.LinkedHashSet<>();
            Map<String, Integer> skills = new HashMap<>();
            int home = rnd.nextInt(queueCount);
            for (int i = 0; i < n; i++) {
                // neighbouring queues, so queues share agents in overlapping groups as real skill groups do
                int q = Math.floorMod(home + rnd.nextInt(7) - 3, queueCount);
                qs.add("q" + q);
                skills.put(skill(q % (skillCount - 2)), 3 + rnd.nextInt(8));
            }
            for (int i = 0; i < 3; i++) {
                skills.put(skill(rnd.nextInt(skillCount - 2)), 1 + rnd.nextInt(10));
            }
            if (rnd.nextInt(100) < 95) {
                skills.put(skill(skillCount - 2), 1 + rnd.nextInt(10));
            }
            if (rnd.nextInt(100) < 60) {
                skills.put(skill(skillCount - 1), 1 + rnd.nextInt(10));
            }
            served += qs.size();
            agents.add(new AgentProfile("a" + a, skills, List.copyOf(qs)));
        }
        meanQueuesPerAgent = served / (double) agentCount;
    }

    private void at(long millis, AcdEvent e) {
        future.add(millis, ++seq, e);
    }

    private static Instant t(long millis) {
        return T0.plusMillis(millis);
    }

    private double exp(double mean) {
        return -Math.log(1 - rnd.nextDouble()) * mean;
    }

    void start() {
        for (int a = 0; a < agentCount; a++) {
            at(rnd.nextInt(60_000), new AcdEvent.AgentStateChanged("a" + a, AgentStatus.AVAILABLE, "", t(0)));
        }
        at(0, new AcdEvent.Tick(t(0)));
        scheduleArrival(0, arrivalsPerSecond);
    }

    private void scheduleArrival(long from, double perSecond) {
        long at = from + Math.round(exp(1000.0 / perSecond));
        String id = "c" + (++callSeq);
        List<SkillRequirement> own = rnd.nextInt(100) < 20
                ? List.of(new SkillRequirement(skill(skillCount - 1 - rnd.nextInt(2)), 1 + rnd.nextInt(4)))
                : List.of();
        int priority = rnd.nextInt(100) < 10 ? 4 + rnd.nextInt(6) : 0;
        at(at, new AcdEvent.CallArrived(id, "q" + rnd.nextInt(queueCount), own, priority, "0912" + id, t(at)));
        at(at + Math.round(exp(MEAN_PATIENCE_S * 1000)), new AcdEvent.CallAbandoned(id, t(at)));
    }

    /**
     * Applies {@code count} events; when the histograms are given, times each {@code apply} into {@code histogram}
     * if it made an offer, else into {@code others}. Returns the nanoseconds spent in {@code apply} for offers and for
     * the other events.
     */
    private long[] run(long count, Histogram histogram, Histogram others) {
        long[] timedNanos = new long[2];
        batchNanos = 0;
        for (long done = 1; done <= count; done++) {
            AcdEvent e = next();
            long start = System.nanoTime();
            List<AcdCommand> cmds = acd.apply(e);
            long took = System.nanoTime() - start;
            int made = 0;
            for (AcdCommand c : cmds) {
                if (c instanceof AcdCommand.OfferCall || c instanceof AcdCommand.PlaceCallback) {
                    made++;
                }
            }
            timedNanos[made > 0 ? 0 : 1] += took;
            if (histogram != null) {
                measuredOffers += made;
                offerCalls += made > 0 ? 1 : 0;
                (made > 0 ? histogram : others).recordValue(Math.min(took, histogram.getHighestTrackableValue()));
                batchNanos += took;
                if (done % BATCH == 0) {
                    batchRates.add(BATCH / (batchNanos / 1e9));
                    batchNanos = 0;
                }
                eventMix.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                if (took > 1_000_000) {
                    slowMix.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
            }
            after(e, cmds);
        }
        return timedNanos;
    }

    /** The next decision to make: the next simulated event a real contact center would send. */
    AcdEvent next() {
        while (true) {
            long at = future.nextAt();
            AcdEvent p = future.poll();
            AcdEvent e = p.at().toEpochMilli() == at ? p : retime(p, at);
            if (relevant(e)) {
                current = at;
                return e;
            }
        }
    }

    /** The simulated callers and agents react to the commands of the decision just made. */
    void after(AcdEvent e, List<AcdCommand> cmds) {
        if (e instanceof AcdEvent.CallArrived) {
            scheduleArrival(current, arrivalsPerSecond);
        } else if (e instanceof AcdEvent.Tick) {
            at(current + 1000, new AcdEvent.Tick(t(current + 1000)));
        }
        react(current, e, cmds);
    }

    AcdState acd() {
        return acd;
    }

    private static AcdEvent retime(AcdEvent e, long at) {
        if (e instanceof AcdEvent.CallAbandoned a) {
            return new AcdEvent.CallAbandoned(a.callId(), t(at));
        }
        if (e instanceof AcdEvent.AgentStateChanged s) {
            return new AcdEvent.AgentStateChanged(s.agentId(), s.target(), s.reason(), t(at));
        }
        return e;
    }

    /** Skips what a real call would not send: an answer for an offer already cancelled, an abandon after answer. */
    private boolean relevant(AcdEvent e) {
        if (e instanceof AcdEvent.CallAbandoned a) {
            return !gone.remove(a.callId());
        }
        if (e instanceof AcdEvent.AgentAnswered a) {
            return a.agentId().equals(offeredTo.get(a.callId()));
        }
        if (e instanceof AcdEvent.RingNoAnswer r) {
            return r.agentId().equals(offeredTo.get(r.callId()));
        }
        return true;
    }

    private void react(long now, AcdEvent e, List<AcdCommand> cmds) {
        if (e instanceof AcdEvent.AgentAnswered a) {
            offeredTo.remove(a.callId());
            gone.add(a.callId());
            long end = now + Math.max(5_000, Math.round(exp(MEAN_TALK_S * 1000)));
            at(end, new AcdEvent.CallEnded(a.callId(), t(end)));
        } else if (e instanceof AcdEvent.RingNoAnswer r) {
            offeredTo.remove(r.callId());
        }
        for (AcdCommand c : cmds) {
            if (c instanceof AcdCommand.OfferCall o) {
                ring(now, o.callId(), o.agentId());
            } else if (c instanceof AcdCommand.PlaceCallback pc) {
                ring(now, pc.callId(), pc.agentId());
            } else if (c instanceof AcdCommand.CancelOffer x) {
                offeredTo.remove(x.callId());
            } else if (c instanceof AcdCommand.Overflow o) {
                overflows++;
                if (!(o.target() instanceof OverflowTarget.ToQueue)) {
                    gone.add(o.callId());
                }
            } else if (c instanceof AcdCommand.AgentStateEntered s && s.state().status() == AgentStatus.PAUSED
                    && AgentState.RING_NO_ANSWER.equals(s.state().reason())) {
                long back = now + 30_000;
                at(back, new AcdEvent.AgentStateChanged(s.agentId(), AgentStatus.AVAILABLE, "", t(back)));
            }
        }
    }

    private void ring(long now, String callId, String agentId) {
        offers++;
        offeredTo.put(callId, agentId);
        if (rnd.nextDouble() < RING_NO_ANSWER) {
            at(now + 20_000, new AcdEvent.RingNoAnswer(callId, agentId, t(now + 20_000)));
        } else {
            long answer = now + 2_000 + rnd.nextInt(6_000);
            at(answer, new AcdEvent.AgentAnswered(callId, agentId, t(answer)));
        }
    }

    public static void main(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        long events = Long.parseLong(opts.getOrDefault("events", "2000000"));
        long warmup = Long.parseLong(opts.getOrDefault("warmup", "1000000"));
        double load = Double.parseDouble(opts.getOrDefault("load", "1.0"));
        int agents = Integer.parseInt(opts.getOrDefault("agents", "2000"));
        int queues = Integer.parseInt(opts.getOrDefault("queues", "200"));
        int skills = Integer.parseInt(opts.getOrDefault("skills", "50"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "7"));

        RoutingBenchmark b = new RoutingBenchmark(agents, queues, skills, load, seed);
        double arrivals = b.arrivalsPerSecond;
        System.out.printf(Locale.ROOT, "ACD routing benchmark: %d agents (%.1f queues each on average), %d queues,"
                        + " %d skills, offered load %.2f (%.2f calls/s), seed %d; one thread%n",
                agents, b.meanQueuesPerAgent, queues, skills, load, arrivals, seed);
        System.out.printf(Locale.ROOT, "warm-up %,d events, measured %,d events%n", warmup, events);
        b.start();
        b.run(warmup, null, null);

        Histogram h = new Histogram(10_000_000_000L, 3);
        Histogram other = new Histogram(10_000_000_000L, 3);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long[] nanos = b.run(events, h, other);
        long wall = System.nanoTime() - wallStart;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long offers = b.measuredOffers;

        System.out.printf(Locale.ROOT, "decisions = offers made (a call matched to an agent): %,d offers from %,d of the"
                + " %,d events applied%n", offers, b.offerCalls, events);
        System.out.printf(Locale.ROOT, "offers/s (wall clock, the simulation around the router included): %,.0f%n",
                offers / (wall / 1e9));
        // on a shared machine the wall clock also counts the time other processes had the core; the thread's own CPU
        // time is what the same run would take with a core to itself (GC and JIT threads not counted)
        System.out.printf(Locale.ROOT, "offers per second of the benchmark thread's CPU time (same run; the wall clock"
                + " without the time the machine gave to others): %,.0f; wall/CPU %.2f%n", offers / (cpu / 1e9),
                wall / (double) Math.max(1, cpu));
        System.out.printf(Locale.ROOT, "latency of the apply calls that made an offer (us): p50 %.2f  p90 %.2f"
                        + "  p99 %.2f  p99.9 %.2f  max %.2f%n", h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
        System.out.printf(Locale.ROOT, "other events (no offer made: arrivals without a free agent, answers, endings,"
                        + " abandons, agent states, ticks): %,d, apply p50 %.2f us, p99 %.2f us, p99.9 %.2f us,"
                        + " max %.2f us; %.0f%% of the time spent in apply%n", other.getTotalCount(),
                other.getValueAtPercentile(50) / 1e3, other.getValueAtPercentile(99) / 1e3,
                other.getValueAtPercentile(99.9) / 1e3, other.getMaxValue() / 1e3,
                100.0 * nanos[1] / Math.max(1, nanos[0] + nanos[1]));
        System.out.printf(Locale.ROOT, "every event applied, for reference: %,.0f events/s by wall clock, %,.0f events/s"
                + " counting the time inside apply only%n", events / (wall / 1e9), events / ((nanos[0] + nanos[1]) / 1e9));
        List<Double> rates = new ArrayList<>(b.batchRates);
        rates.sort(null);
        if (!rates.isEmpty()) {
            // a batch that the OS descheduled or a GC paused shows as one slow batch, not as a slower router
            System.out.printf(Locale.ROOT, "events/s inside apply per %,d-event batch: median %,.0f, p10 %,.0f%n",
                    BATCH, rates.get(rates.size() / 2), rates.get(rates.size() / 10));
        }
        System.out.printf(Locale.ROOT, "event mix: %s%n", b.eventMix);
        System.out.printf(Locale.ROOT, "apply calls over 1 ms by event: %s%n", b.slowMix);
        System.out.printf(Locale.ROOT, "target: >= 100,000 decisions (offers)/s by wall clock and p99 < 1 ms: %s%n",
                offers / (wall / 1e9) >= 100_000 && h.getValueAtPercentile(99) < 1_000_000 ? "met" : "NOT met");

        Instant now = b.acd.now();
        long waiting = 0;
        long answered = 0;
        long within = 0;
        long abandoned = 0;
        for (QueueMetrics m : b.acd.queueMetrics(now)) {
            waiting += m.waiting();
            answered += m.answered();
            within += m.answeredWithinThreshold();
            abandoned += m.abandoned();
        }
        WaitCalibration.CalibrationReport cal = b.acd.waitCalibration();
        System.out.printf(Locale.ROOT, "simulated contact center after %s: %,d waiting, %,d answered (%.1f%% within"
                        + " 20 s), %,d abandoned, %,d overflows%n",
                Duration.between(T0, now), waiting, answered, 100.0 * within / Math.max(1, answered + abandoned),
                abandoned, b.overflows);
        System.out.printf(Locale.ROOT, "wait estimate calibration over %,d answered callers: median |error| %.1f s,"
                        + " p90 |error| %.1f s, mean signed error %.1f s%n", cal.samples(),
                cal.medianAbsError().toMillis() / 1e3, cal.p90AbsError().toMillis() / 1e3,
                cal.meanSignedError().toMillis() / 1e3);
    }
}
