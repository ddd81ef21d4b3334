package cc.bench.dialer;

import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.pacing.RegulatorRule;
import cc.dialer.domain.simulation.ReferenceScenario;
import cc.dialer.domain.simulation.ShiftScenario;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@link PacingSimulation}'s second scenario: {@link RealShiftSimulation} shifts, the predictive pacer, printed per
 * shift (median talk minutes per agent hour, abandon rate with and without the live people AMD hung up on) and per
 * hour of the shift summed over all shifts, with the worst single hour of any shift beside the regulator's window.
 */
final class RealShiftReport {
    /** The real-shift world: answer rate 0.15 to 0.35 and back, AMD wrong 5 % each way, breaks and lunch. */
    static final RealShiftSimulation.Real REAL = new RealShiftSimulation.Real(0.15, 0.35, 0.05, 0.05, true, 0.05);
    /** Talk lognormal shape for real shifts: the same 120 s mean as the reference, a heavier tail than its 0.5. */
    static final double REAL_TALK_SIGMA = 1.0;

    private RealShiftReport() {}

    /** The reference scenario with the real shift's talk shape, for {@code agents}, {@code seconds} and a seed. */
    static ShiftScenario scenario(int agents, int seconds, long seed, double talkSigma) {
        ShiftScenario s = ReferenceScenario.of(agents, PacingMode.PREDICTIVE, seed);
        return new ShiftScenario(s.agents(), s.start(), seconds, s.answerRates(), s.liveRingMin(), s.liveRingMax(),
                s.otherOutcomes(), s.talkMeanSeconds(), talkSigma, s.wrapUpSeconds(), s.policy(), s.estimator(),
                s.seed());
    }

    static void print(int shifts, long seed, int[] teams, int hours) {
        print(shifts, seed, teams, hours, REAL);
    }

    /** As {@link #print(int, long, int[], int)} with AMD wrong {@code amdWrong} each way, the dialer counting that. */
    static void print(int shifts, long seed, int[] teams, int hours, double amdWrong) {
        print(shifts, seed, teams, hours, new RealShiftSimulation.Real(REAL.answerLow(), REAL.answerPeak(), amdWrong,
                amdWrong, REAL.breaks(), amdWrong));
    }

    private static void print(int shifts, long seed, int[] teams, int hours, RealShiftSimulation.Real real) {
        RegulatorRule rule = ReferenceScenario.of(25, PacingMode.PREDICTIVE, seed).policy().rule();
        System.out.printf(Locale.ROOT, "%n== real-shift scenario: %d shifts of %d h per row, seeds %d..%d, predictive ==%n",
                shifts, hours, seed, seed + shifts - 1);
        System.out.printf(Locale.ROOT, "  live-answer rate %.2f -> %.2f (mid shift) -> %.2f; AMD wrong %.0f%% of live "
                        + "answers (person hung up on after %.1f s) and %.0f%% of machines (passed to an agent for 5-20"
                        + " s); two 15-min breaks and a 30-min lunch per agent; talk lognormal mean %.0f s sigma %.1f;"
                        + " otherwise as the reference%n", real.answerLow(), real.answerPeak(), real.answerLow(),
                real.amdWrongMachine() * 100, 2.5, real.amdWrongLive() * 100, ReferenceScenario.TALK_MEAN,
                REAL_TALK_SIGMA);
        System.out.printf(Locale.ROOT, "  regulator's window: %s, %.0f%% over %s (the worst hour is shown beside it; it"
                        + " is not the window)%n%n", rule.name(), rule.limit() * 100, rule.window());
        for (int agents : teams) {
            long started = System.nanoTime();
            double[] talk = new double[shifts];
            int h = hours;
            long[] dials = new long[h];
            long[] live = new long[h];
            long[] abandoned = new long[h];
            long[] amd = new long[h];
            long estimated = 0;
            double[] talkS = new double[h];
            double[] breakS = new double[h];
            double worstHour = 0;
            double worstHourAmd = 0;
            double worstShift = 0;
            for (int s = 0; s < shifts; s++) {
                RealShiftSimulation.Result r = RealShiftSimulation.run(
                        scenario(agents, hours * 3600, seed + s, REAL_TALK_SIGMA), real);
                talk[s] = r.talkMinutesPerAgentHour();
                worstShift = Math.max(worstShift, r.abandonRate());
                estimated += RealShiftSimulation.Result.sum(r.amdEstimated());
                for (int i = 0; i < h; i++) {
                    dials[i] += r.dials()[i];
                    live[i] += r.live()[i];
                    abandoned[i] += r.abandoned()[i];
                    amd[i] += r.amdDropped()[i];
                    talkS[i] += r.talkSeconds()[i];
                    breakS[i] += r.breakSeconds()[i];
                    if (r.live()[i] >= 20) {
                        worstHour = Math.max(worstHour, (double) r.abandoned()[i] / r.live()[i]);
                        worstHourAmd = Math.max(worstHourAmd,
                                (double) (r.abandoned()[i] + r.amdDropped()[i]) / (r.live()[i] + r.amdDropped()[i]));
                    }
                }
            }
            Arrays.sort(talk);
            double median = shifts % 2 == 1 ? talk[shifts / 2] : (talk[shifts / 2 - 1] + talk[shifts / 2]) / 2;
            long allLive = RealShiftSimulation.Result.sum(live);
            long allAbandoned = RealShiftSimulation.Result.sum(abandoned);
            long allAmd = RealShiftSimulation.Result.sum(amd);
            System.out.printf(Locale.ROOT, "%d agents: talk %.2f talk-min/agent-hour (median; min %.2f, max %.2f);"
                            + " abandon %.2f%% (worst shift %.2f%%), with live people AMD hung up on %.2f%%; worst hour"
                            + " %.2f%% (%.2f%% with AMD) against %s's %.0f%% over %s; the rate the dialer counts and"
                            + " steers by (machine verdicts counted as false positives at the configured %.0f%%) %.2f%%;"
                            + " %.1f s wall%n", agents, median,
                    talk[0], talk[shifts - 1], 100.0 * allAbandoned / Math.max(1, allLive), 100 * worstShift,
                    100.0 * (allAbandoned + allAmd) / Math.max(1, allLive + allAmd), 100 * worstHour,
                    100 * worstHourAmd, rule.name(), rule.limit() * 100, rule.window(), real.amdEstimateRate() * 100,
                    100.0 * (allAbandoned + estimated) / Math.max(1, allLive + estimated),
                    (System.nanoTime() - started) / 1e9);
            System.out.println("  | hour | answer rate | dials/shift | live/shift | abandon | with AMD | talk-min/agent-hour"
                    + " | agents on break |");
            System.out.println("  | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (int i = 0; i < h; i++) {
                double mid = RealShiftSimulation.answerRate(real, (i + 0.5) * 3600, hours * 3600);
                System.out.printf(Locale.ROOT, "  | %d | %.2f | %.0f | %.0f | %.2f%% | %.2f%% | %.2f | %.1f |%n", i + 1, mid,
                        dials[i] / (double) shifts, live[i] / (double) shifts,
                        100.0 * abandoned[i] / Math.max(1, live[i]),
                        100.0 * (abandoned[i] + amd[i]) / Math.max(1, live[i] + amd[i]),
                        talkS[i] / 60 / (agents * (double) shifts), breakS[i] / 3600 / shifts);
            }
        }
        System.out.println("(per hour: summed over the shifts; worst hour: the single worst hour of any shift with at"
                + " least 20 live answers; talk includes agents' seconds on machines AMD passed)");
    }
}
