package cc.console.testing;

import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Optional;

/** Calls as the recorder leaves them, and evaluation forms as an admin sends them, for the quality-review tests. */
public final class QualityData {
    private QualityData() {}

    /** A call {@code agentId} answered in {@code queue} at {@code at}, talked 2 minutes on, and the caller hung up. */
    public static Interaction handled(String id, String agentId, String queue, Instant at) {
        return Interaction.newCall(id, Direction.INBOUND, "pbx1", id, "09121112233", "Maryam Karimi", "1500", at)
                .answered(at)
                .withSegment(new Segment(SegmentKind.QUEUE, at, Optional.of(at.plusSeconds(10)), "", queue, "",
                        Segment.ANSWERED, ""))
                .withSegment(new Segment(SegmentKind.TALK, at.plusSeconds(10), Optional.of(at.plusSeconds(130)),
                        agentId, queue, "", Segment.CALLER_HUNG_UP, ""))
                .withQueue(queue).withAgent(agentId).withDisposition("resolved", "")
                .ended(at.plusSeconds(130), "normal");
    }

    /** A call that rang {@code agentId} but the caller gave up in the queue: nobody handled it. */
    public static Interaction abandoned(String id, String agentId, String queue, Instant at) {
        return Interaction.newCall(id, Direction.INBOUND, "pbx1", id, "09121112233", "", "1500", at)
                .answered(at)
                .withSegment(new Segment(SegmentKind.QUEUE, at, Optional.of(at.plusSeconds(30)), "", queue, "",
                        Segment.ABANDONED, ""))
                .withSegment(new Segment(SegmentKind.OFFER, at.plusSeconds(5), Optional.of(at.plusSeconds(25)),
                        agentId, queue, "", Segment.NO_ANSWER, ""))
                .withQueue(queue).withAgent(agentId).ended(at.plusSeconds(30), "caller-left");
    }

    /**
     * "Inbound calls": Opening (greeting yes-no weight 1; identity yes-no weight 2, critical) and Conversation
     * (empathy 1-5 weight 2; resolution 1-5 weight 3).
     */
    public static JsonObject form(String name) {
        return new JsonObject().put("name", name).put("sections", new JsonArray()
                .add(new JsonObject().put("title", "Opening").put("criteria", new JsonArray()
                        .add(criterion("greeting", "Greets with name and company", 1, "yes-no", false))
                        .add(criterion("identity", "Checks the caller's identity", 2, "yes-no", true))))
                .add(new JsonObject().put("title", "Conversation").put("criteria", new JsonArray()
                        .add(criterion("empathy", "Shows empathy", 2, "1-5", false))
                        .add(criterion("resolution", "Solves the problem", 3, "1-5", false)))));
    }

    public static JsonObject criterion(String id, String text, double weight, String scale, boolean critical) {
        return new JsonObject().put("id", id).put("text", text).put("weight", weight).put("scale", scale)
                .put("critical", critical);
    }
}
