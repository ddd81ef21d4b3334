package cc.bench.dialer;

import cc.bench.BenchServer;
import cc.bench.Options;
import cc.core.config.ConfigNode;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignReport;
import cc.core.contract.CampaignReportQuery;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.ImportContactList;
import cc.core.contract.SaveCampaign;
import cc.launcher.Server;
import cc.launcher.ServerConfig;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The whole dialer under load against the Asterisk simulator: a predictive campaign (the console's contract: a CSV
 * list imported, the campaign saved and started) run by the server's campaign runner, its calls originated over AMI
 * into the simulator's dialler dialplan, AMD answered by the simulated phones, live answers queued to the ACD's
 * {@code --agents} agents (phones answering in 200 ms, 10 s wrap-up), for {@code --minutes} of wall-clock time; then
 * the campaign's own day report (talk minutes, agent hours, live answers, abandoned) beside {@link RealShiftSimulation}
 * run with the same parameters for the same length. The report is read at the end of the minutes; it counts the
 * talk of calls that have ended, and the simulation is made to count the same (calls still up count on neither
 * side); talk minutes per agent hour divide by the agents times the minutes.
 *
 * <p>The world, the same on both sides: a quarter of the numbers answered by a person after 3-18 s of ringing, who
 * talks an exponential 120 s then hangs up (the simulation uses a lognormal of the same mean and spread, sigma 0.83,
 * as the simulator has no lognormal); of the others 45 % never answer (25 s ring timeout), 25 % are machines (answer
 * after 3-18 s), 15 % busy, 15 % congested; AMD wrong on 5 % of people and 5 % of machines; UK-Ofcom rule, 2 s to
 * reach an agent. Drawn per number from a CSV list of {@code minutes * 250} numbers.
 *
 * <p>What is measured: what the dialer itself reports for the campaign's day. What is not: real customers, real
 * Asterisk timing (the simulator answers AMD at once), breaks and a moving answer rate (the run is too short; the
 * pure simulation's {@code real} scenario has them). Differences to expect: the simulated customer's talk clock
 * starts at their answer, so AMD and the way to the agent (a few seconds) come out of the talk with the agent; the
 * pacer learns from priors for the first minutes, which weighs more in a short run. Embedded database.
 *
 * <p>Usage: {@code java -cp benchmarks.jar cc.bench.dialer.DialerLoadRun [--minutes 30] [--agents 25] [--seed 1] [--amd-wrong 0.05]}
 * ({@code --minutes 2} for a quick check).
 */
public final class DialerLoadRun {
    private static final String CAMPAIGN = "load";
    private static final double TALK_SIGMA = 0.833;

    private DialerLoadRun() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int minutes = Integer.parseInt(o.getOrDefault("minutes", "30"));
        int agents = Integer.parseInt(o.getOrDefault("agents", "25"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        // how often AMD is wrong each way, and the false-positive rate the dialer is configured to count (the same)
        double amdWrong = Double.parseDouble(o.getOrDefault("amd-wrong", "0.05"));
        int peopleWrong = (int) Math.floor(250 * amdWrong + 1e-9);
        int machinesWrong = (int) Math.floor(188 * amdWrong + 1e-9);
        int contacts = Math.max(500, minutes * 250);
        System.out.printf(Locale.ROOT, "DialerLoadRun: %d agents, %d minutes, %d numbers, predictive, UK-Ofcom; AMD"
                + " wrong on %d of 250 people and %d of 188 machines, amdFalsePositiveRate %.2f; load average %s%n",
                agents, minutes, contacts, peopleWrong, machinesWrong, amdWrong, loadAverage());

        Phones.Builder phones = Phones.builder();
        // three-digit buckets after 0912: 250 people (12 of them AMD calls machines at the default 5 %), 338 never
        // answer, 188 machines (9 of them AMD calls people), 112 busy, 112 congested
        for (int b = 0; b < 1000; b++) {
            String prefix = String.format(Locale.ROOT, "0912%03d", b);
            phones.prefix(prefix, behaviour(b, peopleWrong, machinesWrong));
        }
        for (int a = 0; a < agents; a++) {
            phones.number(Integer.toString(30000 + a), PhoneBehaviour.answersAfter(Distribution.fixed(200)));
        }
        int agiPort = BenchServer.freePort();
        AsteriskSimulator sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", "bench-secret")
                .agi("127.0.0.1", agiPort, "bench")
                .timings(Timings.defaults().withUnknownPromptMs(500))
                .phones(phones.build())
                .build());
        Path dir = Files.createTempDirectory("dialer-load");
        Path flows = BenchServer.flowIntoQueue(dir, "outbound", "5s");
        StringBuilder yaml = BenchServer.yaml(sim.amiPort(), agiPort, flows,
                "{dataDir: '" + dir.resolve("data") + "'}");
        yaml.append("  queues: [{id: outbound, wrapUp: 10s, recording: never}]\n  agents:\n");
        BenchServer.agents(yaml, "agent-", agents, 30000, "outbound");
        yaml.append(String.join("\n",
                "dialer:",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 25s",
                "  agentConnectLimit: 2s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  lines: " + Math.max(30, agents * 4),
                "  amdFalsePositiveRate: " + amdWrong,
                "  demo: false", ""));
        Server server = Server.start(ServerConfig.read(ConfigNode.parse("dialer-load.yaml", yaml.toString(),
                System::getenv))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            Random random = new Random(seed);
            StringBuilder csv = new StringBuilder("phone,name\n");
            for (int i = 0; i < contacts; i++) {
                csv.append(String.format(Locale.ROOT, "0912%03d%04d,Customer %d%n", random.nextInt(1000), i % 10_000,
                        i));
            }
            ContactListBuilt list = ask(server, DialerAddresses.LIST_IMPORT,
                    new ImportContactList("load", "Load", csv.toString(), "bench"));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            ask(server, DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(new CampaignDefinition(CAMPAIGN, "Load",
                    List.of("load"), "PREDICTIVE", today.minusDays(1), today.plusDays(1), LocalTime.MIDNIGHT,
                    LocalTime.of(23, 59, 59), Set.of(), Set.of(), Map.of(), 1, "USD", new BigDecimal("0.01"),
                    new BigDecimal("0.01"), BigDecimal.ONE, "UK-Ofcom", agents * 4, "outbound", "HANGUP",
                    CampaignDefinition.RECORDING_INHERIT), "bench"));
            ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign(CAMPAIGN, "START", "bench"));
            System.out.printf(Locale.ROOT, "list: %d numbers accepted; campaign started%n", list.accepted());
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                CampaignReport.Day d = day(server, today);
                System.out.printf(Locale.ROOT, "  %s: %d dials, %d live, %d connected, %d abandoned, %.1f talk min%n",
                        java.time.LocalTime.now(ZoneOffset.UTC).withNano(0), d.dials(), d.contacts(), d.connected(),
                        d.abandoned(), d.talkMinutes());
            }
            // read at the end of the minutes: the report counts the talk of the calls that have ended, and so does
            // the simulation below (waiting for the last calls would take as long as the longest talk)
            CampaignReport.Day d = day(server, today);
            ask(server, DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign(CAMPAIGN, "PAUSE", "bench"));
            double agentHours = agents * minutes / 60.0;
            double talkPerAgentHour = d.talkMinutes() / agentHours;
            double abandon = d.contacts() == 0 ? 0 : (double) d.abandoned() / d.contacts();

            RealShiftSimulation.Result pure = RealShiftSimulation.runCountingEndedCalls(
                    RealShiftReport.scenario(agents, minutes * 60, seed, TALK_SIGMA),
                    new RealShiftSimulation.Real(0.25, 0.25, peopleWrong / 250.0, machinesWrong / 188.0, false,
                            amdWrong));
            System.out.printf(Locale.ROOT, "%n| | whole dialer | pure simulation | difference |%n| --- | ---: | ---: | ---: |%n");
            row("talk-min per agent hour", talkPerAgentHour, pure.talkMinutesPerAgentHour());
            row("abandon rate %", 100 * abandon, 100 * pure.abandonRate());
            row("abandon rate counted, with the AMD estimate %", 100 * d.abandonRateUkDay(),
                    100 * pure.abandonRateCounted());
            System.out.printf(Locale.ROOT, "| dials | %d | %d | |%n| live answers | %d | %d | |%n| abandoned | %d | %d |"
                            + " |%n", d.dials(), RealShiftSimulation.Result.sum(pure.dials()), d.contacts(),
                    RealShiftSimulation.Result.sum(pure.live()), d.abandoned(),
                    RealShiftSimulation.Result.sum(pure.abandoned()));
            System.out.printf(Locale.ROOT, "the dialer's own report: %.2f talk-min per agent hour over %.2f agent hours"
                            + " it counted; UK abandon rate with the AMD estimate %.2f%%; %d AMD false positives"
                            + " estimated%n", d.talkMinutesPerAgentHour(), d.agentHours(), 100 * d.abandonRateUkDay(),
                    d.amdFalsePositives());
            boolean close = within(talkPerAgentHour, pure.talkMinutesPerAgentHour())
                    && within(abandon, pure.abandonRate());
            System.out.println(close ? "talk and abandon within 10 % of the pure simulation"
                    : "NOT within 10 % of the pure simulation: see the differences to expect in the class comment;"
                    + " abandon counts this small differ by chance (a handful of calls)");
            System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
        } finally {
            server.close();
            sim.close();
        }
        System.exit(0);
    }

    private static PhoneBehaviour behaviour(int bucket, int peopleWrong, int machinesWrong) {
        Distribution ring = Distribution.uniform(3_000, 18_000);
        if (bucket < 250) {
            PhoneBehaviour person = PhoneBehaviour.answersThenHangsUp(ring, Distribution.exponential(120_000));
            return bucket < peopleWrong ? person.withAmd("MACHINE") : person;
        }
        if (bucket < 588) {
            return PhoneBehaviour.neverAnswers();
        }
        if (bucket < 776) {
            PhoneBehaviour machine = PhoneBehaviour.answersThenHangsUp(ring, Distribution.fixed(30_000));
            return bucket < 588 + machinesWrong ? machine.withAmd("HUMAN") : machine.withAmd("MACHINE");
        }
        if (bucket < 888) {
            return PhoneBehaviour.busy();
        }
        return PhoneBehaviour.congestion();
    }

    private static boolean within(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 || Math.abs(a - b) / scale <= 0.10;
    }

    private static void row(String name, double whole, double pure) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.1f %% |%n", name, whole, pure,
                pure == 0 ? 0 : 100 * (whole - pure) / pure);
    }

    private static CampaignReport.Day day(Server server, LocalDate today) throws Exception {
        CampaignReport r = ask(server, DialerAddresses.CAMPAIGN_REPORT, new CampaignReportQuery(CAMPAIGN, today,
                today));
        return r.days().isEmpty() ? new CampaignReport.Day(today, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, "USD",
                BigDecimal.ZERO, BigDecimal.ZERO, java.util.Optional.empty()) : r.days().get(0);
    }

    private static <T> T ask(Server server, String address, Object body) throws Exception {
        return server.vertx().eventBus().<T>request(address, body).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS).body();
    }

    private static String loadAverage() {
        return cc.bench.ivr.IvrLoadBenchmark.loadAverage();
    }
}
