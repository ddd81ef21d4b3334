package cc.core.domain.report;

import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;

import java.time.Instant;
import java.util.Optional;

/** Hand-built interaction records for report tests: a call and its segments, second by second from its offer. */
final class ReportTestCalls {
    private Interaction call;
    private final Instant offered;
    private static int next;

    private ReportTestCalls(String number, Instant offered) {
        this.offered = offered;
        call = Interaction.newCall("call-" + (++next), Direction.INBOUND, "pbx", "c" + next, number, "", "100",
                offered).answered(offered);
    }

    static ReportTestCalls call(String number, Instant offered) {
        return new ReportTestCalls(number, offered);
    }

    /** A segment from {@code fromSec} to {@code toSec} seconds after the offer. */
    ReportTestCalls seg(SegmentKind kind, int fromSec, int toSec, String agent, String queue, String outcome) {
        call = call.withSegment(new Segment(kind, offered.plusSeconds(fromSec),
                Optional.of(offered.plusSeconds(toSec)), agent, queue, kind == SegmentKind.IVR ? queue : "", outcome,
                ""));
        return this;
    }

    ReportTestCalls ivr(String flow, int toSec, String outcome, String exitNode) {
        call = call.withSegment(new Segment(SegmentKind.IVR, offered, Optional.of(offered.plusSeconds(toSec)), "", "",
                flow, outcome, "")).withIvrStep(new IvrStep(exitNode, "", offered));
        return this;
    }

    Interaction endsAt(int sec) {
        return call.ended(offered.plusSeconds(sec), "normal");
    }

    /** Waits in {@code queue} for {@code wait} s, talks to {@code agent} for {@code talk} s, wraps up {@code wrap} s. */
    static Interaction answered(String number, Instant offered, String queue, int wait, String agent, int talk,
                                int wrap) {
        return call(number, offered).seg(SegmentKind.QUEUE, 0, wait, "", queue, Segment.ANSWERED)
                .seg(SegmentKind.OFFER, 0, wait, agent, queue, Segment.ANSWERED)
                .seg(SegmentKind.TALK, wait, wait + talk, agent, queue, Segment.CALLER_HUNG_UP)
                .seg(SegmentKind.WRAP_UP, wait + talk, wait + talk + wrap, agent, "", Segment.ENDED)
                .endsAt(wait + talk);
    }

    static Interaction abandoned(String number, Instant offered, String queue, int wait) {
        return call(number, offered).seg(SegmentKind.QUEUE, 0, wait, "", queue, Segment.ABANDONED).endsAt(wait);
    }
}
