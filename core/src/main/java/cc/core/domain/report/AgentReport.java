package cc.core.domain.report;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.ArrayList;

/**
 * The agent report of a range {@code [from, to)}: call figures from interaction records offered in the range
 * ({@link #add(Interaction)}), time per state from the agents' state spells overlapping it ({@link #add(StateSpell)}),
 * in any order. A spell is cut at the bucket boundaries it crosses and at the range's ends; a spell still open counts
 * up to {@code until} (the report's end, or now when the range reaches into the present).
 */
public final class AgentReport {
    private final Instant from;
    private final Instant to;
    private final Instant until;
    private final Buckets buckets;
    private Instant lastSlot;
    private Bucket lastSlotBucket;
    private final Optional<String> onlyAgent;
    private final Map<String, Map<Bucket, Tally>> tallies = new TreeMap<>();

    /** @param until where open spells stop counting: {@code min(to, now)} */
    public AgentReport(Instant from, Instant to, Instant until, Buckets buckets, Optional<String> onlyAgent) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the range must end after it starts: " + from + " .. " + to);
        }
        this.from = from;
        this.to = to;
        this.until = until.isAfter(to) ? to : until;
        this.buckets = buckets;
        this.onlyAgent = onlyAgent;
        onlyAgent.ifPresent(a -> tallies.put(a, new TreeMap<>()));
    }

    public void add(Interaction call) {
        if (call.offeredAt().isBefore(from) || !call.offeredAt().isBefore(to)) {
            return;
        }
        Bucket bucket = buckets.of(call.offeredAt());
        Set<String> talked = new HashSet<>();
        for (Segment s : call.segments()) {
            if (s.agentId().isEmpty() || !wanted(s.agentId())) {
                continue;
            }
            Duration d = s.duration().orElse(Duration.ZERO);
            Tally t;
            switch (s.kind()) {
                case TALK:
                    t = tally(s.agentId(), bucket);
                    t.talk = t.talk.plus(d);
                    if (talked.add(s.agentId())) {
                        t.calls++;
                    }
                    break;
                case HOLD:
                    t = tally(s.agentId(), bucket);
                    t.hold = t.hold.plus(d);
                    break;
                case WRAP_UP:
                    t = tally(s.agentId(), bucket);
                    t.wrapUp = t.wrapUp.plus(d);
                    break;
                case TRANSFER:
                    tally(s.agentId(), bucket).transfers++;
                    break;
                default:
                    break;
            }
        }
    }

    public void add(StateSpell spell) {
        if (!wanted(spell.agentId())) {
            return;
        }
        Instant start = spell.start().isBefore(from) ? from : spell.start();
        Instant end = spell.end().orElse(until);
        if (end.isAfter(to)) {
            end = to;
        }
        while (start.isBefore(end)) {
            Bucket b = buckets.of(start);
            Instant stop = b.end().isBefore(end) ? b.end() : end;
            Duration d = Duration.between(start, stop);
            Tally t = tally(spell.agentId(), b);
            t.states.merge(spell.state(), d, Duration::plus);
            if (spell.state().equals(AgentFigures.PAUSED)) {
                t.pauses.merge(spell.reason(), d, Duration::plus);
            }
            start = stop;
        }
    }

    /**
     * Adds stored figures of a 15-minute slot (or of a whole day, when the report's buckets are days or longer) to
     * the bucket they fall in; every figure is additive, so stored slots and streamed records mix, each counted once.
     */
    public void addTotals(Instant slotStart, String agent, AgentFigures figures) {
        if (wanted(agent)) {
            tally(agent, slot(slotStart)).add(figures);
        }
    }

    /** The bucket of a stored slot; stored rows come slot by slot, so the last one is kept. */
    private Bucket slot(Instant start) {
        if (!start.equals(lastSlot)) {
            lastSlot = start;
            lastSlotBucket = buckets.of(start);
        }
        return lastSlotBucket;
    }

    private boolean wanted(String agent) {
        return onlyAgent.map(agent::equals).orElse(true);
    }

    private Tally tally(String agent, Bucket bucket) {
        return tallies.computeIfAbsent(agent, a -> new TreeMap<>()).computeIfAbsent(bucket, b -> new Tally());
    }

    /** By agent then bucket, every bucket of the range present for each agent seen. */
    public List<ReportRow<AgentFigures>> rows() {
        List<Bucket> all = buckets.covering(from, to);
        List<ReportRow<AgentFigures>> out = new ArrayList<>();
        for (Map.Entry<String, Map<Bucket, Tally>> a : tallies.entrySet()) {
            for (Bucket b : all) {
                out.add(new ReportRow<>(b, a.getKey(), a.getValue().getOrDefault(b, new Tally()).figures()));
            }
        }
        return out;
    }

    /** Only the buckets where something was counted for a subject, in the order of {@link #rows()}. */
    public List<ReportRow<AgentFigures>> talliedRows() {
        List<ReportRow<AgentFigures>> out = new ArrayList<>();
        tallies.forEach((subject, byBucket) -> byBucket.forEach((b, t) -> out.add(new ReportRow<>(b, subject,
                t.figures()))));
        return out;
    }

    private static final class Tally {
        long calls;
        Duration talk = Duration.ZERO;
        Duration hold = Duration.ZERO;
        Duration wrapUp = Duration.ZERO;
        long transfers;
        final Map<String, Duration> states = new HashMap<>();
        final Map<String, Duration> pauses = new HashMap<>();

        void add(AgentFigures f) {
            calls += f.callsHandled();
            talk = talk.plus(f.talk());
            hold = hold.plus(f.hold());
            wrapUp = wrapUp.plus(f.wrapUp());
            transfers += f.transfers();
            f.timeInState().forEach((k, v) -> states.merge(k, v, Duration::plus));
            f.pauseReasons().forEach((k, v) -> pauses.merge(k, v, Duration::plus));
        }

        AgentFigures figures() {
            return new AgentFigures(calls, talk, hold, wrapUp, transfers, states, pauses);
        }
    }
}
