package cc.core.domain.integration;

import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What other systems are told when an interaction record is saved: the difference between the record as stored and
 * the record about to replace it. Saving the same state again tells nothing; a save that covers several changes
 * (the recorder coalesces a call's changes, so an ended call may be stored for the first time whole) tells each of
 * them once, in the order they happened.
 */
public final class InteractionChanges {

    /** {@link Change#answeredBy()}: an agent talked to the customer (the agent is named). */
    public static final String BY_AGENT = "agent";
    /** {@link Change#answeredBy()}: the IVR took the call before any agent. */
    public static final String BY_IVR = "ivr";
    /**
     * {@link Change#answeredBy()}: answering-machine detection heard a machine on our outbound call. The interaction
     * record does not carry the verdict: the dialer's attempt store tells it, once the attempt names its interaction.
     */
    public static final String BY_MACHINE = "machine";

    private InteractionChanges() {
    }

    /**
     * One change to tell.
     *
     * @param type       which event
     * @param occurredAt when it happened (the record's own time for it; {@code now} for a disposition, which has none)
     * @param answeredBy for {@code interaction.answered}: {@link #BY_AGENT}, {@link #BY_IVR} or {@link #BY_MACHINE};
     *                   empty otherwise
     * @param agentId    the agent who answered, or who transferred; empty otherwise
     * @param segment    the segment the change is about (the IVR stay, the agent's talk, the transfer), if any
     */
    public record Change(BusinessEventType type, Instant occurredAt, String answeredBy, String agentId,
                         Optional<Segment> segment) {
        public Change {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(answeredBy, "answeredBy");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(segment, "segment");
        }

        static Change plain(BusinessEventType type, Instant at) {
            return new Change(type, at, "", "", Optional.empty());
        }
    }

    /**
     * The changes from {@code stored} (empty when the record is new) to {@code next}: started (first save); answered
     * by the IVR (its first stay, when it came before any agent) and by each agent at their first talk; transferred
     * (each transfer segment that is new); ended (end time set); disposed (a disposition set or changed).
     *
     * @param now when the save happens: the time of a disposition, which the record does not carry
     */
    public static List<Change> between(Optional<Interaction> stored, Interaction next, Instant now) {
        List<Change> out = new ArrayList<>();
        if (stored.isEmpty()) {
            out.add(Change.plain(BusinessEventType.INTERACTION_STARTED, next.offeredAt()));
        }
        List<Segment> before = stored.map(Interaction::segments).orElse(List.of());
        List<Change> middle = new ArrayList<>();
        ivrAnswer(next.segments()).filter(s -> ivrAnswer(before).isEmpty()).ifPresent(s -> middle.add(
                new Change(BusinessEventType.INTERACTION_ANSWERED, s.startedAt(), BY_IVR, "", Optional.of(s))));
        List<String> agentsBefore = stored.map(Interaction::handledBy).orElse(List.of());
        for (Segment talk : firstTalks(next.segments())) {
            if (!agentsBefore.contains(talk.agentId())) {
                middle.add(new Change(BusinessEventType.INTERACTION_ANSWERED, talk.startedAt(), BY_AGENT,
                        talk.agentId(), Optional.of(talk)));
            }
        }
        List<Segment> transfers = of(next.segments(), SegmentKind.TRANSFER);
        for (int i = of(before, SegmentKind.TRANSFER).size(); i < transfers.size(); i++) {
            Segment t = transfers.get(i);
            middle.add(new Change(BusinessEventType.INTERACTION_TRANSFERRED, t.startedAt(), "", t.agentId(),
                    Optional.of(t)));
        }
        // stable: an answer and a transfer at the same instant keep the order above
        middle.sort(Comparator.comparing(Change::occurredAt));
        out.addAll(middle);
        if (next.endedAt().isPresent() && stored.flatMap(Interaction::endedAt).isEmpty()) {
            out.add(Change.plain(BusinessEventType.INTERACTION_ENDED, next.endedAt().get()));
        }
        if (next.disposition().isPresent() && !next.disposition().equals(stored.flatMap(Interaction::disposition))) {
            out.add(Change.plain(BusinessEventType.INTERACTION_DISPOSED, now));
        }
        return out;
    }

    /** The IVR's first stay, when it came before any agent talked (a post-call survey is not an answer). */
    private static Optional<Segment> ivrAnswer(List<Segment> segments) {
        for (Segment s : segments) {
            if (s.kind() == SegmentKind.TALK) {
                return Optional.empty();
            }
            if (s.kind() == SegmentKind.IVR) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Each agent's first talk, in order. */
    private static List<Segment> firstTalks(List<Segment> segments) {
        List<Segment> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Segment s : of(segments, SegmentKind.TALK)) {
            if (!seen.contains(s.agentId())) {
                seen.add(s.agentId());
                out.add(s);
            }
        }
        return out;
    }

    private static List<Segment> of(List<Segment> segments, SegmentKind kind) {
        return segments.stream().filter(s -> s.kind() == kind).toList();
    }
}
