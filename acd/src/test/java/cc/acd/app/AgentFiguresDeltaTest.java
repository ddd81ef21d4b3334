package cc.acd.app;

import cc.core.contract.QueueStatsUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentFiguresDeltaTest {
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private static QueueStatsUpdated figures(Instant at, String... states) {
        List<QueueStatsUpdated.AgentFigures> agents = new java.util.ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            agents.add(new QueueStatsUpdated.AgentFigures("a" + i, states[i], "", T0, 0));
        }
        return new QueueStatsUpdated(List.of(new QueueStatsUpdated.QueueFigures("desk", 0, 0, 1.0, 0, 0, 0, 0)),
                agents, at);
    }

    private static List<String> agents(QueueStatsUpdated s) {
        return s.agents().stream().map(a -> a.agentId() + "=" + a.state()).toList();
    }

    @Test
    @DisplayName("the first publication carries every agent, the next only those that changed, every agent again after 10 s")
    void changedOnlyBetweenFullOnes() {
        AgentFiguresDelta delta = new AgentFiguresDelta();
        assertEquals(List.of("a0=available", "a1=available", "a2=paused"),
                agents(delta.select(figures(T0, "available", "available", "paused"), T0)));
        assertTrue(delta.wasFull());
        QueueStatsUpdated next = delta.select(figures(T0.plusMillis(200), "available", "on-call", "paused"),
                T0.plusMillis(200));
        assertEquals(List.of("a1=on-call"), agents(next));
        assertFalse(delta.wasFull());
        assertEquals(1, next.queues().size(), "queue figures always go out whole");
        assertEquals(List.of(), agents(delta.select(figures(T0.plusSeconds(5), "available", "on-call", "paused"),
                T0.plusSeconds(5))));
        assertEquals(3, delta.select(figures(T0.plusSeconds(10), "available", "on-call", "paused"),
                T0.plusSeconds(10)).agents().size());
        assertTrue(delta.wasFull());
    }

    @Test
    @DisplayName("after a reset (a takeover) the next publication carries every agent again")
    void resetPublishesEveryone() {
        AgentFiguresDelta delta = new AgentFiguresDelta();
        delta.select(figures(T0, "available", "available"), T0);
        delta.reset();
        assertEquals(2, delta.select(figures(T0.plusSeconds(1), "available", "available"), T0.plusSeconds(1))
                .agents().size());
    }
}
