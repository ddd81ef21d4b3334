package cc.bench.dialer;

import cc.dialer.domain.pacing.AbandonLedger;
import cc.dialer.domain.pacing.AgentView;
import cc.dialer.domain.pacing.AmdFalsePositiveEstimate;
import cc.dialer.domain.pacing.LiveOutcome;
import cc.dialer.domain.pacing.Pacer;
import cc.dialer.domain.pacing.PacingEstimator;
import cc.dialer.domain.pacing.PacingSnapshot;
import cc.dialer.domain.simulation.ShiftScenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A shift as real ones go, driving the production {@link Pacer} and {@link PacingEstimator} as
 * {@code cc.dialer.domain.simulation.ShiftSimulation} does, with what that model leaves out: the live-answer rate
 * moving over the day ({@code low + (peak - low) * sin(pi * t / shift)}, so 0.15 at the start and end, 0.35 at mid
 * shift), answering-machine detection wrong both ways (a live person taken for a machine is hung up on; a machine
 * taken for a person goes to an agent, who spends 5-20 s on it), agents taking two 15-minute breaks and a 30-minute
 * lunch (around a quarter, half and three quarters of the shift, spread +-30/45/30 min; an agent finishes the call
 * and its wrap-up first; the pacer sees them as unavailable), and a heavier talk-time tail (the lognormal's sigma
 * given by the scenario, 1.0 in {@link PacingSimulation}'s real-shift rows). Everything else (ring times, the other
 * outcomes, wrap-up, patience, the regulator's rule) comes from the {@link ShiftScenario}.
 *
 * <p>What is counted, per hour and per shift: dials, answers the dialer took for live (machines AMD passed
 * included), abandoned (no agent within the patience: what the dialer counts and the pacer steers by), live people
 * AMD hung up on (the pacer cannot see them; regulators such as Ofcom ask for an estimate of them in the abandon
 * rate, so both rates are given), talk seconds split over the hours they fell in (machines included: the system
 * records those seconds as talk too). Not modelled: callbacks, retries, lists running dry, agents logging in late.
 * Deterministic for a scenario and seed.
 */
final class RealShiftSimulation {
    private static final int RESOLVE_LIVE = 0;
    private static final int RESOLVE_OTHER = 1;
    private static final int TALK_END = 2;
    private static final int WRAP_END = 3;
    private static final int ABANDON = 4;
    private static final int BREAK_DUE = 5;
    private static final int BREAK_END = 6;
    private static final int TICK = 7;
    private static final int AMD_DROP = 8;
    private static final int MACHINE_AS_LIVE = 9;
    private static final int RESOLVE_MACHINE = 10;
    /** Seconds AMD listens to a live greeting before deciding (a wrong "machine" drops the person then). */
    private static final double AMD_DECISION_S = 2.5;

    /**
     * The scenario's additions to a {@link ShiftScenario}.
     *
     * @param amdEstimateRate the AMD false-positive rate the dialer is configured with ({@code amdFalsePositiveRate}):
     *                        as the production dialer does, that share of machine verdicts is counted an abandoned
     *                        call in the ledger the pacer steers by (Ofcom's rule), whatever AMD really got wrong
     */
    record Real(double answerLow, double answerPeak, double amdWrongMachine, double amdWrongLive, boolean breaks,
                double amdEstimateRate) {}

    /** What one shift produced, per hour (index = hour of the shift). */
    record Result(int agents, int shiftSeconds, long[] dials, long[] live, long[] abandoned, long[] amdDropped,
                  long[] amdEstimated, double[] talkSeconds, double[] breakSeconds) {
        static long sum(long[] v) {
            long s = 0;
            for (long x : v) {
                s += x;
            }
            return s;
        }

        double talkMinutesPerAgentHour() {
            double talk = 0;
            for (double t : talkSeconds) {
                talk += t;
            }
            return talk / 60 / (agents * shiftSeconds / 3600.0);
        }

        double abandonRate() {
            long l = sum(live);
            return l == 0 ? 0 : (double) sum(abandoned) / l;
        }

        /**
         * The rate the dialer itself reports and steers by under Ofcom's rule: abandoned plus the machine verdicts
         * counted as false positives, over live answers plus those.
         */
        double abandonRateCounted() {
            long l = sum(live) + sum(amdEstimated);
            return l == 0 ? 0 : (double) (sum(abandoned) + sum(amdEstimated)) / l;
        }

        /** Abandoned plus live people AMD hung up on, over live answers plus those people. */
        double abandonRateWithAmd() {
            long l = sum(live) + sum(amdDropped);
            return l == 0 ? 0 : (double) (sum(abandoned) + sum(amdDropped)) / l;
        }
    }

    private record Event(double at, int kind, long id, long seq) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(at, o.at);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(kind, o.kind);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private static final int IDLE = 0;
    private static final int TALKING = 1;
    private static final int WRAPPING = 2;
    private static final int ON_BREAK = 3;

    private final ShiftScenario sc;
    private final Real real;
    private final Pacer pacer = new Pacer();
    private final SplittableRandom random;
    private final PacingEstimator estimator;
    private final AbandonLedger ledger;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final int[] agentState;
    private final double[] agentSince;
    private final boolean[] breakPending;
    private final double[] breakLength;
    private final ArrayDeque<Integer> idleAgents = new ArrayDeque<>();
    private final Map<Long, Double> ringing = new HashMap<>();
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private final double talkMu;
    private final double otherShareTotal;
    private final Result out;
    private final AmdFalsePositiveEstimate amdEstimate;
    private long machineVerdicts;
    private long seq;
    private long nextDial;

    private RealShiftSimulation(ShiftScenario scenario, Real real) {
        this.sc = scenario;
        this.real = real;
        this.amdEstimate = new AmdFalsePositiveEstimate(real.amdEstimateRate());
        this.random = new SplittableRandom(scenario.seed());
        this.estimator = new PacingEstimator(scenario.estimator());
        this.ledger = new AbandonLedger(scenario.policy().rule());
        int n = scenario.agents();
        this.agentState = new int[n];
        this.agentSince = new double[n];
        this.breakPending = new boolean[n];
        this.breakLength = new double[n];
        for (int a = 0; a < n; a++) {
            idleAgents.add(a);
        }
        this.talkMu = Math.log(scenario.talkMeanSeconds()) - scenario.talkSigma() * scenario.talkSigma() / 2;
        this.otherShareTotal = scenario.otherOutcomes().stream().mapToDouble(ShiftScenario.OtherOutcome::share).sum();
        int hours = (scenario.shiftSeconds() + 3599) / 3600;
        this.out = new Result(n, scenario.shiftSeconds(), new long[hours], new long[hours], new long[hours],
                new long[hours], new long[hours], new double[hours], new double[hours]);
    }

    static Result run(ShiftScenario scenario, Real real) {
        return new RealShiftSimulation(scenario, real).run(false);
    }

    /**
     * As {@link #run(ShiftScenario, Real)}, but only the talk of calls that ended inside the shift is counted (in the
     * hour each part fell in), as a dialer's report counts a call's talk once it has ended: for comparing with a run of
     * the whole dialer whose report is read at the end of its minutes.
     */
    static Result runCountingEndedCalls(ShiftScenario scenario, Real real) {
        return new RealShiftSimulation(scenario, real).run(true);
    }

    /** The live-answer probability {@code t} seconds into the shift. */
    static double answerRate(Real real, double t, int shiftSeconds) {
        return real.answerLow() + (real.answerPeak() - real.answerLow()) * Math.sin(Math.PI * t / shiftSeconds);
    }

    private Result run(boolean endedOnly) {
        int end = sc.shiftSeconds();
        for (int t = 0; t < end; t++) {
            schedule(t, TICK, 0);
        }
        if (real.breaks()) {
            for (int a = 0; a < agentState.length; a++) {
                // two 15-minute breaks and a 30-minute lunch, spread so the team never leaves at once
                schedule(end * 0.25 + uniform(-1800, 1800) * end / 28800.0, BREAK_DUE, a * 4L + 0);
                schedule(end * 0.50 + uniform(-2700, 2700) * end / 28800.0, BREAK_DUE, a * 4L + 1);
                schedule(end * 0.75 + uniform(-1800, 1800) * end / 28800.0, BREAK_DUE, a * 4L + 2);
            }
        }
        while (!events.isEmpty() && events.peek().at < end) {
            handle(events.poll());
        }
        for (int a = 0; a < agentState.length; a++) {
            if (agentState[a] == TALKING && !endedOnly) {
                spread(out.talkSeconds(), agentSince[a], end);
            } else if (agentState[a] == ON_BREAK) {
                spread(out.breakSeconds(), agentSince[a], end);
            }
        }
        return out;
    }

    private void handle(Event e) {
        switch (e.kind) {
            case TICK -> tick(e.at);
            case RESOLVE_LIVE -> answered(e.id, e.at);
            case RESOLVE_OTHER -> {
                ringing.remove(e.id);
                estimator.endedOtherwise(e.id, instant(e.at));
            }
            case AMD_DROP -> {
                // a live person AMD took for a machine: to the dialer it looks like any machine
                ringing.remove(e.id);
                estimator.endedOtherwise(e.id, instant(e.at));
                out.amdDropped()[hour(e.at)]++;
                machineVerdict(e.at);
            }
            case RESOLVE_MACHINE -> {
                ringing.remove(e.id);
                estimator.endedOtherwise(e.id, instant(e.at));
                machineVerdict(e.at);
            }
            case MACHINE_AS_LIVE -> answered(-e.id, e.at);
            case TALK_END -> talkEnded((int) e.id, e.at);
            case WRAP_END -> wrapEnded((int) e.id, e.at);
            case ABANDON -> abandon(e.id, e.at);
            case BREAK_DUE -> breakDue((int) (e.id / 4), e.id % 4 == 1 ? 1800 : 900, e.at);
            case BREAK_END -> breakEnded((int) e.id, e.at);
            default -> throw new IllegalStateException("event kind " + e.kind);
        }
    }

    private void tick(double t) {
        Instant now = instant(t);
        List<AgentView> agents = new ArrayList<>(agentState.length);
        for (int a = 0; a < agentState.length; a++) {
            double in = t - agentSince[a];
            agents.add(switch (agentState[a]) {
                case IDLE -> AgentView.idle();
                case TALKING -> AgentView.talking(in);
                case WRAPPING -> AgentView.wrapUp(in);
                default -> new AgentView(AgentView.Activity.UNAVAILABLE, in);
            });
        }
        List<Double> ring = new ArrayList<>(ringing.size());
        for (double placed : ringing.values()) {
            ring.add(t - placed);
        }
        PacingSnapshot snapshot = new PacingSnapshot(now, sc.policy(), agents, ring, waiting.size(),
                estimator.estimates(now), ledger.counts(now));
        int n = pacer.callsToPlace(snapshot);
        for (int i = 0; i < n; i++) {
            dial(t);
        }
    }

    private void dial(double t) {
        long id = ++nextDial;
        out.dials()[hour(t)]++;
        ringing.put(id, t);
        estimator.dialPlaced(id, instant(t));
        if (random.nextDouble() < answerRate(real, t, sc.shiftSeconds())) {
            double answer = t + uniform(sc.liveRingMin(), sc.liveRingMax());
            if (random.nextDouble() < real.amdWrongMachine()) {
                schedule(answer + AMD_DECISION_S, AMD_DROP, id);
            } else {
                schedule(answer, RESOLVE_LIVE, id);
            }
            return;
        }
        double pick = random.nextDouble() * otherShareTotal;
        ShiftScenario.OtherOutcome chosen = sc.otherOutcomes().get(sc.otherOutcomes().size() - 1);
        for (ShiftScenario.OtherOutcome o : sc.otherOutcomes()) {
            pick -= o.share();
            if (pick <= 0) {
                chosen = o;
                break;
            }
        }
        double at = t + uniform(chosen.minSeconds(), chosen.maxSeconds());
        if (chosen.name().equals("machine") && random.nextDouble() < real.amdWrongLive()) {
            // a machine AMD took for a person: passed on as live (negative id marks it for the talk time)
            schedule(at, MACHINE_AS_LIVE, id);
        } else {
            schedule(at, chosen.name().equals("machine") ? RESOLVE_MACHINE : RESOLVE_OTHER, id);
        }
    }

    /** A machine verdict, counted as the production dialer counts it ({@code CampaignRunner.onAmd}). */
    private void machineVerdict(double t) {
        machineVerdicts++;
        if (amdEstimate.isFalsePositive(machineVerdicts)) {
            out.amdEstimated()[hour(t)]++;
            ledger.record(LiveOutcome.AMD_FALSE_POSITIVE, instant(t));
            estimator.liveOutcome(LiveOutcome.AMD_FALSE_POSITIVE, sc.policy().rule());
        }
    }

    /** A call the dialer takes for live; {@code signedId} is negative for a machine AMD passed. */
    private void answered(long signedId, double t) {
        long id = Math.abs(signedId);
        ringing.remove(id);
        estimator.answeredLive(id, instant(t));
        out.live()[hour(t)]++;
        Integer agent = idleAgents.poll();
        if (agent != null) {
            connect(agent, t, signedId < 0);
        } else {
            waiting.addLast(signedId);
            schedule(t + sc.policy().patienceSeconds(), ABANDON, signedId);
        }
    }

    private void connect(int agent, double t, boolean machine) {
        agentState[agent] = TALKING;
        agentSince[agent] = t;
        ledger.record(LiveOutcome.CONNECTED, instant(t));
        estimator.liveOutcome(LiveOutcome.CONNECTED, sc.policy().rule());
        double talk = machine ? uniform(5, 20) : Math.exp(talkMu + sc.talkSigma() * random.nextGaussian());
        schedule(t + talk, TALK_END, agent);
    }

    private void talkEnded(int agent, double t) {
        double talk = t - agentSince[agent];
        spread(out.talkSeconds(), agentSince[agent], t);
        estimator.talkEnded(Duration.ofMillis((long) (talk * 1000)));
        agentState[agent] = WRAPPING;
        agentSince[agent] = t;
        schedule(t + sc.wrapUpSeconds(), WRAP_END, agent);
    }

    private void wrapEnded(int agent, double t) {
        estimator.wrapUpEnded(Duration.ofMillis((long) ((t - agentSince[agent]) * 1000)));
        if (breakPending[agent]) {
            startBreak(agent, t);
        } else {
            free(agent, t);
        }
    }

    private void free(int agent, double t) {
        Long next = waiting.pollFirst();
        if (next != null) {
            connect(agent, t, next < 0);
        } else {
            agentState[agent] = IDLE;
            agentSince[agent] = t;
            idleAgents.addLast(agent);
        }
    }

    private void breakDue(int agent, double seconds, double t) {
        breakLength[agent] = seconds;
        if (agentState[agent] == IDLE) {
            idleAgents.remove(agent);
            startBreak(agent, t);
        } else {
            breakPending[agent] = true;
        }
    }

    private void startBreak(int agent, double t) {
        breakPending[agent] = false;
        agentState[agent] = ON_BREAK;
        agentSince[agent] = t;
        schedule(t + breakLength[agent], BREAK_END, agent);
    }

    private void breakEnded(int agent, double t) {
        spread(out.breakSeconds(), agentSince[agent], t);
        free(agent, t);
    }

    private void abandon(long signedId, double t) {
        if (waiting.remove(signedId)) {
            out.abandoned()[hour(t)]++;
            ledger.record(LiveOutcome.ABANDONED, instant(t));
            estimator.liveOutcome(LiveOutcome.ABANDONED, sc.policy().rule());
        }
    }

    /** Adds the seconds of {@code [from, to)} to the hours they fall in. */
    private void spread(double[] perHour, double from, double to) {
        double t = from;
        while (t < to) {
            int h = hour(t);
            double hourEnd = Math.min(to, (h + 1) * 3600.0);
            if (h == perHour.length - 1) {
                hourEnd = to;
            }
            perHour[h] += hourEnd - t;
            t = hourEnd;
        }
    }

    private int hour(double t) {
        return Math.max(0, Math.min(out.live().length - 1, (int) (t / 3600)));
    }

    private double uniform(double min, double max) {
        return max <= min ? min : min + random.nextDouble() * (max - min);
    }

    private void schedule(double at, int kind, long id) {
        events.add(new Event(at, kind, id, seq++));
    }

    private Instant instant(double t) {
        return sc.start().plusNanos((long) (t * 1e9));
    }
}
