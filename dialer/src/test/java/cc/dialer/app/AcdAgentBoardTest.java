package cc.dialer.app;

import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.LocalRecordCodec;
import cc.core.contract.QueueStatsUpdated;
import cc.core.testkit.Await;
import cc.core.testkit.ManualClock;
import cc.dialer.domain.pacing.AgentView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcdAgentBoardTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("the queue's agents are seen as the ACD reports them, and their talk and wrap-up times are told")
    void agentsAndTimes() {
        Instant t0 = Instant.parse("2026-11-23T08:00:00Z");
        ManualClock clock = new ManualClock(t0);
        LocalRecordCodec.registerContracts(vertx.eventBus());
        AcdAgentBoard board = new AcdAgentBoard(Map.of("sales", Set.of("a1", "a2", "a3"), "support", Set.of("b1")),
                clock);
        Await.result(board.start(vertx.eventBus()));
        List<String> times = new CopyOnWriteArrayList<>();
        board.listen("sales", (talk, wrap) -> times.add(talk.map(d -> "talk " + d.toSeconds()).orElse("")
                + wrap.map(d -> "wrap " + d.toSeconds()).orElse("")));

        var bus = vertx.eventBus();
        bus.publish(Addresses.ACD_QUEUE_STATS_UPDATED, new QueueStatsUpdated(List.of(), List.of(
                new QueueStatsUpdated.AgentFigures("a3", "paused", "lunch", t0.minusSeconds(60), 0)), t0));
        bus.publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a1", "available", "", t0));
        bus.publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a2", "on-call", "", t0));
        bus.publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("b1", "available", "", t0));
        bus.publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a2", "wrap-up", "",
                t0.plusSeconds(95)));
        bus.publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a2", "available", "",
                t0.plusSeconds(105)));
        clock.advance(Duration.ofSeconds(110));

        Await.until(() -> Future.succeededFuture(times.size() == 2 && board.agentsOf("sales").now().size() == 3),
                Duration.ofSeconds(5), "the events are taken in");
        assertEquals(List.of("talk 95", "wrap 10"), times);
        List<AgentView> sales = board.agentsOf("sales").now();
        assertEquals(2, sales.stream().filter(v -> v.activity() == AgentView.Activity.IDLE).count());
        assertEquals(1, sales.stream().filter(v -> v.activity() == AgentView.Activity.UNAVAILABLE).count(),
                "the paused agent known from the wallboard figures");
        assertEquals(1, board.agentsOf("support").now().size());
        assertEquals(List.of(), board.agentsOf("nobody").now());
        assertEquals(Optional.of(110.0), sales.stream().filter(v -> v.activity() == AgentView.Activity.IDLE)
                .map(AgentView::secondsInActivity).max(Double::compare));
    }

    @Test
    @DisplayName("with several nodes, the agents the routing ACD reports from another node are seen too")
    void agentsReportedByAnotherNode() {
        Instant t0 = Instant.parse("2026-11-23T08:00:00Z");
        LocalRecordCodec.registerContracts(vertx.eventBus());
        AcdAgentBoard board = new AcdAgentBoard(Map.of("out", Set.of("b1", "b2")), new ManualClock(t0));
        Await.result(board.start(vertx.eventBus()));

        var bus = vertx.eventBus();
        bus.publish(ClusterAddresses.fromPeers(Addresses.ACD_AGENT_STATE_CHANGED),
                new AgentStateChanged("b1", "available", "", t0));
        bus.publish(ClusterAddresses.fromPeers(Addresses.ACD_QUEUE_STATS_UPDATED), new QueueStatsUpdated(List.of(),
                List.of(new QueueStatsUpdated.AgentFigures("b2", "paused", "lunch", t0, 0)), t0));

        Await.until(() -> Future.succeededFuture(board.agentsOf("out").now().size() == 2), Duration.ofSeconds(5),
                "the relayed reports are taken in");
        assertEquals(Optional.of("available"), board.stateOf("b1"));
        assertEquals(Optional.of("paused"), board.stateOf("b2"));
    }
}
