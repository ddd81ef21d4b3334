package cc.dialer.domain.simulation;

import cc.dialer.domain.pacing.AbandonLedger;
import cc.dialer.domain.pacing.AgentView;
import cc.dialer.domain.pacing.LiveOutcome;
import cc.dialer.domain.pacing.Pacer;
import cc.dialer.domain.pacing.PacingEstimator;
import cc.dialer.domain.pacing.PacingSnapshot;

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
 * Runs one {@link ShiftScenario}: every second the pacer is asked how many lines to dial; each dial is answered by a
 * live person (after the live ring time) or ends otherwise; a live call goes to a free agent or waits, and is
 * abandoned when no agent takes it within the patience. Agents talk (lognormal), wrap up, and take the oldest
 * waiting call. The pacer learns only from what it could observe in production: dial ends, talk and wrap-up times,
 * live outcomes.
 *
 * <p>Deterministic for a scenario and seed. Single-threaded; each run owns its state.
 */
public final class ShiftSimulation {
    private static final int RESOLVE_LIVE = 0;
    private static final int RESOLVE_OTHER = 1;
    private static final int TALK_END = 2;
    private static final int WRAP_END = 3;
    private static final int ABANDON = 4;
    private static final int TICK = 5;

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

    private final ShiftScenario sc;
    private final Pacer pacer = new Pacer();
    private final SplittableRandom random;
    private final PacingEstimator estimator;
    private final AbandonLedger ledger;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final int[] agentState;
    private final double[] agentSince;
    private final ArrayDeque<Integer> idleAgents = new ArrayDeque<>();
    private final Map<Long, Double> ringing = new HashMap<>();
    private final ArrayDeque<long[]> waiting = new ArrayDeque<>();
    private final double talkMu;
    private final double otherShareTotal;
    private long seq;
    private long nextDial;
    private long dials;
    private long live;
    private long abandoned;
    private double talkSeconds;
    private final int[] dialsPerSecond;
    private final long[] livePerHour;
    private final long[] abandonedPerHour;

    private ShiftSimulation(ShiftScenario scenario) {
        this.sc = scenario;
        this.random = new SplittableRandom(scenario.seed());
        this.estimator = new PacingEstimator(scenario.estimator());
        this.ledger = new AbandonLedger(scenario.policy().rule());
        this.agentState = new int[scenario.agents()];
        this.agentSince = new double[scenario.agents()];
        for (int a = 0; a < scenario.agents(); a++) {
            idleAgents.add(a);
        }
        this.talkMu = Math.log(scenario.talkMeanSeconds()) - scenario.talkSigma() * scenario.talkSigma() / 2;
        this.otherShareTotal = scenario.otherOutcomes().stream().mapToDouble(ShiftScenario.OtherOutcome::share).sum();
        this.dialsPerSecond = new int[scenario.shiftSeconds()];
        int hours = (scenario.shiftSeconds() + 3599) / 3600;
        this.livePerHour = new long[hours];
        this.abandonedPerHour = new long[hours];
    }

    /** Runs the shift to its end and returns what it produced. */
    public static ShiftResult run(ShiftScenario scenario) {
        return new ShiftSimulation(scenario).run();
    }

    private ShiftResult run() {
        int end = sc.shiftSeconds();
        for (int t = 0; t < end; t++) {
            schedule(t, TICK, 0);
        }
        while (!events.isEmpty() && events.peek().at < end) {
            Event e = events.poll();
            handle(e);
        }
        for (int a = 0; a < agentState.length; a++) {
            if (agentState[a] == TALKING) {
                talkSeconds += end - agentSince[a];
            }
        }
        return new ShiftResult(sc.agents(), end, dials, live, abandoned, talkSeconds, dialsPerSecond, livePerHour,
                abandonedPerHour);
    }

    private void handle(Event e) {
        switch (e.kind) {
            case TICK -> tick(e.at);
            case RESOLVE_LIVE -> answered(e.id, e.at);
            case RESOLVE_OTHER -> {
                ringing.remove(e.id);
                estimator.endedOtherwise(e.id, instant(e.at));
            }
            case TALK_END -> talkEnded((int) e.id, e.at);
            case WRAP_END -> wrapEnded((int) e.id, e.at);
            case ABANDON -> abandon(e.id, e.at);
            default -> throw new IllegalStateException("event kind " + e.kind);
        }
    }

    private void tick(double t) {
        Instant now = instant(t);
        List<AgentView> agents = new ArrayList<>(agentState.length);
        for (int a = 0; a < agentState.length; a++) {
            double in = t - agentSince[a];
            agents.add(agentState[a] == IDLE ? AgentView.idle()
                    : agentState[a] == TALKING ? AgentView.talking(in) : AgentView.wrapUp(in));
        }
        List<Double> ring = new ArrayList<>(ringing.size());
        for (double placed : ringing.values()) {
            ring.add(t - placed);
        }
        PacingSnapshot snapshot = new PacingSnapshot(now, sc.policy(), agents, ring, waiting.size(),
                estimator.estimates(now), ledger.counts(now));
        int n = pacer.callsToPlace(snapshot);
        dialsPerSecond[(int) t] = n;
        for (int i = 0; i < n; i++) {
            dial(t);
        }
    }

    private void dial(double t) {
        long id = ++nextDial;
        dials++;
        ringing.put(id, t);
        estimator.dialPlaced(id, instant(t));
        if (random.nextDouble() < sc.answerRateAt(t)) {
            schedule(t + uniform(sc.liveRingMin(), sc.liveRingMax()), RESOLVE_LIVE, id);
            return;
        }
        double pick = random.nextDouble() * otherShareTotal;
        for (ShiftScenario.OtherOutcome o : sc.otherOutcomes()) {
            pick -= o.share();
            if (pick <= 0) {
                schedule(t + uniform(o.minSeconds(), o.maxSeconds()), RESOLVE_OTHER, id);
                return;
            }
        }
        ShiftScenario.OtherOutcome last = sc.otherOutcomes().get(sc.otherOutcomes().size() - 1);
        schedule(t + uniform(last.minSeconds(), last.maxSeconds()), RESOLVE_OTHER, id);
    }

    private void answered(long id, double t) {
        ringing.remove(id);
        estimator.answeredLive(id, instant(t));
        live++;
        livePerHour[hour(t)]++;
        Integer agent = idleAgents.poll();
        if (agent != null) {
            connect(agent, t);
        } else {
            waiting.addLast(new long[] {id, (long) (t * 1000)});
            schedule(t + sc.policy().patienceSeconds(), ABANDON, id);
        }
    }

    private void connect(int agent, double t) {
        agentState[agent] = TALKING;
        agentSince[agent] = t;
        ledger.record(LiveOutcome.CONNECTED, instant(t));
        estimator.liveOutcome(LiveOutcome.CONNECTED, sc.policy().rule());
        double talk = Math.exp(talkMu + sc.talkSigma() * random.nextGaussian());
        schedule(t + talk, TALK_END, agent);
    }

    private void talkEnded(int agent, double t) {
        double talk = t - agentSince[agent];
        talkSeconds += talk;
        estimator.talkEnded(Duration.ofMillis((long) (talk * 1000)));
        agentState[agent] = WRAPPING;
        agentSince[agent] = t;
        schedule(t + sc.wrapUpSeconds(), WRAP_END, agent);
    }

    private void wrapEnded(int agent, double t) {
        estimator.wrapUpEnded(Duration.ofMillis((long) ((t - agentSince[agent]) * 1000)));
        if (!waiting.isEmpty()) {
            waiting.pollFirst();
            connect(agent, t);
        } else {
            agentState[agent] = IDLE;
            agentSince[agent] = t;
            idleAgents.addLast(agent);
        }
    }

    private void abandon(long id, double t) {
        long[] head = waiting.peekFirst();
        if (head != null && head[0] == id) {
            waiting.pollFirst();
            abandoned++;
            abandonedPerHour[hour(t)]++;
            ledger.record(LiveOutcome.ABANDONED, instant(t));
            estimator.liveOutcome(LiveOutcome.ABANDONED, sc.policy().rule());
        }
    }

    private int hour(double t) {
        return Math.min(livePerHour.length - 1, (int) (t / 3600));
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
