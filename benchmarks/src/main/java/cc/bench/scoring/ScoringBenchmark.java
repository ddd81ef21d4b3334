package cc.bench.scoring;

import cc.core.adapter.tribuo.TribuoChurnLearner;
import cc.core.domain.scoring.ChurnTraining;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.domain.scoring.CustomerScore;
import cc.core.domain.scoring.CustomerScoring;
import cc.core.domain.scoring.OfferPropensity;
import cc.core.domain.scoring.synthetic.SyntheticHistory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * How long scoring a large center takes: the churn model is trained on a generated population (its AUC on held-out
 * customers printed), then a million generated customers are scored: features read from each history, value,
 * loyalty, churn risk with its reasons from the trained Tribuo model, and offer propensity for each product. Histories are generated in blocks outside
 * the timed part (in production they come from the database), and the blocks are scored on every core.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.scoring.ScoringBenchmark [--customers N]
 * [--train N] [--seed N]}. The target: 1,000,000 customers in under 5 minutes.
 */
public final class ScoringBenchmark {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final int BLOCK = 20_000;

    public static void main(String[] args) throws Exception {
        int customers = 1_000_000;
        int train = 100_000;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--train" -> train = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        printMachine();
        SyntheticHistory history = new SyntheticHistory(seed, NOW);

        long t0 = System.nanoTime();
        List<CustomerHistory> population = history.customers(train);
        ChurnTraining.Result trained = new ChurnTraining(new TribuoChurnLearner()).train(population, NOW);
        OfferPropensity propensity = OfferPropensity.fit(population.stream()
                .map(h -> OfferPropensity.CustomerOffers.of(h, NOW)).toList());
        population = null;
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("training: %,d customers (%,d churners), %,d held out: AUC %.3f; %.1f s (generation"
                + " included)%n", trained.trained() + trained.heldOut(), trained.churners(), trained.heldOut(),
                trained.heldOutAuc(), trainSeconds);

        CustomerScoring scoring = new CustomerScoring(trained.model());
        AtomicLong scores = new AtomicLong();
        AtomicLong highRisk = new AtomicLong();
        long scoringNanos = 0;
        long generationNanos = 0;
        // customers after the training population: the model has never seen them
        for (int from = train + 1; from <= train + customers; from += BLOCK) {
            int start = from;
            int end = Math.min(train + customers, from + BLOCK - 1);
            long g = System.nanoTime();
            List<CustomerHistory> block = IntStream.rangeClosed(start, end).parallel()
                    .mapToObj(history::customer).toList();
            long s = System.nanoTime();
            block.parallelStream().forEach(h -> {
                List<CustomerScore> got = scoring.score(h, NOW);
                scores.addAndGet(got.size());
                if (!got.isEmpty()) {
                    scores.addAndGet(propensity.score(OfferPropensity.CustomerOffers.of(h, NOW), NOW).size());
                }
                for (CustomerScore c : got) {
                    if (c.name().equals(CustomerScore.CHURN_RISK) && c.score() > 0.7) {
                        highRisk.incrementAndGet();
                    }
                }
            });
            long e = System.nanoTime();
            generationNanos += s - g;
            scoringNanos += e - s;
        }
        double seconds = scoringNanos / 1e9;
        System.out.printf("scoring: %,d customers (%,d scores, %,d with churn risk above 0.7) in %.1f s: %,.0f"
                        + " customers/s on %d threads (generating the histories took another %.1f s)%n",
                customers, scores.get(), highRisk.get(), seconds, customers / seconds,
                Runtime.getRuntime().availableProcessors(), generationNanos / 1e9);
        System.out.printf("target: 1,000,000 customers under 5 minutes: %s%n",
                seconds * 1_000_000 / customers < 300 ? "met" : "NOT met");
    }

    private static void printMachine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        System.out.printf("machine: %d cores, %d GiB, %s; java %s; load average at start: %s %s %s%n",
                Runtime.getRuntime().availableProcessors(), memGiB, cpu, System.getProperty("java.version"),
                load[0], load[1], load[2]);
    }
}
