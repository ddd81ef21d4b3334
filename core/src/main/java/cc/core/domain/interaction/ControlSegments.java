package cc.core.domain.interaction;

import java.time.Instant;
import java.util.List;

/**
 * What call control's word on a call (its state after an agent's hold, transfer, consultation or conference) means
 * for the record's segments. Talk segments still come from the bridges; these say what the bridges cannot: that the
 * caller was on hold (and while whose consultation), where a transfer went, and when a conference ran.
 */
final class ControlSegments {
    /** Outcomes of a hold. */
    static final String RESUMED = "resumed";
    static final String TRANSFERRED = "transferred";
    /** Outcomes of a talk that call control ended (the caller put on hold, into a conference). */
    static final String HELD = "held";
    static final String CONFERENCE = "conference";

    private ControlSegments() {}

    /**
     * @param state   {@code talking}, {@code held}, {@code consulting}, {@code conference}, {@code transferring},
     *                {@code ended}
     * @param agentId the agent on the call now
     * @param party   the consulted or conferenced party, or where a transfer goes
     */
    static Interaction apply(Interaction i, String state, String agentId, String party, Instant at) {
        if (i.isEnded() && !"ended".equals(state)) {
            return i;
        }
        Interaction next = i;
        String talkEnd = talkEnd(state);
        if (!talkEnd.isEmpty()) {
            // told before Asterisk moves the caller: the bridge's end that follows is this, not a hang-up
            next = next.withSegments(s -> s.isOpen() && s.kind() == SegmentKind.TALK && s.agentId().equals(agentId)
                    ? s.ends(at, talkEnd, "") : s);
        }
        Segment hold = open(next, SegmentKind.HOLD);
        boolean onHold = "held".equals(state) || "consulting".equals(state);
        if (hold != null && !onHold) {
            boolean handedOn = !hold.agentId().equals(agentId) || "transferring".equals(state);
            next = close(next, hold, at, handedOn ? TRANSFERRED : RESUMED);
            if (!hold.agentId().equals(agentId) && "talking".equals(state)) {
                // a consultation completed: the caller went from the consulting agent to the one consulted
                next = next.withSegment(new Segment(SegmentKind.TRANSFER, at, java.util.Optional.of(at),
                        hold.agentId(), "", "", Segment.COMPLETED, "consult agent:" + agentId));
            }
        }
        if (hold == null && onHold) {
            next = next.withSegment(new Segment(SegmentKind.HOLD, at, java.util.Optional.empty(), agentId, "", "", "",
                    "consulting".equals(state) ? "consult " + party : ""));
        }
        if ("transferring".equals(state) && !lastTransferTo(next, party)) {
            next = next.withSegment(new Segment(SegmentKind.TRANSFER, at, java.util.Optional.of(at), agentId, "", "",
                    Segment.COMPLETED, party));
        }
        Segment conference = open(next, SegmentKind.CONFERENCE);
        if ("conference".equals(state) && conference == null) {
            next = next.withSegment(new Segment(SegmentKind.CONFERENCE, at, java.util.Optional.empty(), agentId, "",
                    "", "", party));
        } else if (!"conference".equals(state) && conference != null) {
            next = close(next, conference, at, Segment.ENDED);
        }
        return next;
    }

    /** How a talk ends when the call becomes {@code state}; empty when it goes on. */
    private static String talkEnd(String state) {
        switch (state) {
            case "held":
            case "consulting":
                return HELD;
            case "transferring":
                return TRANSFERRED;
            case "conference":
                return CONFERENCE;
            default:
                return "";
        }
    }

    private static Segment open(Interaction i, SegmentKind kind) {
        List<Segment> open = i.openSegments();
        for (Segment s : open) {
            if (s.kind() == kind) {
                return s;
            }
        }
        return null;
    }

    private static Interaction close(Interaction i, Segment which, Instant at, String outcome) {
        return i.withSegments(s -> s.equals(which) ? s.ends(at, outcome, s.detail()) : s);
    }

    /** Whether the record's last transfer already goes there with no talk since (the same word heard again). */
    private static boolean lastTransferTo(Interaction i, String party) {
        List<Segment> all = i.segments();
        for (int k = all.size() - 1; k >= 0; k--) {
            Segment s = all.get(k);
            if (s.kind() == SegmentKind.TALK || s.kind() == SegmentKind.OFFER) {
                return false;
            }
            if (s.kind() == SegmentKind.TRANSFER) {
                return s.detail().equals(party);
            }
        }
        return false;
    }
}
