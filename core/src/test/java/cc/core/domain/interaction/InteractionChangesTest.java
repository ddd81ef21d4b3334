package cc.core.domain.interaction;

import cc.core.domain.integration.BusinessEventType;
import cc.core.domain.integration.InteractionChanges;
import cc.core.domain.integration.InteractionChanges.Change;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static cc.core.domain.integration.BusinessEventType.INTERACTION_ANSWERED;
import static cc.core.domain.integration.BusinessEventType.INTERACTION_DISPOSED;
import static cc.core.domain.integration.BusinessEventType.INTERACTION_ENDED;
import static cc.core.domain.integration.BusinessEventType.INTERACTION_STARTED;
import static cc.core.domain.integration.BusinessEventType.INTERACTION_TRANSFERRED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InteractionChangesTest {
    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static Interaction call() {
        return Interaction.newCall("i-1", Direction.INBOUND, "pbx", "c-1", "+98912", "", "021", T);
    }

    private static Interaction ivrThenAgent() {
        return call().answered(T.plusSeconds(1))
                .withSegment(new Segment(SegmentKind.IVR, T.plusSeconds(1), Optional.of(T.plusSeconds(8)), "", "",
                        "main", Segment.ENQUEUED, ""))
                .withSegment(Segment.begins(SegmentKind.TALK, T.plusSeconds(20), "agent-7", "sales", ""));
    }

    private static List<BusinessEventType> types(List<Change> changes) {
        return changes.stream().map(Change::type).toList();
    }

    @Test
    @DisplayName("a record stored for the first time already ended tells every step in the order it happened")
    void wholeCallAtOnce() {
        Interaction ended = ivrThenAgent().ended(T.plusSeconds(90), "Normal Clearing");

        List<Change> changes = InteractionChanges.between(Optional.empty(), ended, NOW);

        assertEquals(List.of(INTERACTION_STARTED, INTERACTION_ANSWERED, INTERACTION_ANSWERED, INTERACTION_ENDED),
                types(changes));
        assertEquals(List.of(InteractionChanges.BY_IVR, InteractionChanges.BY_AGENT),
                changes.subList(1, 3).stream().map(Change::answeredBy).toList());
        assertEquals("agent-7", changes.get(2).agentId());
        assertEquals(List.of(T, T.plusSeconds(1), T.plusSeconds(20), T.plusSeconds(90)),
                changes.stream().map(Change::occurredAt).toList());
    }

    @Test
    @DisplayName("saving the stored state again tells nothing")
    void sameStateTellsNothing() {
        Interaction i = ivrThenAgent().ended(T.plusSeconds(90), "x").withDisposition("sold", "");

        assertEquals(List.of(), InteractionChanges.between(Optional.of(i), i, NOW));
    }

    @Test
    @DisplayName("a transfer to a second agent tells the transfer and the second agent's answer, not the first again")
    void transferAndSecondAgent() {
        Interaction before = ivrThenAgent();
        Interaction after = before
                .withSegments(s -> s.kind() == SegmentKind.TALK ? s.ends(T.plusSeconds(40), "transferred", "") : s)
                .withSegment(new Segment(SegmentKind.TRANSFER, T.plusSeconds(40), Optional.of(T.plusSeconds(40)),
                        "agent-7", "", "", Segment.COMPLETED, "agent:agent-9"))
                .withSegment(Segment.begins(SegmentKind.TALK, T.plusSeconds(45), "agent-9", "sales", ""));

        List<Change> changes = InteractionChanges.between(Optional.of(before), after, NOW);

        assertEquals(List.of(INTERACTION_TRANSFERRED, INTERACTION_ANSWERED), types(changes));
        assertEquals("agent-7", changes.get(0).agentId());
        assertEquals("agent-9", changes.get(1).agentId());
    }

    @Test
    @DisplayName("a disposition is told when set and again when changed, at the time of the save")
    void disposition() {
        Interaction ended = ivrThenAgent().ended(T.plusSeconds(90), "x");
        Interaction sold = ended.withDisposition("sold", "");

        assertEquals(List.of(new Change(INTERACTION_DISPOSED, NOW, "", "", Optional.empty())),
                InteractionChanges.between(Optional.of(ended), sold, NOW));
        assertEquals(List.of(INTERACTION_DISPOSED),
                types(InteractionChanges.between(Optional.of(sold), sold.withDisposition("callback", ""), NOW)));
    }

    @Test
    @DisplayName("a post-call survey in the IVR after the agent is not an answer by the IVR")
    void surveyIsNoAnswer() {
        Interaction talked = call().withSegment(new Segment(SegmentKind.TALK, T.plusSeconds(5),
                Optional.of(T.plusSeconds(50)), "agent-1", "q", "", Segment.AGENT_HUNG_UP, ""));
        Interaction surveyed = talked.withSegment(Segment.begins(SegmentKind.IVR, T.plusSeconds(50), "", "", "survey"));

        assertEquals(List.of(), InteractionChanges.between(Optional.of(talked), surveyed, NOW));
    }
}
