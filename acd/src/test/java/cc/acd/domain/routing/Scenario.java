package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.SkillRequirement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Drives an {@link AcdState} on a virtual clock measured in seconds from {@link #T0}. */
final class Scenario {
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    final AcdState acd;
    final List<AcdCommand> log = new ArrayList<>();

    Scenario(Duration priorityPointWorth, List<QueueConfig> queues, List<AgentProfile> agents) {
        acd = new AcdState(priorityPointWorth, queues, agents, T0);
    }

    Scenario(List<QueueConfig> queues, List<AgentProfile> agents) {
        this(Duration.ofSeconds(30), queues, agents);
    }

    static Instant t(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    static AgentProfile agent(String id, Map<String, Integer> skills, String... queues) {
        return new AgentProfile(id, skills, Arrays.asList(queues));
    }

    static AgentProfile agent(String id, String... queues) {
        return agent(id, Map.of(), queues);
    }

    List<AcdCommand> apply(AcdEvent e) {
        List<AcdCommand> cmds = acd.apply(e);
        log.addAll(cmds);
        return cmds;
    }

    List<AcdCommand> available(double at, String agentId) {
        return apply(new AcdEvent.AgentStateChanged(agentId, AgentStatus.AVAILABLE, "", t(at)));
    }

    List<AcdCommand> pause(double at, String agentId, String reason) {
        return apply(new AcdEvent.AgentStateChanged(agentId, AgentStatus.PAUSED, reason, t(at)));
    }

    List<AcdCommand> arrive(double at, String callId, String queue) {
        return arrive(at, callId, queue, 0);
    }

    List<AcdCommand> arrive(double at, String callId, String queue, int priority, SkillRequirement... skills) {
        return apply(new AcdEvent.CallArrived(callId, queue, List.of(skills), priority, "0912" + callId, t(at)));
    }

    List<AcdCommand> answer(double at, String callId, String agentId) {
        return apply(new AcdEvent.AgentAnswered(callId, agentId, t(at)));
    }

    List<AcdCommand> end(double at, String callId) {
        return apply(new AcdEvent.CallEnded(callId, t(at)));
    }

    List<AcdCommand> tick(double at) {
        return apply(new AcdEvent.Tick(t(at)));
    }

    /** Offers the call, lets the agent answer and end it at once: the agent is available again afterwards. */
    List<AcdCommand> handle(double at, String callId, String agentId, double talkSeconds) {
        answer(at, callId, agentId);
        return end(at + talkSeconds, callId);
    }

    static <T extends AcdCommand> List<T> only(Class<T> type, List<AcdCommand> cmds) {
        List<T> list = new ArrayList<>();
        for (AcdCommand c : cmds) {
            if (type.isInstance(c)) {
                list.add(type.cast(c));
            }
        }
        return list;
    }

    /** The single offer among the commands. */
    static AcdCommand.OfferCall offer(List<AcdCommand> cmds) {
        List<AcdCommand.OfferCall> offers = only(AcdCommand.OfferCall.class, cmds);
        if (offers.size() != 1) {
            fail("expected one offer in " + cmds);
        }
        return offers.get(0);
    }

    static void assertOffered(String callId, String agentId, List<AcdCommand> cmds) {
        AcdCommand.OfferCall o = offer(cmds);
        assertEquals(callId + "->" + agentId, o.callId() + "->" + o.agentId(), "offer in " + cmds);
    }

    static void assertNoOffer(List<AcdCommand> cmds) {
        assertEquals(List.of(), only(AcdCommand.OfferCall.class, cmds), "no offer expected");
    }

    AgentStatus status(String agentId) {
        return acd.agentState(agentId).orElseThrow().status();
    }
}
