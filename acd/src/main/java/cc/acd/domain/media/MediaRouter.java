package cc.acd.domain.media;

import cc.acd.domain.agent.AgentCapacity;
import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.RoutingStrategy;
import cc.acd.domain.queue.SkillRequirement;
import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdCommand.EventRefused;
import cc.acd.domain.routing.AcdCommand.MediaLoadChanged;
import cc.acd.domain.routing.AcdCommand.MediaOfferClosed;
import cc.acd.domain.routing.AcdCommand.MediaReleased;
import cc.acd.domain.routing.AcdCommand.OfferMedia;
import cc.acd.domain.routing.AcdEvent;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.Segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The routing of chats and emails, beside the calls of {@link cc.acd.domain.routing.AcdState} which owns it: the same
 * queues, skills, priorities and one fair order (a contact's virtual arrival is its first waiting time minus its
 * priority's worth), but an agent may hold several contacts at once up to {@link AgentCapacity} per channel.
 *
 * <p>Who may be offered a contact of channel C: an agent who serves the queue and has its skills, holds (offers
 * included) fewer contacts of C than the capacity, is not paused, logged out or wrapping up a call, and, unless the
 * mix is {@link AgentCapacity.Mix#FREE}, is not ringing or on a call (AVAILABLE). Among those the fewest held on C
 * first, then the queue's strategy. An offer not answered within the offer timeout, or declined, goes back to its
 * place in line (ahead of later arrivals) and is not offered to that agent again until the timeout has passed once
 * more. With the voice-alone mix an agent holding any chat or email is taken out of the calls' routing
 * ({@link Host#voiceBlocked}) until the last one ends and its wrap-up is over.
 *
 * <p>Pure and clock-free like its owner: time comes from {@link #advanceTo} and the events. Not thread-safe.
 */
public final class MediaRouter {
    /** What the router needs from its owner: the agents' voice states and profiles, and the queues. */
    public interface Host {
        AgentStatus status(String agentId);

        Optional<AgentProfile> profile(String agentId);

        Optional<QueueConfig> queue(String queueId);

        /** Every agent, in a stable order. */
        List<String> agentIds();

        /** The agent's place in {@link #agentIds()}: the last tie-breaker of every strategy. */
        int ordinal(String agentId);

        /** Keep the agent out of call routing ({@code true}) or let it back in; may route calls at once. */
        void voiceBlocked(String agentId, boolean blocked, List<AcdCommand> out);
    }

    private static final Comparator<MediaContact> ORDER = Comparator.<MediaContact>comparingLong(c -> c.sortKey)
            .thenComparingLong(c -> c.seq);
    private static final Comparator<Timer> TIMER_ORDER = Comparator.<Timer>comparingLong(t -> t.at)
            .thenComparingLong(t -> t.seq);

    private final MediaSettings settings;
    private final long pointMillis;
    private final Host host;
    private final Map<String, MediaContact> contacts = new HashMap<>();
    private final Map<String, TreeSet<MediaContact>> waiting = new HashMap<>();
    private final Map<String, MediaLoad> loads = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(TIMER_ORDER);
    private long now;
    private long seq;
    private long offerSeq;

    public MediaRouter(MediaSettings settings, Duration priorityPointWorth, Host host, Instant start) {
        this.settings = settings;
        this.pointMillis = priorityPointWorth.toMillis();
        this.host = host;
        this.now = start.toEpochMilli();
    }

    public MediaSettings settings() {
        return settings;
    }

    /** Agents whose capacity takes no calls at all are kept out of call routing from the start. */
    public void blockVoiceless(List<AcdCommand> out) {
        for (String agentId : host.agentIds()) {
            if (settings.capacity(agentId).voice() == 0) {
                host.voiceBlocked(agentId, true, out);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- events

    public void arrived(AcdEvent.MediaArrived e, List<AcdCommand> out) {
        if (host.queue(e.queueId()).isEmpty()) {
            out.add(new EventRefused(e, "unknown queue " + e.queueId()));
            return;
        }
        if (contacts.containsKey(e.interactionId())) {
            out.add(new EventRefused(e, "contact " + e.interactionId() + " is already in the ACD"));
            return;
        }
        if (e.channel() == InteractionChannel.VOICE) {
            out.add(new EventRefused(e, "calls are routed as calls, not media"));
            return;
        }
        MediaContact c = new MediaContact(e.interactionId(), e.channel(), e.skills(), e.priority(), e.data(),
                e.enqueuedAt().toEpochMilli(), ++seq);
        contacts.put(c.id, c);
        place(c, e.queueId());
        tryOffer(c, out);
    }

    /**
     * A contact the old leader had: waiting or offered, back in line at its first waiting time (an offer in flight is
     * made again); held, held again by its agent whatever the agent's state (the agent still has it on screen).
     */
    public void restored(AcdEvent.MediaRestored e, List<AcdCommand> out) {
        if (host.queue(e.queueId()).isEmpty()) {
            out.add(new EventRefused(e, "unknown queue " + e.queueId()));
            return;
        }
        if (contacts.containsKey(e.interactionId()) || e.channel() == InteractionChannel.VOICE) {
            out.add(new EventRefused(e, "contact " + e.interactionId() + " cannot be restored"));
            return;
        }
        MediaContact c = new MediaContact(e.interactionId(), e.channel(), List.of(), e.priority(), e.data(),
                e.enqueuedAt().toEpochMilli(), ++seq);
        contacts.put(c.id, c);
        place(c, e.queueId());
        if (e.heldBy().isEmpty() || host.profile(e.heldBy()).isEmpty()) {
            tryOffer(c, out);
            return;
        }
        line(c.queueId).remove(c);
        c.phase = MediaPhase.HELD;
        c.agentId = e.heldBy();
        take(c.agentId, c.channel, out);
    }

    public void answered(AcdEvent.MediaAnswered e, List<AcdCommand> out) {
        MediaContact c = contacts.get(e.interactionId());
        if (c == null || c.phase != MediaPhase.OFFERED || !c.agentId.equals(e.agentId())) {
            out.add(new EventRefused(e, "contact " + e.interactionId() + " is not offered to agent " + e.agentId()));
            return;
        }
        if (e.accept()) {
            c.phase = MediaPhase.HELD;
            c.gen++;
            out.add(new MediaOfferClosed(c.id, c.agentId, Segment.ANSWERED));
        } else {
            offerFailed(c, Segment.REFUSED, out);
        }
    }

    public void transferred(AcdEvent.MediaTransferred e, List<AcdCommand> out) {
        MediaContact c = contacts.get(e.interactionId());
        if (c == null || c.phase != MediaPhase.HELD || !c.agentId.equals(e.agentId())) {
            out.add(new EventRefused(e, "contact " + e.interactionId() + " is not held by agent " + e.agentId()));
            return;
        }
        if (host.queue(e.queueId()).isEmpty()) {
            out.add(new EventRefused(e, "unknown queue " + e.queueId()));
            return;
        }
        String agentId = c.agentId;
        release(agentId, c.channel, out);
        c.agentId = "";
        long until = skip(c, agentId);
        place(c, e.queueId());
        timers.add(new Timer(until, ++seq, TimerKind.RETRY, c, agentId, c.gen));
        tryOffer(c, out);
        tryAgent(agentId, out);
    }

    public void closed(AcdEvent.MediaClosed e, List<AcdCommand> out) {
        MediaContact c = contacts.remove(e.interactionId());
        if (c == null) {
            out.add(new EventRefused(e, "contact " + e.interactionId() + " is not in the ACD"));
            return;
        }
        c.gen++;
        String agentId = c.agentId;
        switch (c.phase) {
            case WAITING -> line(c.queueId).remove(c);
            case OFFERED -> {
                out.add(new MediaOfferClosed(c.id, agentId, Segment.CALLER_LEFT));
                release(agentId, c.channel, out);
            }
            case HELD -> {
                Duration wrap = settings.wrapUp(c.channel);
                if (wrap.isZero()) {
                    release(agentId, c.channel, out);
                } else {
                    timers.add(new Timer(now + wrap.toMillis(), ++seq, TimerKind.WRAP_END, c, agentId, c.gen));
                }
            }
        }
        out.add(new MediaReleased(c.id, agentId.isEmpty() ? Optional.empty() : Optional.of(agentId), c.queueId,
                e.reason()));
        if (!agentId.isEmpty()) {
            tryAgent(agentId, out);
        }
    }

    /**
     * The agent's voice state changed: offer what the agent may now take; a logged-out agent's offers go back to
     * their queues.
     */
    public void agentChanged(String agentId, List<AcdCommand> out) {
        if (contacts.isEmpty()) {
            // nothing to offer or give back; the common case where chats and emails are not used at all
            return;
        }
        if (host.status(agentId) == AgentStatus.LOGGED_OUT) {
            for (MediaContact c : new ArrayList<>(contacts.values())) {
                if (c.phase == MediaPhase.OFFERED && c.agentId.equals(agentId)) {
                    offerFailed(c, Segment.NO_ANSWER, out);
                }
            }
            return;
        }
        tryAgent(agentId, out);
    }

    // ------------------------------------------------------------------------------------------------ time

    /**
     * Whether no chat or email is held, offered or waiting: then an agent's change has nothing to offer it or take
     * back, and the owner may skip telling this router about it.
     */
    public boolean holdsNoContact() {
        return contacts.isEmpty();
    }

    /** When the next timer falls due, {@link Long#MAX_VALUE} if none. */
    public long nextTimerAt() {
        Timer t = timers.peek();
        return t == null ? Long.MAX_VALUE : t.at;
    }

    /** Fires the next timer, which is due at {@code at}. */
    public void fireNext(long at, List<AcdCommand> out) {
        now = Math.max(now, at);
        Timer t = timers.poll();
        if (t == null) {
            return;
        }
        switch (t.kind) {
            case OFFER_TIMEOUT -> {
                if (t.contact.gen == t.gen && t.contact.phase == MediaPhase.OFFERED) {
                    offerFailed(t.contact, Segment.NO_ANSWER, out);
                }
            }
            case RETRY -> {
                // not tied to gen: each agent passed over has its own retry, whatever happened since
                if (contacts.get(t.contact.id) == t.contact && t.contact.phase == MediaPhase.WAITING) {
                    tryOffer(t.contact, out);
                }
            }
            case WRAP_END -> {
                release(t.agentId, t.contact.channel, out);
                tryAgent(t.agentId, out);
            }
        }
    }

    /** The router's clock moves to {@code t} (after the due timers were fired). */
    public void advanceTo(long t) {
        now = Math.max(now, t);
    }

    // --------------------------------------------------------------------------------------------- routing

    private void place(MediaContact c, String queueId) {
        QueueConfig q = host.queue(queueId).orElseThrow();
        c.queueId = queueId;
        c.phase = MediaPhase.WAITING;
        c.gen++;
        c.priority = c.basePriority + q.priorityBoost();
        c.sortKey = c.enqueuedAt - c.priority * pointMillis;
        c.required = new ArrayList<>(c.ownSkills);
        c.required.addAll(q.requiredSkills());
        line(queueId).add(c);
    }

    /** The agent who declined or let the offer time out is passed over until the offer timeout has passed again. */
    private long skip(MediaContact c, String agentId) {
        long until = now + settings.offerTimeout().toMillis();
        c.skips.values().removeIf(t -> t <= now);
        c.skips.put(agentId, until);
        return until;
    }

    /** The offer failed: the contact goes back to its place in line and on to another agent. */
    private void offerFailed(MediaContact c, String outcome, List<AcdCommand> out) {
        String agentId = c.agentId;
        out.add(new MediaOfferClosed(c.id, agentId, outcome));
        release(agentId, c.channel, out);
        c.agentId = "";
        c.phase = MediaPhase.WAITING;
        c.gen++;
        long until = skip(c, agentId);
        line(c.queueId).add(c);
        timers.add(new Timer(until, ++seq, TimerKind.RETRY, c, agentId, c.gen));
        tryOffer(c, out);
        tryAgent(agentId, out);
    }

    private void tryOffer(MediaContact c, List<AcdCommand> out) {
        QueueConfig q = host.queue(c.queueId).orElseThrow();
        String best = null;
        int bestLoad = 0;
        RoutingStrategy.Rank bestRank = null;
        for (String agentId : host.agentIds()) {
            if (!mayTake(agentId, c)) {
                continue;
            }
            MediaLoad l = loads.get(agentId);
            int load = l == null ? 0 : l.held(c.channel);
            RoutingStrategy.Rank r = rank(agentId, c, q.id());
            if (best == null || load < bestLoad
                    || load == bestLoad && q.strategy().order().compare(r, bestRank) < 0) {
                best = agentId;
                bestLoad = load;
                bestRank = r;
            }
        }
        if (best != null) {
            offer(c, best, out);
        }
    }

    /** Offers the agent every waiting contact it may take, first in the fair order first, until none is left. */
    private void tryAgent(String agentId, List<AcdCommand> out) {
        Optional<AgentProfile> p = host.profile(agentId);
        if (p.isEmpty()) {
            return;
        }
        while (true) {
            MediaContact best = null;
            for (String queueId : p.get().queues()) {
                TreeSet<MediaContact> line = waiting.get(queueId);
                if (line == null) {
                    continue;
                }
                for (MediaContact c : line) {
                    if (best != null && ORDER.compare(c, best) >= 0) {
                        break;
                    }
                    if (mayTake(agentId, c)) {
                        best = c;
                        break;
                    }
                }
            }
            if (best == null) {
                return;
            }
            offer(best, agentId, out);
        }
    }

    private boolean mayTake(String agentId, MediaContact c) {
        Long skipUntil = c.skips.get(agentId);
        if (skipUntil != null && now < skipUntil) {
            return false;
        }
        AgentCapacity cap = settings.capacity(agentId);
        MediaLoad l = loads.get(agentId);
        if ((l == null ? 0 : l.held(c.channel)) >= cap.of(c.channel)) {
            return false;
        }
        AgentStatus s = host.status(agentId);
        boolean free = s == AgentStatus.AVAILABLE
                || cap.mediaBesideCall() && (s == AgentStatus.RINGING || s == AgentStatus.RESERVED
                || s == AgentStatus.ON_CALL);
        if (!free) {
            return false;
        }
        AgentProfile p = host.profile(agentId).orElse(null);
        if (p == null || !p.queues().contains(c.queueId)) {
            return false;
        }
        for (SkillRequirement r : c.required) {
            if (p.level(r.skill()) < r.minLevel()) {
                return false;
            }
        }
        return true;
    }

    private RoutingStrategy.Rank rank(String agentId, MediaContact c, String queueId) {
        MediaLoad l = loads.get(agentId);
        AgentProfile p = host.profile(agentId).orElseThrow();
        int score = 0;
        for (SkillRequirement r : c.required) {
            score += p.level(r.skill());
        }
        long lastOffered = l == null ? 0 : l.lastOffered.getOrDefault(queueId, 0L);
        return new RoutingStrategy.Rank(host.ordinal(agentId), l == null ? 0 : l.idleSince,
                l == null ? 0 : l.total(), lastOffered, score);
    }

    private void offer(MediaContact c, String agentId, List<AcdCommand> out) {
        line(c.queueId).remove(c);
        c.phase = MediaPhase.OFFERED;
        c.agentId = agentId;
        c.gen++;
        MediaLoad l = loads.computeIfAbsent(agentId, id -> new MediaLoad());
        l.lastOffered.put(c.queueId, ++offerSeq);
        timers.add(new Timer(now + settings.offerTimeout().toMillis(), ++seq, TimerKind.OFFER_TIMEOUT, c, agentId,
                c.gen));
        out.add(new OfferMedia(c.id, agentId, c.channel, c.queueId, c.data));
        take(agentId, c.channel, out);
    }

    private void take(String agentId, InteractionChannel channel, List<AcdCommand> out) {
        MediaLoad l = loads.computeIfAbsent(agentId, id -> new MediaLoad());
        l.held.merge(channel, 1, Integer::sum);
        out.add(new MediaLoadChanged(agentId, l.snapshot()));
        if (l.total() == 1 && !settings.capacity(agentId).mediaBesideCall()) {
            host.voiceBlocked(agentId, true, out);
        }
    }

    private void release(String agentId, InteractionChannel channel, List<AcdCommand> out) {
        MediaLoad l = loads.get(agentId);
        if (l == null || l.held(channel) == 0) {
            return;
        }
        l.held.merge(channel, -1, Integer::sum);
        l.idleSince = now;
        out.add(new MediaLoadChanged(agentId, l.snapshot()));
        AgentCapacity cap = settings.capacity(agentId);
        if (l.total() == 0 && !cap.mediaBesideCall() && cap.voice() > 0) {
            host.voiceBlocked(agentId, false, out);
        }
    }

    private TreeSet<MediaContact> line(String queueId) {
        return waiting.computeIfAbsent(queueId, id -> new TreeSet<>(ORDER));
    }

    // ------------------------------------------------------------------------------------------- views

    public Optional<MediaView> contact(String interactionId) {
        MediaContact c = contacts.get(interactionId);
        return c == null ? Optional.empty() : Optional.of(view(c));
    }

    /** Every contact the router holds (waiting, offered or held), in no particular order. */
    public List<MediaView> contacts() {
        List<MediaView> all = new ArrayList<>(contacts.size());
        contacts.values().forEach(c -> all.add(view(c)));
        return all;
    }

    /** The place of a waiting contact in its queue's line, 1 = next; 0 when it is not waiting. */
    public int position(String interactionId) {
        MediaContact c = contacts.get(interactionId);
        if (c == null || c.phase != MediaPhase.WAITING) {
            return 0;
        }
        int position = 1;
        for (MediaContact other : line(c.queueId).headSet(c)) {
            if (other.channel == c.channel) {
                position++;
            }
        }
        return position;
    }

    /** How many contacts of each channel the agent holds, offers and wrap-ups included. */
    public Map<InteractionChannel, Integer> held(String agentId) {
        MediaLoad l = loads.get(agentId);
        return l == null ? Map.of() : l.snapshot();
    }

    /** Per queue and channel, how many contacts wait and how many are offered. */
    public Map<String, Map<InteractionChannel, int[]>> queueCounts() {
        Map<String, Map<InteractionChannel, int[]>> counts = new LinkedHashMap<>();
        for (MediaContact c : contacts.values()) {
            if (c.phase == MediaPhase.HELD) {
                continue;
            }
            int[] n = counts.computeIfAbsent(c.queueId, q -> new EnumMap<>(InteractionChannel.class))
                    .computeIfAbsent(c.channel, ch -> new int[2]);
            n[c.phase == MediaPhase.WAITING ? 0 : 1]++;
        }
        return counts;
    }

    private MediaView view(MediaContact c) {
        return new MediaView(c.id, c.channel, c.queueId, c.phase.wireName(), c.agentId, c.priority,
                Instant.ofEpochMilli(c.enqueuedAt), c.data);
    }

    // ----------------------------------------------------------------------------------- internal records

    private enum TimerKind { OFFER_TIMEOUT, RETRY, WRAP_END }

    private record Timer(long at, long seq, TimerKind kind, MediaContact contact, String agentId, long gen) {}
}
