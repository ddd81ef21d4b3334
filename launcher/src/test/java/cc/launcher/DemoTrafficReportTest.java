package cc.launcher;

import cc.core.contract.QueueStatsUpdated;
import cc.simulator.SimulatorStats;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoTrafficReportTest {
    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    private static QueueStatsUpdated.AgentFigures agent(String id, String state) {
        return new QueueStatsUpdated.AgentFigures(id, state, "", T, 0);
    }

    @Test
    @DisplayName("the demo's traffic line counts every agent, though the ACD's updates between full ones carry only the changed")
    void countsEveryAgent() {
        Map<String, String> states = new HashMap<>();
        QueueStatsUpdated full = new QueueStatsUpdated(List.of(), List.of(agent("a1", "available"),
                agent("a2", "available"), agent("a3", "paused")), T);
        QueueStatsUpdated delta = new QueueStatsUpdated(List.of(new QueueStatsUpdated.QueueFigures("support", 2, 30,
                0.8, 1, 5, 12, 95)), List.of(agent("a2", "on-call")), T.plusSeconds(1));
        DemoTrafficReport.remember(states, full);
        DemoTrafficReport.remember(states, delta);
        SimulatorStats sim = new SimulatorStats(9, 7, 1, 5, 8, 0, 1, Map.of(), Map.of(), Map.of());
        String line = DemoTrafficReport.line(sim, delta, states, List.of());
        assertTrue(line.contains("inbound calls 9, through the IVR 8; waiting now 2, agents on a call 1/3; this"
                + " interval: answered by agents 5, abandoned 1"), line);
    }
}
