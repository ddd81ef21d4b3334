package cc.bench.sales;

import cc.bench.Options;
import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.PipelineReport;
import cc.core.domain.sales.SalesPipeline;
import cc.core.domain.sales.SalesSettings;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The pipeline report's engine ({@link SalesPipeline}) over a generated book: {@code --opportunities} (default
 * 100,000; a third closed in the month, the rest open) in three currencies, 50 owners, 20 products, and
 * {@code --contacts} (default 1,000,000) calls with their customers over the last six months. Runs it
 * {@code --runs} times after {@code --warmup} and prints the median, p90 and worst time; reading the facts from the
 * database is not included (the supervisor waits for both).
 */
public final class PipelineBenchmark {
    private static final Instant NOW = PipelineBook.NOW;
    private static final Instant FROM = PipelineBook.FROM;

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int opportunities = Integer.parseInt(o.getOrDefault("opportunities", "100000"));
        int contacts = Integer.parseInt(o.getOrDefault("contacts", "1000000"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "15"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        machine();
        SalesSettings settings = SalesSettings.defaults();
        PipelineBook generated = PipelineBook.generate(opportunities, contacts, settings);
        List<Opportunity> book = generated.opportunities();
        List<SalesPipeline.Contact> calls = generated.contacts();
        int customers = generated.customers();
        SalesPipeline pipeline = new SalesPipeline(settings);
        System.out.printf("book: %,d opportunities (%,d customers, 3 currencies, 50 owners), %,d contacts%n",
                opportunities, customers, contacts);
        long[] ms = new long[runs];
        PipelineReport last = null;
        for (int i = -warmup; i < runs; i++) {
            long t0 = System.nanoTime();
            last = pipeline.report(book, calls, FROM, NOW, NOW);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        System.out.printf("report: %d open rows, %d effort rows, %d owners; won %d, lost %d%n", last.open().size(),
                last.effort().size(), last.owners().size(), last.outcome().won(), last.outcome().lost());
        System.out.printf("pipeline report over %d runs: median %d ms, p90 %d ms, worst %d ms%n", runs,
                ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1)], ms[runs - 1]);
    }

    static void machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        System.out.printf("machine: %d cores, %d GiB, %s; java %s; load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(), memGiB, cpu, System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
    }
}
