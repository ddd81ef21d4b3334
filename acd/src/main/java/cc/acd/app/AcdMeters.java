package cc.acd.app;

import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.metrics.QueueMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ACD's meters: per queue, gauges of the live figures and counters of offers, overflows and ring-no-answers;
 * agents by status. Tags are bounded: queue names from configuration, status names from the state machine.
 *
 * <p>Threading: the owning verticle calls {@link #update} and the counting methods on its context; gauges are
 * read from any thread, from an immutable snapshot published through a volatile field.
 */
public final class AcdMeters implements MeterBinder {
    private final List<String> queueIds;
    private volatile Map<String, QueueMetrics> queues = Map.of();
    private volatile Map<AgentStatus, Integer> agents = Map.of();
    private volatile MeterRegistry registry;

    public AcdMeters(List<String> queueIds) {
        this.queueIds = List.copyOf(queueIds);
    }

    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
        for (String q : queueIds) {
            queueGauge(r, "cc.acd.queue.waiting", "callers waiting, on the line or as callbacks", q,
                    m -> (double) m.waiting());
            queueGauge(r, "cc.acd.queue.longest.wait", "seconds the longest waiting caller has waited", q,
                    m -> seconds(m.longestWait()));
            queueGauge(r, "cc.acd.queue.agents.staffed", "agents logged in and not paused", q,
                    m -> (double) m.agentsStaffed());
            queueGauge(r, "cc.acd.queue.agents.available", "agents available now", q,
                    m -> (double) m.agentsAvailable());
            queueGauge(r, "cc.acd.queue.service.level", "answered within threshold / (answered + abandoned), "
                    + "this interval", q, m -> m.serviceLevel().orElse(Double.NaN));
            queueGauge(r, "cc.acd.queue.asa", "average speed of answer in seconds, this interval", q,
                    m -> m.averageSpeedOfAnswer().map(AcdMeters::seconds).orElse(Double.NaN));
            queueGauge(r, "cc.acd.queue.aht", "average handle time in seconds, this interval", q,
                    m -> m.averageHandleTime().map(AcdMeters::seconds).orElse(Double.NaN));
            queueGauge(r, "cc.acd.queue.abandoned", "callers abandoned, this interval", q,
                    m -> (double) m.abandoned());
        }
        for (AgentStatus s : AgentStatus.values()) {
            Gauge.builder("cc.acd.agents", this, b -> b.agents.getOrDefault(s, 0))
                    .description("agents by status").tag("status", s.wireName()).register(r);
        }
    }

    private void queueGauge(MeterRegistry r, String name, String description, String queue,
                            Function<QueueMetrics, Double> value) {
        Gauge.builder(name, this, b -> Optional.ofNullable(b.queues.get(queue)).map(value).orElse(Double.NaN))
                .description(description).tag("queue", queue).register(r);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** Publishes a new snapshot of the live figures. */
    public void update(List<QueueMetrics> queueFigures, Map<AgentStatus, Integer> agentsByStatus) {
        Map<String, QueueMetrics> byQueue = new java.util.HashMap<>();
        for (QueueMetrics m : queueFigures) {
            byQueue.put(m.queueId(), m);
        }
        queues = Map.copyOf(byQueue);
        agents = Map.copyOf(new EnumMap<>(agentsByStatus));
    }

    public void offered(String queue) {
        count("cc.acd.queue.offers", "offers to agents (each ring counts)", queue, null);
    }

    public void overflowed(String queue, String reason) {
        count("cc.acd.queue.overflows", "callers sent elsewhere", queue, reason);
    }

    public void ringNoAnswer(String queue) {
        count("cc.acd.queue.ring.no.answer", "offers the agent did not answer", queue, null);
    }

    private void count(String name, String description, String queue, String reason) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        Counter.Builder b = Counter.builder(name).description(description).tag("queue", queue);
        if (reason != null) {
            b.tag("reason", reason);
        }
        b.register(r).increment();
    }
}
