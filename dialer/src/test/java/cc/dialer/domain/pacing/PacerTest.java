package cc.dialer.domain.pacing;

import cc.dialer.domain.simulation.ReferenceScenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacerTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final Pacer pacer = new Pacer();

    private static PacingEstimates estimates() {
        return new PacingEstimates(0.25, Distribution.uniform(3, 18), Distribution.uniform(1, 25),
                Distribution.lognormal(120, 0.2), Distribution.constant(10), 1.5);
    }

    private static AbandonCounts healthyWindow() {
        return new AbandonCounts(RegulatorRule.UK_OFCOM, 5000, 50, 0);
    }

    private static PacingSnapshot snapshot(PacingMode mode, List<AgentView> agents, List<Double> ringing,
                                           AbandonCounts window) {
        return new PacingSnapshot(NOW, PacingPolicy.of(mode, RegulatorRule.UK_OFCOM, 100), agents, ringing, 0,
                estimates(), window);
    }

    private static List<AgentView> agents(AgentView a, int n) {
        return new ArrayList<>(Collections.nCopies(n, a));
    }

    @Test
    @DisplayName("never dials when every agent has just started a call and none can be free within the ring window")
    void noAgentCanBeFree() {
        PacingSnapshot s = snapshot(PacingMode.PREDICTIVE, agents(AgentView.talking(1), 20), List.of(),
                healthyWindow());
        assertEquals(0, pacer.callsToPlace(s));
        assertEquals(0, pacer.callsToPlace(snapshot(PacingMode.PREDICTIVE, List.of(), List.of(), healthyWindow())));
    }

    @Test
    @DisplayName("progressive dials one line per free agent not already covered by a ringing call")
    void progressive() {
        List<AgentView> team = agents(AgentView.idle(), 5);
        team.addAll(agents(AgentView.talking(500), 10));
        assertEquals(3, pacer.callsToPlace(snapshot(PacingMode.PROGRESSIVE, team, List.of(4.0, 9.0),
                healthyWindow())));
    }

    @Test
    @DisplayName("preview mode leaves dialling to the agents")
    void preview() {
        assertEquals(0, pacer.callsToPlace(snapshot(PacingMode.PREVIEW, agents(AgentView.idle(), 5), List.of(),
                healthyWindow())));
    }

    @Test
    @DisplayName("predictive dials ahead for agents whose calls are about to end, more than progressive would")
    void dialsAheadOfAgentsFinishing() {
        List<AgentView> team = agents(AgentView.talking(125), 20);
        team.add(AgentView.idle());
        int predictive = pacer.callsToPlace(snapshot(PacingMode.PREDICTIVE, team, List.of(), healthyWindow()));
        int progressive = pacer.callsToPlace(snapshot(PacingMode.PROGRESSIVE, team, List.of(), healthyWindow()));
        assertEquals(1, progressive);
        assertTrue(predictive > progressive, "dials " + predictive + " lines for 20 agents past their mean talk time");
    }

    @Test
    @DisplayName("with the window's abandon budget spent, predictive falls back to progressive")
    void guardFallsBackToProgressive() {
        List<AgentView> team = agents(AgentView.talking(125), 20);
        team.add(AgentView.idle());
        AbandonCounts spent = new AbandonCounts(RegulatorRule.UK_OFCOM, 970, 30, 0);
        PacingDecision d = pacer.decide(snapshot(PacingMode.PREDICTIVE, team, List.of(), spent));
        assertEquals(1, d.calls());
        assertEquals(PacingMode.PROGRESSIVE, d.appliedMode());
    }

    @Test
    @DisplayName("machine-detection false positives spend the abandon budget under Ofcom's rule but not the US rule")
    void falsePositivesUnderEachRule() {
        List<AgentView> team = agents(AgentView.talking(125), 20);
        team.add(AgentView.idle());
        PacingSnapshot uk = new PacingSnapshot(NOW, PacingPolicy.of(PacingMode.PREDICTIVE, RegulatorRule.UK_OFCOM,
                100), team, List.of(), 0, estimates(), new AbandonCounts(RegulatorRule.UK_OFCOM, 970, 10, 20));
        PacingSnapshot us = new PacingSnapshot(NOW, PacingPolicy.of(PacingMode.PREDICTIVE, RegulatorRule.US_TSR,
                100), team, List.of(), 0, estimates(), new AbandonCounts(RegulatorRule.US_TSR, 970, 10, 20));
        assertEquals(PacingMode.PROGRESSIVE, pacer.decide(uk).appliedMode());
        assertEquals(1, pacer.decide(uk).calls());
        assertEquals(PacingMode.PREDICTIVE, pacer.decide(us).appliedMode());
        assertTrue(pacer.decide(us).calls() > 1);
    }

    @Test
    @DisplayName("the campaign's line cap bounds the dials")
    void lineCap() {
        PacingSnapshot s = new PacingSnapshot(NOW, PacingPolicy.of(PacingMode.PREDICTIVE, RegulatorRule.UK_OFCOM, 3),
                agents(AgentView.idle(), 20), List.of(2.0), 0, estimates(), healthyWindow());
        assertEquals(2, pacer.callsToPlace(s));
    }

    @Test
    @DisplayName("calls already ringing and callers waiting hold back new dials")
    void ringingCallsCount() {
        List<AgentView> team = agents(AgentView.wrapUp(6), 10);
        team.addAll(agents(AgentView.talking(125), 10));
        int free = pacer.callsToPlace(snapshot(PacingMode.PREDICTIVE, team, List.of(), healthyWindow()));
        assertTrue(free > 10, "dials " + free + " for 10 agents about to finish wrap-up and 10 near the end of calls");
        List<Double> ringing = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ringing.add(2.0);
        }
        int busy = pacer.callsToPlace(snapshot(PacingMode.PREDICTIVE, team, ringing, healthyWindow()));
        assertTrue(busy < free, busy + " < " + free);
        PacingSnapshot waiting = new PacingSnapshot(NOW, PacingPolicy.of(PacingMode.PREDICTIVE,
                RegulatorRule.UK_OFCOM, 100), team, List.of(), 15, estimates(), healthyWindow());
        assertTrue(pacer.callsToPlace(waiting) < free);
    }

    @Test
    @DisplayName("the reference scenario's priors are a valid starting point")
    void priorsAreUsable() {
        PacingSnapshot s = new PacingSnapshot(NOW, PacingPolicy.of(PacingMode.PREDICTIVE, RegulatorRule.US_TSR, 50),
                agents(AgentView.idle(), 10), List.of(), 0, ReferenceScenario.priors(), healthyWindow());
        assertTrue(pacer.callsToPlace(s) >= 10);
    }
}
