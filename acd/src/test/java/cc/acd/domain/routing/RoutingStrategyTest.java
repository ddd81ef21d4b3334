package cc.acd.domain.routing;

import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.RoutingStrategy;
import cc.acd.domain.queue.SkillRequirement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.assertOffered;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RoutingStrategyTest {

    private static Scenario queueWith(RoutingStrategy strategy, String... agentIds) {
        return new Scenario(List.of(QueueConfig.of("q").withStrategy(strategy)),
                java.util.Arrays.stream(agentIds).map(a -> agent(a, "q")).toList());
    }

    @Test
    @DisplayName("longest idle: the agent who has waited longest for a call gets the next one")
    void longestIdle() {
        Scenario s = queueWith(RoutingStrategy.LONGEST_IDLE, "a1", "a2", "a3");
        s.available(5, "a3");
        s.available(10, "a2");
        s.available(12, "a1");
        assertOffered("c1", "a3", s.arrive(20, "c1", "q"));
        s.handle(21, "c1", "a3", 10);
        assertOffered("c2", "a2", s.arrive(40, "c2", "q"));
        assertOffered("c3", "a1", s.arrive(41, "c3", "q"));
        assertOffered("c4", "a3", s.arrive(42, "c4", "q"));
    }

    @Test
    @DisplayName("least occupied: the agent with the least talk and wrap-up time since login gets the call")
    void leastOccupied() {
        Scenario s = queueWith(RoutingStrategy.LEAST_OCCUPIED, "a1", "a2");
        s.available(0, "a1");
        assertOffered("c1", "a1", s.arrive(1, "c1", "q"));
        s.available(2, "a2");
        assertOffered("c2", "a2", s.arrive(3, "c2", "q"));
        s.handle(4, "c1", "a1", 300);
        s.handle(4, "c2", "a2", 20);
        assertEquals(cc.acd.domain.agent.AgentStatus.AVAILABLE, s.status("a1"));
        // a2 has been idle for less time but was busy far less: least occupied prefers a2
        assertOffered("c3", "a2", s.arrive(400, "c3", "q"));
    }

    @Test
    @DisplayName("round robin: agents take calls in turn, whoever has been idle longest")
    void roundRobin() {
        Scenario s = queueWith(RoutingStrategy.ROUND_ROBIN, "a1", "a2", "a3");
        s.available(0, "a3");
        s.available(1, "a2");
        s.available(2, "a1");
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            double at = 10 + i * 10;
            AcdCommand.OfferCall o = Scenario.offer(s.arrive(at, "c" + i, "q"));
            order.append(o.agentId()).append(' ');
            s.handle(at + 1, "c" + i, o.agentId(), 1);
        }
        assertEquals("a1 a2 a3 a1 a2 a3 a1 ", order.toString());
    }

    @Test
    @DisplayName("best skill match: the most proficient agent takes the call, not the longest idle")
    void bestSkillMatch() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q").withStrategy(RoutingStrategy.BEST_SKILL_MATCH)),
                List.of(agent("novice", Map.of("billing", 3, "fa", 9), "q"),
                        agent("expert", Map.of("billing", 9, "fa", 9), "q"),
                        agent("middle", Map.of("billing", 6, "fa", 9), "q"),
                        agent("noskill", Map.of("fa", 10), "q")));
        s.available(0, "novice");
        s.available(0, "noskill");
        s.available(5, "middle");
        s.available(9, "expert");
        assertOffered("c1", "expert", s.arrive(20, "c1", "q", 0, new SkillRequirement("billing", 2),
                new SkillRequirement("fa", 1)));
        assertOffered("c2", "middle", s.arrive(21, "c2", "q", 0, new SkillRequirement("billing", 2)));
        assertOffered("c3", "novice", s.arrive(22, "c3", "q", 0, new SkillRequirement("billing", 2)));
        assertOffered("c4", "noskill", s.arrive(23, "c4", "q", 0, new SkillRequirement("fa", 5)));
    }

    @Test
    @DisplayName("changing a queue's strategy re-orders its available agents at once")
    void strategyChange() {
        Scenario s = queueWith(RoutingStrategy.LONGEST_IDLE, "a1", "a2");
        s.available(0, "a2");
        assertOffered("c0", "a2", s.arrive(1, "c0", "q"));
        s.handle(2, "c0", "a2", 1);
        s.available(5, "a1");
        s.apply(new AcdEvent.QueueConfigured(QueueConfig.of("q").withStrategy(RoutingStrategy.ROUND_ROBIN),
                Scenario.t(6)));
        assertOffered("c1", "a1", s.arrive(7, "c1", "q"));
    }

    @Test
    @DisplayName("each strategy's order is total and ranks as documented")
    void comparators() {
        var idleLong = new RoutingStrategy.Rank(1, 100, 500, 3, 4);
        var idleShortLessBusy = new RoutingStrategy.Rank(2, 200, 50, 1, 9);
        assertEquals(-1, Integer.signum(RoutingStrategy.LONGEST_IDLE.order().compare(idleLong, idleShortLessBusy)));
        assertEquals(1, Integer.signum(RoutingStrategy.LEAST_OCCUPIED.order().compare(idleLong, idleShortLessBusy)));
        assertEquals(1, Integer.signum(RoutingStrategy.ROUND_ROBIN.order().compare(idleLong, idleShortLessBusy)));
        assertEquals(1, Integer.signum(RoutingStrategy.BEST_SKILL_MATCH.order().compare(idleLong, idleShortLessBusy)));
        var twin = new RoutingStrategy.Rank(3, 100, 500, 3, 4);
        for (RoutingStrategy st : RoutingStrategy.values()) {
            assertEquals(-1, Integer.signum(st.order().compare(idleLong, twin)), st + " breaks ties by agent");
        }
    }

    @Test
    @DisplayName("each strategy's written-out order is the documented one, over random ranks with many ties")
    void writtenOutOrderMatchesTheDocumentedChains() {
        // the documented orders, as they were first written with Comparator chains
        Map<RoutingStrategy, java.util.Comparator<RoutingStrategy.Rank>> documented = Map.of(
                RoutingStrategy.LONGEST_IDLE, java.util.Comparator.comparingLong(RoutingStrategy.Rank::idleSince)
                        .thenComparingInt(RoutingStrategy.Rank::agentOrdinal),
                RoutingStrategy.LEAST_OCCUPIED, java.util.Comparator.comparingLong(RoutingStrategy.Rank::busyMillis)
                        .thenComparingLong(RoutingStrategy.Rank::idleSince)
                        .thenComparingInt(RoutingStrategy.Rank::agentOrdinal),
                RoutingStrategy.ROUND_ROBIN, java.util.Comparator
                        .comparingLong(RoutingStrategy.Rank::lastOfferedInQueue)
                        .thenComparingInt(RoutingStrategy.Rank::agentOrdinal),
                RoutingStrategy.BEST_SKILL_MATCH, java.util.Comparator.comparingInt(RoutingStrategy.Rank::skillScore)
                        .reversed().thenComparingLong(RoutingStrategy.Rank::idleSince)
                        .thenComparingInt(RoutingStrategy.Rank::agentOrdinal));
        java.util.Random rnd = new java.util.Random(17);
        for (int i = 0; i < 200_000; i++) {
            // small ranges so that every field ties often and the later tie-breakers decide
            var a = new RoutingStrategy.Rank(rnd.nextInt(4), rnd.nextInt(3), rnd.nextInt(3), rnd.nextInt(3),
                    rnd.nextInt(3));
            var b = new RoutingStrategy.Rank(rnd.nextInt(4), rnd.nextInt(3), rnd.nextInt(3), rnd.nextInt(3),
                    rnd.nextInt(3));
            for (RoutingStrategy st : RoutingStrategy.values()) {
                assertEquals(Integer.signum(documented.get(st).compare(a, b)), Integer.signum(st.order().compare(a, b)),
                        st + " " + a + " vs " + b);
            }
        }
    }
}
