package cc.bench.acd;

import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JMH view of {@link RoutingBenchmark}'s workload: throughput and SampleTime percentiles of one event applied to
 * the router (any event: arrivals, answers, call endings, abandons, agent states, ticks), with the simulation's own
 * step (choosing the next event, reacting to the commands) included in each sample.
 *
 * <p>What is measured: events, not decisions. Only some events make an offer (a call matched to an agent), so these
 * ops/s are not offers/s; {@link RoutingBenchmark} reports offers/s and the latency of the offering calls apart.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar cc.bench.acd.RoutingJmh} (about a minute), or through
 * {@code org.openjdk.jmh.Main cc.bench.acd.RoutingJmh} with JMH's own options.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class RoutingJmh {
    @Param("2000")
    int agents;
    @Param("200")
    int queues;
    @Param("50")
    int skills;
    @Param("1.0")
    double load;

    private RoutingBenchmark sim;

    @Setup(Level.Trial)
    public void setUp() {
        sim = new RoutingBenchmark(agents, queues, skills, load, 7);
        sim.start();
        for (int i = 0; i < 200_000; i++) {
            decide();
        }
    }

    @Benchmark
    public List<AcdCommand> decide() {
        AcdEvent e = sim.next();
        List<AcdCommand> cmds = sim.acd().apply(e);
        sim.after(e, cmds);
        return cmds;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(RoutingJmh.class.getName()).build()).run();
    }
}
