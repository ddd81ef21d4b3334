package cc.acd.app;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.routing.AcdEvent;
import cc.acd.domain.routing.AcdState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcdMetersTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    @DisplayName("queue gauges show the router's live figures per queue and agents by status")
    void gaugesFollowTheRouter() {
        AcdState acd = new AcdState(Duration.ofSeconds(30), List.of(QueueConfig.of("sales"), QueueConfig.of("support")),
                List.of(new AgentProfile("a1", Map.of(), List.of("sales")),
                        new AgentProfile("a2", Map.of(), List.of("support"))), T0);
        acd.apply(new AcdEvent.CallArrived("c1", "sales", List.of(), 0, "", T0));
        acd.apply(new AcdEvent.CallArrived("c2", "sales", List.of(), 0, "", T0.plusSeconds(10)));
        acd.apply(new AcdEvent.AgentStateChanged("a2", AgentStatus.AVAILABLE, "", T0.plusSeconds(20)));
        AcdMeters meters = new AcdMeters(acd.queueIds());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);
        assertTrue(Double.isNaN(registry.get("cc.acd.queue.waiting").tag("queue", "sales").gauge().value()),
                "no figures before the first update");

        meters.update(acd.queueMetrics(T0.plusSeconds(45)), Map.of(AgentStatus.AVAILABLE, 1, AgentStatus.LOGGED_OUT, 1));
        assertEquals(2.0, registry.get("cc.acd.queue.waiting").tag("queue", "sales").gauge().value());
        assertEquals(45.0, registry.get("cc.acd.queue.longest.wait").tag("queue", "sales").gauge().value());
        assertEquals(0.0, registry.get("cc.acd.queue.waiting").tag("queue", "support").gauge().value());
        assertEquals(1.0, registry.get("cc.acd.queue.agents.available").tag("queue", "support").gauge().value());
        assertEquals(1.0, registry.get("cc.acd.agents").tag("status", "available").gauge().value());
        assertEquals(0.0, registry.get("cc.acd.agents").tag("status", "on-call").gauge().value());

        meters.overflowed("sales", "wait-limit");
        meters.overflowed("sales", "wait-limit");
        assertEquals(2.0, registry.get("cc.acd.queue.overflows").tags("queue", "sales", "reason", "wait-limit")
                .counter().count());
    }
}
