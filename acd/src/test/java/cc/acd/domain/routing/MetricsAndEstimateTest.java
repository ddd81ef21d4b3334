package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.estimate.WaitCalibration;
import cc.acd.domain.metrics.AgentMetrics;
import cc.acd.domain.metrics.IntervalSnapshot;
import cc.acd.domain.metrics.QueueMetrics;
import cc.acd.domain.queue.QueueConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsAndEstimateTest {

    @Test
    @DisplayName("queue figures: waiting, longest wait, service level, abandoned, answered, ASA and AHT")
    void queueFigures() {
        QueueConfig q = QueueConfig.of("q").withServiceLevel(Duration.ofSeconds(20)).withWrapUp(Duration.ofSeconds(10));
        Scenario s = new Scenario(List.of(q), List.of(agent("a", "q")));
        s.available(0, "a");
        s.arrive(0, "fast", "q");                     // answered after 5 s: within the threshold
        s.answer(5, "fast", "a");
        s.arrive(10, "slow", "q");
        s.arrive(12, "gone", "q");
        s.apply(new AcdEvent.CallAbandoned("gone", Scenario.t(40)));
        s.end(65, "fast");                            // talk 60 + wrap 10 = 70 s handle time
        s.tick(75);                                   // wrap-up over: "slow" rings at 75
        s.answer(80, "slow", "a");                    // waited 70 s: outside the threshold
        s.arrive(90, "waiting", "q");
        QueueMetrics m = s.acd.queueMetrics("q", Scenario.t(100)).orElseThrow();
        assertEquals(1, m.waiting());
        assertEquals(Duration.ofSeconds(10), m.longestWait());
        assertEquals(4, m.offered());
        assertEquals(2, m.answered());
        assertEquals(1, m.answeredWithinThreshold());
        assertEquals(1, m.abandoned());
        assertEquals(Optional.of(1 / 3.0), m.serviceLevel());
        assertEquals(Optional.of(Duration.ofMillis(37_500)), m.averageSpeedOfAnswer());
        assertEquals(Optional.of(Duration.ofSeconds(70)), m.averageHandleTime());
        assertEquals(1, m.agentsStaffed());
        assertEquals(0, m.agentsAvailable());
    }

    @Test
    @DisplayName("agent figures: time in each state and calls handled; closing an interval starts the next at zero")
    void agentFiguresAndIntervals() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q")), List.of(agent("a", "q")));
        s.available(100, "a");
        s.arrive(130, "c", "q");
        s.answer(140, "c", "a");
        s.end(200, "c");
        s.pause(260, "a", "lunch");
        AgentMetrics m = s.acd.agentMetrics(Scenario.t(300)).get(0);
        assertEquals(Duration.ofSeconds(100), m.timeIn(AgentStatus.LOGGED_OUT));
        assertEquals(Duration.ofSeconds(90), m.timeIn(AgentStatus.AVAILABLE));
        assertEquals(Duration.ofSeconds(10), m.timeIn(AgentStatus.RINGING));
        assertEquals(Duration.ofSeconds(60), m.timeIn(AgentStatus.ON_CALL));
        assertEquals(Duration.ofSeconds(40), m.timeIn(AgentStatus.PAUSED));
        assertEquals(1, m.callsHandled());

        IntervalSnapshot first = s.acd.closeInterval(Scenario.t(900));
        assertEquals(Scenario.T0, first.start());
        assertEquals(Scenario.t(900), first.end());
        assertEquals(Duration.ofSeconds(640), first.agents().get(0).timeIn(AgentStatus.PAUSED));
        assertEquals(1, first.queues().get(0).answered());
        IntervalSnapshot second = s.acd.closeInterval(Scenario.t(1800));
        assertEquals(Scenario.t(900), second.start());
        assertEquals(Duration.ofSeconds(900), second.agents().get(0).timeIn(AgentStatus.PAUSED));
        assertEquals(0, second.agents().get(0).callsHandled());
        assertEquals(0, second.queues().get(0).answered());
    }

    @Test
    @DisplayName("a waiting caller hears the position in line and an estimated wait, again at each announcement")
    void announcements() {
        QueueConfig q = QueueConfig.of("q").withAnnouncements(Duration.ofSeconds(30), Duration.ofSeconds(120));
        Scenario s = new Scenario(List.of(q), List.of(agent("a1", "q"), agent("a2", "q")));
        s.available(0, "a1");
        s.available(0, "a2");
        s.arrive(1, "x", "q");
        s.arrive(1, "y", "q");
        s.arrive(2, "c1", "q");
        List<AcdCommand.AnnouncePosition> first = only(AcdCommand.AnnouncePosition.class, s.arrive(3, "c2", "q"));
        assertEquals(1, first.size());
        assertEquals(2, first.get(0).position());
        assertEquals(Optional.of(Duration.ofSeconds(120)), first.get(0).estimatedWait(), "2 x 120 s / 2 agents");
        s.apply(new AcdEvent.CallAbandoned("c1", Scenario.t(10)));
        List<AcdCommand.AnnouncePosition> again = only(AcdCommand.AnnouncePosition.class, s.tick(33));
        assertEquals(1, again.size(), again.toString());
        assertEquals(1, again.get(0).position());
        assertEquals(Optional.of(again.get(0)), s.acd.position("c2"));
    }

    /**
     * A steady day in one queue: Poisson arrivals at 90% occupancy, exponential talk times, agents answering after
     * a few seconds. The estimate told on arrival must land, for half the callers, within a minute of the actual
     * wait, and the calibration report must say so.
     */
    @Test
    @DisplayName("estimated waits track actual waits in a steady queue, and the calibration error is reported")
    void calibrationInASteadyQueue() {
        int agents = 10;
        double ahtSeconds = 120;
        QueueConfig q = QueueConfig.of("q").withAnnouncements(Duration.ZERO, Duration.ofSeconds(120));
        List<cc.acd.domain.agent.AgentProfile> profiles = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            profiles.add(agent("a" + i, "q"));
        }
        Scenario s = new Scenario(List.of(q), profiles);
        for (int i = 0; i < agents; i++) {
            s.available(0, "a" + i);
        }
        Random rnd = new Random(42);
        record Pending(double at, AcdEvent event) {}
        PriorityQueue<Pending> future = new PriorityQueue<>((x, y) -> Double.compare(x.at, y.at));
        double arrivalRate = 0.97 * agents / ahtSeconds;
        double t = 0;
        for (int i = 0; i < 6000; i++) {
            t += -Math.log(1 - rnd.nextDouble()) / arrivalRate;
            future.add(new Pending(t, new AcdEvent.CallArrived("c" + i, "q", List.of(), 0, "", Scenario.t(t))));
        }
        Deque<AcdCommand> todo = new ArrayDeque<>();
        while (!future.isEmpty()) {
            Pending p = future.poll();
            todo.addAll(s.apply(p.event));
            while (!todo.isEmpty()) {
                if (todo.poll() instanceof AcdCommand.OfferCall o) {
                    double answerAt = p.at + 3;
                    double endAt = answerAt + -Math.log(1 - rnd.nextDouble()) * ahtSeconds;
                    future.add(new Pending(answerAt, new AcdEvent.AgentAnswered(o.callId(), o.agentId(),
                            Scenario.t(answerAt))));
                    future.add(new Pending(endAt, new AcdEvent.CallEnded(o.callId(), Scenario.t(endAt))));
                }
            }
        }
        WaitCalibration.CalibrationReport r = s.acd.waitCalibration();
        assertTrue(r.samples() > 1000, r.toString());
        assertTrue(r.medianAbsError().toSeconds() < 60, r.toString());
        assertTrue(r.p90AbsError().compareTo(r.medianAbsError()) >= 0, r.toString());
    }
}
