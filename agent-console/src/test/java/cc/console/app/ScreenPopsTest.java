package cc.console.app;

import cc.console.domain.i18n.DateLabels;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON of an interaction as the pop, the timeline and {@code GET /api/calls/{id}} carry it. */
class ScreenPopsTest {
    private static final Instant AT = Instant.parse("2026-11-16T07:00:00Z");
    // only the JSON of a record is built here: no store is asked
    private final ScreenPops pops = new ScreenPops(null, null, null, null, null, new DateLabels(ZoneId.of("Asia/Tehran")));

    @Test
    @DisplayName("a call carries its segments in order with times in both calendars, seconds, and the summary fields")
    void segmentsAndSummary() {
        Interaction call = Interaction.newCall("i-1", Direction.INBOUND, "pbx1", "c1", "09121112233", "Maryam", "1500", AT)
                .answered(AT)
                .withIvrStep(new IvrStep("main-menu", "1", AT.plusSeconds(1)))
                .withSegment(new Segment(SegmentKind.IVR, AT, Optional.of(AT.plusSeconds(42)), "", "", "main",
                        Segment.ENQUEUED, ""))
                .withSegment(new Segment(SegmentKind.QUEUE, AT.plusSeconds(42), Optional.of(AT.plusSeconds(112)), "",
                        "support", "", Segment.OVERFLOW, "queue:sales wait-limit"))
                .withSegment(new Segment(SegmentKind.OFFER, AT.plusSeconds(112), Optional.of(AT.plusSeconds(120)), "a2",
                        "sales", "", Segment.ANSWERED, ""))
                .withSegment(Segment.begins(SegmentKind.TALK, AT.plusSeconds(120), "a2", "", ""))
                .withAgent("a2");

        JsonObject json = pops.interaction(call);

        assertEquals("Maryam", json.getString("callerName"));
        assertTrue(json.getBoolean("segmentsKept"));
        assertEquals(List.of("a2"), json.getJsonArray("handledBy").getList());
        assertEquals("2026-11-16 10:32", json.getJsonObject("agentAnsweredAt").getString("en"));
        assertEquals("", json.getString("abandonedWhere"));
        assertEquals("1", json.getJsonArray("ivrPath").getJsonObject(0).getString("input"));
        JsonObject queue = json.getJsonArray("segments").getJsonObject(1);
        assertEquals("queue", queue.getString("kind"));
        assertEquals(70L, queue.getLong("seconds"));
        assertEquals("support", queue.getString("queue"));
        assertEquals("overflow", queue.getString("outcome"));
        assertEquals("queue:sales wait-limit", queue.getString("detail"));
        assertEquals("۱۴۰۵/۰۸/۲۵ ۱۰:۳۰", queue.getJsonObject("startedAt").getString("fa"));
        assertEquals("2026-11-16T07:01:52Z", queue.getJsonObject("endedAt").getString("iso"));
        assertEquals("main", json.getJsonArray("segments").getJsonObject(0).getString("flow"));
        JsonObject talk = json.getJsonArray("segments").getJsonObject(3);
        assertEquals("talk", talk.getString("kind"));
        assertNull(talk.getValue("endedAt"));
        assertNull(talk.getValue("seconds"), "an open segment has no length yet");
    }

    @Test
    @DisplayName("a caller who hung up while the agent's phone rang is abandoned while ringing, handled by nobody")
    void abandonedWhileRinging() {
        Interaction call = Interaction.newCall("i-2", Direction.INBOUND, "pbx1", "c2", "0912", "", "1500", AT)
                .answered(AT)
                .withSegment(new Segment(SegmentKind.OFFER, AT.plusSeconds(5), Optional.of(AT.plusSeconds(9)), "a3",
                        "support", "", Segment.CALLER_LEFT, ""))
                .ended(AT.plusSeconds(9), "normal");

        JsonObject json = pops.interaction(call);

        assertEquals("ringing", json.getString("abandonedWhere"));
        assertEquals(List.of(), json.getJsonArray("handledBy").getList());
        assertNull(json.getValue("agentAnsweredAt"));
    }

    @Test
    @DisplayName("a record from before segments keeps its agent and says it has no segments")
    void beforeSegments() {
        Interaction old = new Interaction("i-3", InteractionChannel.VOICE, Direction.INBOUND, "pbx1", "c3", "0912", "",
                "1500", AT, Optional.of(AT), Optional.of(AT.plusSeconds(60)), List.of(), List.of(), Optional.of("loans"),
                Optional.of("a7"), Optional.empty(), "", "normal", Optional.empty(), Optional.empty(), Optional.empty(),
                false);

        JsonObject json = pops.interaction(old);

        assertFalse(json.getBoolean("segmentsKept"));
        assertEquals("a7", json.getString("agentId"));
        assertTrue(json.getJsonArray("segments").isEmpty());
        assertEquals("", json.getString("abandonedWhere"));
    }
}
