package cc.bench.dialer;

import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.simulation.ReferenceScenario;
import cc.dialer.domain.simulation.ShiftResult;
import cc.dialer.domain.simulation.ShiftScenario;
import cc.dialer.domain.simulation.ShiftSimulation;

import java.util.Arrays;
import java.util.Locale;

/**
 * Runs many simulated 8-hour shifts with the production pacer driving a discrete-event model of customers and
 * agents, and prints, per team size and mode, talk minutes per agent hour (median over shifts) and the abandon rate
 * overall and in the worst shift (the regulator's window holds one shift's calls) and worst hour.
 *
 * <p>Two scenarios. {@code reference}: the shift the targets were set against ({@code ReferenceScenario}: constant
 * answer rate 0.25, AMD never wrong, no breaks, talk lognormal sigma 0.5). {@code real}: what real shifts have
 * ({@link RealShiftSimulation}): answer rate 0.15 to 0.35 and back over the day, AMD wrong 5 % each way, two
 * 15-minute breaks and a 30-minute lunch per agent, talk lognormal sigma 1.0 (same 120 s mean); reported per hour as
 * well as per shift, the worst hour beside the regulator's window.
 *
 * <p>What is measured: the production pacer ({@code Pacer}, {@code PacingEstimator}, {@code AbandonLedger}) in a
 * model world, in virtual time. What is not: the dialer's own code around the pacer (campaign runner, AMI, the ACD's
 * choice of agent), which {@link DialerLoadRun} runs against the Asterisk simulator; real customers (the world's
 * distributions are assumptions, printed at the top).
 *
 * <p>Usage: {@code java -cp benchmarks.jar cc.bench.dialer.PacingSimulation [--shifts N] [--seed S]
 * [--agents 10,25,50,100] [--hours H] [--scenario reference|real|both]}. Deterministic: the same arguments print the
 * same figures on any machine; only the wall time varies.
 */
public final class PacingSimulation {
    private static final double TARGET_25 = 49;
    private static final double TARGET_100 = 53;
    private static final double ABANDON_LIMIT = 0.03;

    private PacingSimulation() {}

    public static void main(String[] args) {
        int shifts = 5;
        long seed = 20261123L;
        int[] teams = {10, 25, 50, 100};
        int hours = 8;
        String which = "both";
        double amdWrong = 0.05;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> which = args[++i];
                case "--shifts" -> shifts = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--agents" -> teams = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--hours" -> hours = Integer.parseInt(args[++i]);
                case "--amd-wrong" -> amdWrong = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; usage: [--shifts N] [--seed S] [--agents 10,25,50,100] [--hours H]"
                            + " [--scenario reference|real|both] [--amd-wrong 0.05]");
                    System.exit(2);
                }
            }
        }
        if (!which.equals("reference") && !which.equals("real") && !which.equals("both")) {
            System.err.println("--scenario must be reference, real or both, was " + which);
            System.exit(2);
        }
        if (!which.equals("real")) {
            reference(shifts, seed, teams, hours);
        }
        if (!which.equals("reference")) {
            RealShiftReport.print(shifts, seed, teams, hours, amdWrong);
        }
    }

    private static void reference(int shifts, long seed, int[] teams, int hours) {
        ShiftScenario base = ReferenceScenario.of(25, PacingMode.PREDICTIVE, seed);
        System.out.println("== reference scenario (the shift the targets were set against) ==");
        System.out.printf(Locale.ROOT, "Pacing simulation: %d shifts of %d h per row, seeds %d..%d%n", shifts, hours,
                seed, seed + shifts - 1);
        System.out.printf(Locale.ROOT, "  live-answer rate %.2f; live answer after %.0f-%.0f s ringing (uniform)%n",
                base.answerRateAt(0), base.liveRingMin(), base.liveRingMax());
        for (ShiftScenario.OtherOutcome o : base.otherOutcomes()) {
            System.out.printf(Locale.ROOT, "  other dials: %-9s %3.0f%% ending after %.1f-%.1f s%n", o.name(),
                    o.share() * 100, o.minSeconds(), o.maxSeconds());
        }
        System.out.printf(Locale.ROOT, "  talk lognormal mean %.0f s sigma %.2f; wrap-up %.0f s; abandoned = answered"
                        + " with no free agent within %.0f s; rule %s (limit %.0f%%); line cap 4 per agent%n",
                base.talkMeanSeconds(), base.talkSigma(), base.wrapUpSeconds(), base.policy().patienceSeconds(),
                base.policy().rule().name(), base.policy().rule().limit() * 100);
        System.out.printf(Locale.ROOT, "  pacer target abandon rate %.1f%%, starting from priors %s%n",
                base.estimator().targetAbandonRate() * 100, "answer 0.20, talk 150 s, wrap-up 15 s");
        System.out.printf(Locale.ROOT, "  ceiling (no idle time): %.1f talk-min per agent hour%n%n",
                60 * base.talkMeanSeconds() / (base.talkMeanSeconds() + base.wrapUpSeconds()));
        System.out.printf(Locale.ROOT, "%6s  %-11s  %9s %9s %9s  %9s %11s %10s  %8s %8s%n", "agents", "mode",
                "talk p50", "talk min", "talk max", "abandon", "worst shift", "worst hour", "dials", "wall s");
        boolean pass = true;
        for (int agents : teams) {
            for (PacingMode mode : new PacingMode[] {PacingMode.PROGRESSIVE, PacingMode.PREDICTIVE}) {
                long started = System.nanoTime();
                double[] talk = new double[shifts];
                long live = 0;
                long abandoned = 0;
                long dials = 0;
                double worstShift = 0;
                double worstHour = 0;
                for (int s = 0; s < shifts; s++) {
                    ShiftScenario scenario = ReferenceScenario.of(agents, mode, seed + s);
                    scenario = new ShiftScenario(scenario.agents(), scenario.start(), hours * 3600,
                            scenario.answerRates(), scenario.liveRingMin(), scenario.liveRingMax(),
                            scenario.otherOutcomes(), scenario.talkMeanSeconds(), scenario.talkSigma(),
                            scenario.wrapUpSeconds(), scenario.policy(), scenario.estimator(), scenario.seed());
                    ShiftResult r = ShiftSimulation.run(scenario);
                    talk[s] = r.talkMinutesPerAgentHour();
                    live += r.liveAnswers();
                    abandoned += r.abandoned();
                    dials += r.dials();
                    worstShift = Math.max(worstShift, r.abandonRate());
                    worstHour = Math.max(worstHour, r.worstHourAbandonRate());
                }
                Arrays.sort(talk);
                double median = shifts % 2 == 1 ? talk[shifts / 2] : (talk[shifts / 2 - 1] + talk[shifts / 2]) / 2;
                double wall = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "%6d  %-11s  %9.2f %9.2f %9.2f  %8.2f%% %10.2f%% %9.2f%%  %8d %8.1f%n",
                        agents, mode.name().toLowerCase(Locale.ROOT), median, talk[0], talk[shifts - 1],
                        live == 0 ? 0 : 100.0 * abandoned / live, 100 * worstShift, 100 * worstHour, dials / shifts,
                        wall);
                if (mode == PacingMode.PREDICTIVE) {
                    pass &= worstShift <= ABANDON_LIMIT;
                    if (agents == 25) {
                        pass &= median >= TARGET_25;
                    }
                    if (agents == 100) {
                        pass &= median >= TARGET_100;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nTargets: abandon <= 3%% in every shift; predictive >= %.0f talk-min/agent-hour"
                + " at 25 agents and >= %.0f at 100 -> %s%n", TARGET_25, TARGET_100, hours != 8
                ? "not checked (set for 8-hour shifts; the learning at the start weighs more in shorter ones)"
                : pass ? "MET" : "NOT MET");
        System.out.println("(dials = mean dials per shift; worst hour leaves out hours with fewer than 20 live answers)");
    }
}
