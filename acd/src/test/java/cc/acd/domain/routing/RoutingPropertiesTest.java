package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.RoutingStrategy;
import cc.acd.domain.queue.SkillRelaxation;
import cc.acd.domain.queue.SkillRequirement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random but seeded event sequences against the router's promises. A failure names the seed and the event that
 * broke the promise; rerun that seed alone with {@code -Dacd.seed=<seed>}.
 */
class RoutingPropertiesTest {
    private static final int SEEDS = 300;
    private static final int EVENTS = 400;
    private static final String[] SKILLS = {"billing", "sales", "fa", "en"};
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    @DisplayName("no caller is ever offered to two agents and no agent ever gets two callers")
    void neverDoubleOffered() {
        List<AcdCommand> all = new ArrayList<>();
        forEachSeed(run -> {
            run.checkOffers();
            all.addAll(run.last);
        });
        // the sequences must reach the situations the promises are about, or passing proves nothing
        for (Class<?> kind : List.of(AcdCommand.OfferCall.class, AcdCommand.PlaceCallback.class,
                AcdCommand.CancelOffer.class, AcdCommand.Overflow.class, AcdCommand.AnnouncePosition.class,
                AcdCommand.EventRefused.class)) {
            assertTrue(all.stream().filter(kind::isInstance).count() > 20, "too few " + kind.getSimpleName());
        }
    }

    @Test
    @DisplayName("after every decision no available agent is idle while a caller that agent can take is waiting")
    void noIdleAgentWhileEligibleCallerWaits() {
        forEachSeed(run -> run.checkNoIdleEligible());
    }

    @Test
    @DisplayName("the router's view of agents and callers agrees with itself after every event")
    void stateIsConsistent() {
        forEachSeed(run -> run.checkConsistency());
    }

    @Test
    @DisplayName("replaying the same events gives the same commands")
    void deterministic() {
        for (long seed = 1; seed <= 50; seed++) {
            Run first = new Run(seed);
            first.play(null);
            AcdState replay = first.newState();
            List<AcdCommand> again = new ArrayList<>();
            for (AcdEvent e : first.events) {
                again.addAll(replay.apply(e));
            }
            assertEquals(first.commands, again, "seed " + seed);
        }
    }

    private interface Check {
        void after(Run run);
    }

    private static void forEachSeed(Check check) {
        String only = System.getProperty("acd.seed");
        long from = only == null ? 1 : Long.parseLong(only);
        long to = only == null ? SEEDS : from;
        for (long seed = from; seed <= to; seed++) {
            Run run = new Run(seed);
            run.play(check);
        }
    }

    /** One seeded sequence: a random configuration, and events chosen from what the commands so far allow. */
    private static final class Run {
        final long seed;
        final Random rnd;
        final List<QueueConfig> queues = new ArrayList<>();
        final List<AgentProfile> agents = new ArrayList<>();
        final Duration pointWorth;
        final List<AcdEvent> events = new ArrayList<>();
        final List<AcdCommand> commands = new ArrayList<>();
        AcdState acd;
        List<AcdCommand> last = List.of();
        AcdEvent lastEvent;
        long clock;
        int callSeq;
        /** call -> agent, for offers and reservations not yet answered, refused or cancelled. */
        final Map<String, String> offered = new LinkedHashMap<>();
        /** agent -> call the agent is ringing with, reserved for, or talking on. */
        final Map<String, String> holding = new LinkedHashMap<>();
        final Map<String, String> connected = new LinkedHashMap<>();
        final Map<String, Boolean> knownCalls = new LinkedHashMap<>();

        Run(long seed) {
            this.seed = seed;
            this.rnd = new Random(seed);
            this.pointWorth = Duration.ofSeconds(rnd.nextInt(60));
            int nq = 2 + rnd.nextInt(4);
            for (int i = 0; i < nq; i++) {
                queues.add(randomQueue("q" + i, nq));
            }
            int na = 2 + rnd.nextInt(9);
            for (int i = 0; i < na; i++) {
                agents.add(randomAgent("a" + i, nq));
            }
        }

        AcdState newState() {
            return new AcdState(pointWorth, queues, agents, T0);
        }

        QueueConfig randomQueue(String id, int nq) {
            RoutingStrategy[] strategies = RoutingStrategy.values();
            QueueConfig q = QueueConfig.of(id).withStrategy(strategies[rnd.nextInt(strategies.length)]);
            OverflowTarget target = switch (rnd.nextInt(3)) {
                case 0 -> new OverflowTarget.ToVoicemail(id);
                case 1 -> new OverflowTarget.ToCallback();
                default -> new OverflowTarget.ToQueue("q" + ((Integer.parseInt(id.substring(1)) + 1) % nq));
            };
            q = q.withLimits(rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(6),
                    rnd.nextBoolean() ? Duration.ZERO : Duration.ofSeconds(30 + rnd.nextInt(300)), target);
            List<SkillRequirement> req = rnd.nextInt(3) == 0
                    ? List.of(new SkillRequirement(SKILLS[rnd.nextInt(SKILLS.length)], 1 + rnd.nextInt(6)))
                    : List.of();
            SkillRelaxation relax = rnd.nextBoolean() ? SkillRelaxation.NONE
                    : new SkillRelaxation(Duration.ofSeconds(5 + rnd.nextInt(60)), 1 + rnd.nextInt(3));
            return q.withSkills(req, relax).withPriorityBoost(rnd.nextInt(3))
                    .withWrapUp(Duration.ofSeconds(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(40)))
                    .withAnnouncements(Duration.ofSeconds(rnd.nextInt(2) * 45), Duration.ofSeconds(120));
        }

        AgentProfile randomAgent(String id, int nq) {
            Map<String, Integer> skills = new HashMap<>();
            for (String s : SKILLS) {
                if (rnd.nextInt(3) > 0) {
                    skills.put(s, 1 + rnd.nextInt(10));
                }
            }
            List<String> served = new ArrayList<>();
            for (int i = 0; i < nq; i++) {
                if (rnd.nextInt(2) == 0) {
                    served.add("q" + i);
                }
            }
            return new AgentProfile(id, skills, served);
        }

        void play(Check check) {
            acd = newState();
            for (int i = 0; i < EVENTS; i++) {
                clock += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(20_000);
                AcdEvent e = nextEvent(Instant.ofEpochMilli(T0.toEpochMilli() + clock));
                lastEvent = e;
                events.add(e);
                try {
                    last = acd.apply(e);
                    commands.addAll(last);
                    track(e, last);
                    if (check != null) {
                        check.after(this);
                    }
                } catch (AssertionError | RuntimeException ex) {
                    throw new AssertionError("seed " + seed + " (rerun with -Dacd.seed=" + seed + "), event #" + i
                            + " " + e + " -> " + last + ": " + ex.getMessage(), ex);
                }
            }
        }

        AcdEvent nextEvent(Instant at) {
            String agent = agents.get(rnd.nextInt(agents.size())).agentId();
            int kind = rnd.nextInt(100);
            if (kind < 30) {
                String id = "c" + (++callSeq);
                knownCalls.put(id, true);
                List<SkillRequirement> skills = rnd.nextInt(3) == 0
                        ? List.of(new SkillRequirement(SKILLS[rnd.nextInt(SKILLS.length)], 1 + rnd.nextInt(10)))
                        : List.of();
                return new AcdEvent.CallArrived(id, queues.get(rnd.nextInt(queues.size())).id(), skills,
                        rnd.nextInt(4) == 0 ? rnd.nextInt(5) : 0, rnd.nextInt(5) == 0 ? "" : "0912" + id, at);
            }
            if (kind < 45 && !offered.isEmpty()) {
                var pick = pick(offered);
                return rnd.nextInt(4) == 0 ? new AcdEvent.RingNoAnswer(pick.getKey(), pick.getValue(), at)
                        : new AcdEvent.AgentAnswered(pick.getKey(), pick.getValue(), at);
            }
            if (kind < 55 && !connected.isEmpty()) {
                return new AcdEvent.CallEnded(pick(connected).getKey(), at);
            }
            if (kind < 62 && !knownCalls.isEmpty()) {
                return new AcdEvent.CallAbandoned(pick(knownCalls).getKey(), at);
            }
            if (kind < 78) {
                AgentStatus target = switch (rnd.nextInt(6)) {
                    case 0, 1, 2 -> AgentStatus.AVAILABLE;
                    case 3, 4 -> AgentStatus.PAUSED;
                    default -> AgentStatus.LOGGED_OUT;
                };
                return new AcdEvent.AgentStateChanged(agent, target, "break", at);
            }
            if (kind < 82) {
                return new AcdEvent.WrapUpEnded(agent, at);
            }
            if (kind < 85 && !knownCalls.isEmpty()) {
                return new AcdEvent.CallbackRequested(pick(knownCalls).getKey(), "021" + rnd.nextInt(1000), at);
            }
            if (kind < 88) {
                String id = "cb" + (++callSeq);
                knownCalls.put(id, true);
                return new AcdEvent.CallbackScheduled(id, queues.get(rnd.nextInt(queues.size())).id(), List.of(),
                        0, "021" + id, at.plusSeconds(rnd.nextInt(600)), at);
            }
            if (kind < 90) {
                return new AcdEvent.QueueHoursChanged(queues.get(rnd.nextInt(queues.size())).id(),
                        rnd.nextInt(3) > 0, at);
            }
            if (kind < 92) {
                AgentProfile changed = randomAgent(agent, queues.size());
                return new AcdEvent.AgentProfileChanged(changed, at);
            }
            if (kind < 93) {
                QueueConfig q = queues.get(rnd.nextInt(queues.size()));
                return new AcdEvent.QueueConfigured(
                        q.withStrategy(RoutingStrategy.values()[rnd.nextInt(RoutingStrategy.values().length)]), at);
            }
            return new AcdEvent.Tick(at);
        }

        <K, V> Map.Entry<K, V> pick(Map<K, V> map) {
            int n = rnd.nextInt(map.size());
            for (Map.Entry<K, V> e : map.entrySet()) {
                if (n-- == 0) {
                    return e;
                }
            }
            throw new IllegalStateException();
        }

        /** Keeps the test's own record of who holds what, from the commands and the accepted events only. */
        void track(AcdEvent e, List<AcdCommand> cmds) {
            boolean refused = cmds.stream().anyMatch(c -> c instanceof AcdCommand.EventRefused);
            if (!refused) {
                if (e instanceof AcdEvent.AgentAnswered a) {
                    offered.remove(a.callId());
                    connected.put(a.callId(), a.agentId());
                } else if (e instanceof AcdEvent.RingNoAnswer r) {
                    offered.remove(r.callId());
                    holding.remove(r.agentId());
                } else if (e instanceof AcdEvent.CallEnded c) {
                    release(c.callId());
                } else if (e instanceof AcdEvent.CallAbandoned c) {
                    release(c.callId());
                }
            }
            for (AcdCommand c : cmds) {
                if (c instanceof AcdCommand.OfferCall o) {
                    hold(o.callId(), o.agentId());
                } else if (c instanceof AcdCommand.PlaceCallback p) {
                    hold(p.callId(), p.agentId());
                } else if (c instanceof AcdCommand.CancelOffer x) {
                    String was = offered.remove(x.callId());
                    boolean releasedByThisEvent = e instanceof AcdEvent.CallAbandoned a && a.callId().equals(x.callId())
                            || e instanceof AcdEvent.CallEnded d && d.callId().equals(x.callId());
                    assertTrue(x.agentId().equals(was) || was == null && releasedByThisEvent,
                            "cancelled an offer that was not made: " + x);
                    holding.remove(x.agentId());
                } else if (c instanceof AcdCommand.Overflow o && !(o.target() instanceof OverflowTarget.ToQueue)
                        && !(o.target() instanceof OverflowTarget.ToCallback)) {
                    knownCalls.remove(o.callId());
                }
            }
        }

        void hold(String callId, String agentId) {
            assertTrue(!offered.containsKey(callId), "call " + callId + " offered to " + agentId
                    + " while still offered to " + offered.get(callId));
            assertTrue(!connected.containsKey(callId), "call " + callId + " offered while connected");
            assertTrue(!holding.containsKey(agentId), "agent " + agentId + " offered " + callId
                    + " while holding " + holding.get(agentId));
            offered.put(callId, agentId);
            holding.put(agentId, callId);
        }

        void release(String callId) {
            String agent = offered.remove(callId);
            String talking = connected.remove(callId);
            if (agent != null) {
                holding.remove(agent);
            }
            if (talking != null) {
                holding.remove(talking);
            }
            knownCalls.remove(callId);
        }

        void checkOffers() {
            // the tracking in track() asserts on every offer; here the router's own view must match it
            for (Map.Entry<String, String> o : offered.entrySet()) {
                AgentState s = acd.agentState(o.getValue()).orElseThrow();
                assertTrue(s.status() == AgentStatus.RINGING || s.status() == AgentStatus.RESERVED,
                        "agent " + o.getValue() + " offered " + o.getKey() + " but is " + s);
                assertEquals(o.getKey(), s.callId());
            }
        }

        void checkNoIdleEligible() {
            for (String agentId : acd.agentIds()) {
                if (acd.agentState(agentId).orElseThrow().status() != AgentStatus.AVAILABLE) {
                    continue;
                }
                AgentProfile p = acd.agentProfile(agentId).orElseThrow();
                for (String q : p.queues()) {
                    for (CallView c : acd.waiting(q)) {
                        boolean canTake = c.requiredSkills().stream().allMatch(r -> p.level(r.skill()) >= r.minLevel());
                        assertTrue(!canTake, "agent " + agentId + " is available while " + c + " waits in " + q);
                    }
                }
            }
        }

        void checkConsistency() {
            Map<String, String> agentOfCall = new HashMap<>();
            for (CallView c : acd.calls()) {
                switch (c.phase()) {
                    case OFFERED, RESERVED, CONNECTED -> {
                        AgentState s = acd.agentState(c.agentId()).orElseThrow();
                        assertEquals(c.callId(), s.callId(), c + " vs " + s);
                        AgentStatus expected = c.phase() == CallPhase.OFFERED ? AgentStatus.RINGING
                                : c.phase() == CallPhase.RESERVED ? AgentStatus.RESERVED : AgentStatus.ON_CALL;
                        assertEquals(expected, s.status(), c.toString());
                        assertTrue(agentOfCall.put(c.agentId(), c.callId()) == null, "agent holds two calls");
                    }
                    case WAITING -> assertTrue(acd.waiting(c.queueId()).contains(c), c + " not in its line");
                    case SCHEDULED -> assertTrue(c.virtual());
                }
            }
            for (String agentId : acd.agentIds()) {
                AgentState s = acd.agentState(agentId).orElseThrow();
                if (s.status() == AgentStatus.RINGING || s.status() == AgentStatus.RESERVED
                        || s.status() == AgentStatus.ON_CALL) {
                    assertEquals(s.callId(), agentOfCall.get(agentId), agentId + " " + s);
                }
            }
            int waiting = 0;
            for (String q : acd.queueIds()) {
                waiting += acd.waiting(q).size();
                QueueConfig cfg = acd.queueConfig(q).orElseThrow();
                long live = acd.calls().stream().filter(c -> c.queueId().equals(q) && !c.virtual()
                        && (c.phase() == CallPhase.WAITING || c.phase() == CallPhase.OFFERED)).count();
                assertTrue(cfg.maxWaiting() == 0 || live <= cfg.maxWaiting(), q + " over its limit: " + live);
            }
            long waitingCalls = acd.calls().stream().filter(c -> c.phase() == CallPhase.WAITING).count();
            assertEquals(waitingCalls, waiting, "every waiting caller is in exactly one line");
        }
    }
}
