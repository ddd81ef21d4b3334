package cc.dialer.domain.pacing;

import java.util.List;

/**
 * Decides each second how many lines a campaign dials.
 *
 * <p>Predictive mode looks ahead second by second over the ring window. For each second {@code t} ahead it sets
 * the live answers expected by then (calls already waiting, ringing calls by how likely they still are to be
 * answered by {@code t}, and the new dials) against the agents expected to be free by {@code t} plus the caller's
 * patience (idle agents, agents finishing wrap-up, agents whose call at its elapsed talk time is likely to end, plus
 * wrap-up). It dials the most new lines for which, at every {@code t}, expected answers plus
 * {@code safetyFactor} standard deviations stay within expected free agents. The safety factor is tuned from the
 * abandon outcomes ({@link PacingEstimator}), and while the regulator window's abandon budget is nearly spent the
 * campaign dials progressively, which cannot abandon a call.
 *
 * <p>Stateless and pure: the same snapshot gives the same decision.
 */
public final class Pacer {

    public int callsToPlace(PacingSnapshot snapshot) {
        return decide(snapshot).calls();
    }

    public PacingDecision decide(PacingSnapshot s) {
        PacingPolicy policy = s.policy();
        int lines = policy.maxLines() - s.ringingSeconds().size();
        if (policy.mode() == PacingMode.PREVIEW) {
            return new PacingDecision(0, PacingMode.PREVIEW, "preview: agents dial their own records");
        }
        int progressive = Math.max(0, Math.min(lines, idleAgents(s.agents()) - s.ringingSeconds().size()
                - s.waitingCalls()));
        if (policy.mode() == PacingMode.PROGRESSIVE) {
            return new PacingDecision(progressive, PacingMode.PROGRESSIVE, "progressive: one line per free agent");
        }
        double budget = s.window().abandonBudget();
        if (budget < policy.guardAbandons()) {
            return new PacingDecision(progressive, PacingMode.PROGRESSIVE, String.format(
                    "abandon guard: %s window could take %.1f more abandoned calls", policy.rule().name(), budget));
        }
        if (lines <= 0) {
            return new PacingDecision(0, PacingMode.PREDICTIVE, "line cap reached");
        }
        int predictive = predictive(s, lines, budget);
        if (predictive >= progressive) {
            return new PacingDecision(predictive, PacingMode.PREDICTIVE, "predictive");
        }
        return new PacingDecision(progressive, PacingMode.PROGRESSIVE, "predictive below progressive");
    }

    private static int idleAgents(List<AgentView> agents) {
        int idle = 0;
        for (AgentView a : agents) {
            if (a.activity() == AgentView.Activity.IDLE) {
                idle++;
            }
        }
        return idle;
    }

    private static int predictive(PacingSnapshot s, int lines, double budget) {
        PacingEstimates e = s.estimates();
        double q = e.answerProbability();
        if (q <= 0) {
            return 0;
        }
        double patience = s.policy().patienceSeconds();
        int horizon = Math.min(s.policy().maxHorizonSeconds(), Math.max(1, e.liveRing().maxSeconds()));
        double wrapMean = e.wrapUp().mean();
        double[] supply = new double[horizon + 1];
        double[] supplyVar = new double[horizon + 1];
        for (AgentView a : s.agents()) {
            for (int t = 1; t <= horizon; t++) {
                double p = freeWithin(a, t + patience, e, wrapMean);
                supply[t] += p;
                supplyVar[t] += p * (1 - p);
            }
        }
        double[] demand = new double[horizon + 1];
        double[] demandVar = new double[horizon + 1];
        for (double elapsed : s.ringingSeconds()) {
            double stillLive = q * e.liveRing().survival(elapsed);
            double den = stillLive + (1 - q) * e.otherRing().survival(elapsed);
            if (den <= 1e-12 || stillLive <= 0) {
                continue;
            }
            double before = e.liveRing().cdf(elapsed);
            for (int t = 1; t <= horizon; t++) {
                double p = q * (e.liveRing().cdf(elapsed + t) - before) / den;
                demand[t] += p;
                demandVar[t] += p * (1 - p);
            }
        }
        double soft = s.policy().softGuardAbandons();
        double caution = budget >= soft ? 0 : 2 * (soft - budget) / soft;
        double threshold = Distribution.normalCdf(-e.safetyFactor() - caution);
        int n = 0;
        while (n < lines && marginalAbandonChance(n, s.waitingCalls(), q, e.liveRing(), supply, supplyVar, demand,
                demandVar) <= threshold) {
            n++;
        }
        return n;
    }

    /**
     * The chance that one more dial, placed after {@code others} new ones, is answered by a live person and finds no
     * agent free within the patience: over each second its answer may come, the chance that the answers before it
     * already take every agent free by then (normal approximation with continuity correction).
     */
    private static double marginalAbandonChance(int others, int waiting, double q, Distribution liveRing,
                                                double[] supply, double[] supplyVar, double[] demand,
                                                double[] demandVar) {
        double chance = 0;
        double before = 0;
        for (int t = 1; t < supply.length; t++) {
            double at = liveRing.cdf(t);
            double answerHere = at - before;
            before = at;
            if (answerHere <= 0) {
                continue;
            }
            double a = q * at;
            double mean = waiting + demand[t] + others * a - supply[t];
            double sd = Math.sqrt(supplyVar[t] + demandVar[t] + others * a * (1 - a));
            chance += answerHere * (sd < 1e-9 ? (mean + 0.5 > 0 ? 1 : 0) : Distribution.normalCdf((mean + 0.5) / sd));
        }
        return chance;
    }

    /** The chance the agent is free to take a call within {@code seconds}. */
    private static double freeWithin(AgentView a, double seconds, PacingEstimates e, double wrapMean) {
        switch (a.activity()) {
            case IDLE:
                return 1;
            case WRAP_UP:
                return e.wrapUp().conditionalWithin(a.secondsInActivity(), seconds);
            case TALKING:
                return e.talk().conditionalWithin(a.secondsInActivity(), seconds - wrapMean);
            default:
                return 0;
        }
    }
}
