package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentCapacity;
import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.media.MediaSettings;
import cc.acd.domain.metrics.AgentMetrics;
import cc.acd.domain.metrics.QueueMetrics;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.RoutingStrategy;
import cc.acd.domain.queue.SkillRelaxation;
import cc.acd.domain.queue.SkillRequirement;
import cc.core.domain.interaction.InteractionChannel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the router's decisions: long seeded event sequences (calls, callbacks, chats and emails, agents coming and
 * going, configuration changes) are applied and every command, plus the figures at the end, goes into one digest
 * recorded from the router as it was before its hot paths were made faster. A speed-up must not change a single
 * decision, and the properties tests only check promises, not which agent gets which caller; this does.
 *
 * <p>When a change of behaviour is meant (a new rule, a changed tie-break), print the new digest with
 * {@code -Dacd.digest.print=true}, check the change with the behaviour tests, and update {@link #EXPECTED}.
 */
class RouterReplayDigestTest {
    private static final String EXPECTED = "2a35b4ce261281e12a501ff749d794e5caa8f869dc5c2e63d28894608c1c4947";
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String[] SKILLS = {"billing", "sales", "fa", "en", "de"};

    @Test
    @DisplayName("the same events give the same commands as the router before its speed-ups, decision by decision")
    void sameDecisionsAsBefore() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long commands = 0;
        for (long seed = 1; seed <= 12; seed++) {
            commands += new Run(seed).play(md);
        }
        String digest = HexFormat.of().formatHex(md.digest());
        if (Boolean.getBoolean("acd.digest.print")) {
            System.out.println("router replay digest: " + digest + " over " + commands + " commands");
        }
        assertEquals(EXPECTED, digest, "the router decided differently from before (" + commands + " commands)");
    }

    /** One seeded sequence: a random configuration, and events chosen from what the commands so far allow. */
    private static final class Run {
        final Random rnd;
        final List<QueueConfig> queues = new ArrayList<>();
        final List<AgentProfile> agents = new ArrayList<>();
        final Map<String, String> offered = new LinkedHashMap<>();
        final Map<String, String> connected = new LinkedHashMap<>();
        final Map<String, Boolean> knownCalls = new LinkedHashMap<>();
        final Map<String, String> mediaOffered = new LinkedHashMap<>();
        final Map<String, String> mediaHeld = new LinkedHashMap<>();
        final Map<String, Boolean> knownMedia = new LinkedHashMap<>();
        final boolean withMedia;
        long clock;
        int seq;

        Run(long seed) {
            rnd = new Random(seed);
            withMedia = seed % 3 != 0;
            int nq = 3 + rnd.nextInt(6);
            for (int i = 0; i < nq; i++) {
                queues.add(randomQueue("q" + i, nq));
            }
            int na = 5 + rnd.nextInt(40);
            for (int i = 0; i < na; i++) {
                agents.add(randomAgent("a" + i, nq));
            }
        }

        QueueConfig randomQueue(String id, int nq) {
            RoutingStrategy[] strategies = RoutingStrategy.values();
            QueueConfig q = QueueConfig.of(id).withStrategy(strategies[rnd.nextInt(strategies.length)]);
            OverflowTarget target = switch (rnd.nextInt(3)) {
                case 0 -> new OverflowTarget.ToVoicemail(id);
                case 1 -> new OverflowTarget.ToCallback();
                default -> new OverflowTarget.ToQueue("q" + ((Integer.parseInt(id.substring(1)) + 1) % nq));
            };
            q = q.withLimits(rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(12),
                    rnd.nextBoolean() ? Duration.ZERO : Duration.ofSeconds(30 + rnd.nextInt(300)), target);
            List<SkillRequirement> req = rnd.nextInt(2) == 0
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
                if (rnd.nextInt(3) == 0) {
                    served.add("q" + i);
                }
            }
            return new AgentProfile(id, skills, served);
        }

        long play(MessageDigest md) {
            MediaSettings media = new MediaSettings(new AgentCapacity(1, 2, 3,
                    rnd.nextBoolean() ? AgentCapacity.Mix.VOICE_ALONE : AgentCapacity.Mix.FREE),
                    Map.of("a0", new AgentCapacity(0, 3, 3, AgentCapacity.Mix.FREE)), Duration.ofSeconds(20),
                    Map.of(InteractionChannel.CHAT, Duration.ofSeconds(5)));
            AcdState acd = new AcdState(Duration.ofSeconds(rnd.nextInt(60)), queues, agents, T0, media);
            long count = 0;
            for (int i = 0; i < 2_000; i++) {
                clock += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(8_000);
                Instant at = Instant.ofEpochMilli(T0.toEpochMilli() + clock);
                AcdEvent e = nextEvent(at);
                List<AcdCommand> cmds = acd.apply(e);
                track(e, cmds);
                for (AcdCommand c : cmds) {
                    md.update((canonical(c) + "\n").getBytes(StandardCharsets.UTF_8));
                    count++;
                }
            }
            Instant end = Instant.ofEpochMilli(T0.toEpochMilli() + clock);
            for (QueueMetrics m : acd.queueMetrics(end)) {
                md.update((m + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (AgentMetrics m : acd.agentMetrics(end)) {
                md.update((m.agentId() + m.state() + new TreeMap<>(m.timeInStatus()) + m.callsHandled() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (String q : acd.queueIds()) {
                md.update((acd.waiting(q) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            md.update((acd.waitCalibration() + "\n").getBytes(StandardCharsets.UTF_8));
            return count;
        }

        /** The command as text, with its maps in key order (an immutable map's own order differs per JVM run). */
        static String canonical(AcdCommand c) {
            if (c instanceof AcdCommand.MediaLoadChanged m) {
                return "MediaLoadChanged[" + m.agentId() + ", " + new TreeMap<>(m.held()) + "]";
            }
            if (c instanceof AcdCommand.OfferMedia o) {
                return "OfferMedia[" + o.interactionId() + ", " + o.agentId() + ", " + o.channel() + ", "
                        + o.queueId() + ", " + new TreeMap<>(o.data()) + "]";
            }
            if (c instanceof AcdCommand.EventRefused r) {
                return "EventRefused[" + r.event().getClass().getSimpleName() + ", " + r.reason() + "]";
            }
            return c.toString();
        }

        AcdEvent nextEvent(Instant at) {
            String agent = agents.get(rnd.nextInt(agents.size())).agentId();
            String queue = queues.get(rnd.nextInt(queues.size())).id();
            int kind = rnd.nextInt(withMedia ? 120 : 100);
            if (kind < 30) {
                String id = "c" + (++seq);
                knownCalls.put(id, true);
                List<SkillRequirement> skills = rnd.nextInt(3) == 0
                        ? List.of(new SkillRequirement(SKILLS[rnd.nextInt(SKILLS.length)], 1 + rnd.nextInt(10)))
                        : List.of();
                return new AcdEvent.CallArrived(id, queue, skills, rnd.nextInt(4) == 0 ? rnd.nextInt(5) : 0,
                        rnd.nextInt(5) == 0 ? "" : "0912" + id, at);
            }
            if (kind < 45 && !offered.isEmpty()) {
                var pick = pick(offered);
                return rnd.nextInt(4) == 0 ? new AcdEvent.RingNoAnswer(pick.getKey(), pick.getValue(), at)
                        : new AcdEvent.AgentAnswered(pick.getKey(), pick.getValue(), at);
            }
            if (kind < 57 && !connected.isEmpty()) {
                return new AcdEvent.CallEnded(pick(connected).getKey(), at);
            }
            if (kind < 63 && !knownCalls.isEmpty()) {
                return new AcdEvent.CallAbandoned(pick(knownCalls).getKey(), at);
            }
            if (kind < 78) {
                AgentStatus target = switch (rnd.nextInt(8)) {
                    case 0, 1, 2, 3, 4 -> AgentStatus.AVAILABLE;
                    case 5, 6 -> AgentStatus.PAUSED;
                    default -> AgentStatus.LOGGED_OUT;
                };
                return new AcdEvent.AgentStateChanged(agent, target, "break", at);
            }
            if (kind < 81) {
                return new AcdEvent.WrapUpEnded(agent, at);
            }
            if (kind < 83 && !knownCalls.isEmpty()) {
                return new AcdEvent.CallbackRequested(pick(knownCalls).getKey(), "021" + rnd.nextInt(1000), at);
            }
            if (kind < 86) {
                String id = "cb" + (++seq);
                knownCalls.put(id, true);
                return new AcdEvent.CallbackScheduled(id, queue, List.of(), rnd.nextInt(3), "021" + id,
                        at.plusSeconds(rnd.nextInt(600)), at);
            }
            if (kind < 87) {
                return new AcdEvent.QueueHoursChanged(queue, rnd.nextInt(4) > 0, at);
            }
            if (kind < 88) {
                return new AcdEvent.AgentProfileChanged(randomAgent(agent, queues.size()), at);
            }
            if (kind < 89) {
                QueueConfig q = queues.get(rnd.nextInt(queues.size()));
                return new AcdEvent.QueueConfigured(
                        q.withStrategy(RoutingStrategy.values()[rnd.nextInt(RoutingStrategy.values().length)]), at);
            }
            if (kind < 100) {
                return new AcdEvent.Tick(at);
            }
            if (kind < 106) {
                String id = "m" + (++seq);
                knownMedia.put(id, true);
                InteractionChannel ch = rnd.nextBoolean() ? InteractionChannel.CHAT : InteractionChannel.EMAIL;
                return new AcdEvent.MediaArrived(id, ch, queue, List.of(), rnd.nextInt(3), Map.of("topic", id),
                        at.minusSeconds(rnd.nextInt(30)), at);
            }
            if (kind < 112 && !mediaOffered.isEmpty()) {
                var pick = pick(mediaOffered);
                return new AcdEvent.MediaAnswered(pick.getKey(), pick.getValue(), rnd.nextInt(5) > 0, at);
            }
            if (kind < 114 && !mediaHeld.isEmpty()) {
                var pick = pick(mediaHeld);
                return new AcdEvent.MediaTransferred(pick.getKey(), pick.getValue(), queue, at);
            }
            if (!knownMedia.isEmpty()) {
                return new AcdEvent.MediaClosed(pick(knownMedia).getKey(), "closed", at);
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

        /** The test's own record of what may be answered or ended next, from the commands only. */
        void track(AcdEvent e, List<AcdCommand> cmds) {
            boolean refused = cmds.stream().anyMatch(c -> c instanceof AcdCommand.EventRefused);
            if (!refused) {
                if (e instanceof AcdEvent.AgentAnswered a) {
                    offered.remove(a.callId());
                    connected.put(a.callId(), a.agentId());
                } else if (e instanceof AcdEvent.RingNoAnswer r) {
                    offered.remove(r.callId());
                } else if (e instanceof AcdEvent.CallEnded c) {
                    forget(c.callId());
                } else if (e instanceof AcdEvent.CallAbandoned c) {
                    forget(c.callId());
                } else if (e instanceof AcdEvent.MediaAnswered m) {
                    mediaOffered.remove(m.interactionId());
                    if (m.accept()) {
                        mediaHeld.put(m.interactionId(), m.agentId());
                    }
                } else if (e instanceof AcdEvent.MediaTransferred m) {
                    mediaHeld.remove(m.interactionId());
                } else if (e instanceof AcdEvent.MediaClosed m) {
                    mediaOffered.remove(m.interactionId());
                    mediaHeld.remove(m.interactionId());
                    knownMedia.remove(m.interactionId());
                }
            }
            for (AcdCommand c : cmds) {
                if (c instanceof AcdCommand.OfferCall o) {
                    offered.put(o.callId(), o.agentId());
                } else if (c instanceof AcdCommand.PlaceCallback p) {
                    offered.put(p.callId(), p.agentId());
                } else if (c instanceof AcdCommand.CancelOffer x) {
                    offered.remove(x.callId());
                } else if (c instanceof AcdCommand.Overflow o && !(o.target() instanceof OverflowTarget.ToQueue)
                        && !(o.target() instanceof OverflowTarget.ToCallback)) {
                    knownCalls.remove(o.callId());
                } else if (c instanceof AcdCommand.OfferMedia o) {
                    mediaOffered.put(o.interactionId(), o.agentId());
                } else if (c instanceof AcdCommand.MediaOfferClosed m) {
                    mediaOffered.remove(m.interactionId());
                }
            }
        }

        void forget(String callId) {
            offered.remove(callId);
            connected.remove(callId);
            knownCalls.remove(callId);
        }
    }
}
