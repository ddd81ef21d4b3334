package cc.core.domain.interaction;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The interaction record of a chat or email, changed by what the ACD publishes about it: opened when it first waits,
 * then a QUEUE segment per wait, an OFFER segment per offer with its outcome, a TALK segment while an agent holds it,
 * a TRANSFER when the agent sends it to another queue, and the end.
 *
 * <p>Fields: {@code callerNumber} holds the customer's address on the channel (the email address, the chat visitor's
 * name or handle; up to 64 characters, the column's width, which the warehouse's views also expose), and
 * {@code callerName} the topic (the email's subject, the chat's first question; up to 200), so the timeline shows
 * "address - topic" where a call shows "number - name". Pure functions; the recorder keeps the records and writes
 * them.
 */
public final class MediaInteractions {
    /** The longest topic kept. */
    public static final int TOPIC_MAX = 200;
    /** The longest address kept. */
    public static final int ADDRESS_MAX = 64;

    private MediaInteractions() {}

    /** A new inbound record of a chat or email; {@code data} as the channel gave it (topic, customerId, address). */
    public static Interaction open(String id, InteractionChannel channel, Map<String, String> data, Instant at) {
        String address = cut(data.getOrDefault("address", ""), ADDRESS_MAX);
        String topic = cut(data.getOrDefault("topic", ""), TOPIC_MAX);
        Interaction i = new Interaction(id, channel, Direction.INBOUND, "", "", address, topic, "", at,
                Optional.of(at), Optional.empty(), java.util.List.of(), java.util.List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), "", "", Optional.empty(), Optional.empty(), Optional.empty(), true);
        return withCustomerFrom(i, data);
    }

    /** The customer named in the channel's data, when it names one and the record has none yet. */
    public static Interaction withCustomerFrom(Interaction i, Map<String, String> data) {
        String customer = data.getOrDefault("customerId", "").trim();
        if (i.customerId().isPresent() || !customer.matches("\\d{1,18}")) {
            return i;
        }
        return i.withCustomer(Long.parseLong(customer));
    }

    /** It starts waiting in a queue. */
    public static Interaction queued(Interaction i, String queue, Instant at) {
        return i.withQueue(queue).withSegment(Segment.begins(SegmentKind.QUEUE, at, "", queue, ""));
    }

    /** An agent is offered it. */
    public static Interaction offered(Interaction i, String agentId, String queue, Instant at) {
        return i.withSegment(Segment.begins(SegmentKind.OFFER, at, agentId, queue, ""));
    }

    /**
     * The offer to the agent ended with {@code outcome}; {@code answered}: the wait is over and the agent holds it
     * (a TALK segment begins).
     */
    public static Interaction offerEnded(Interaction i, String agentId, String outcome, Instant at) {
        Interaction next = i.withSegments(s -> s.kind() == SegmentKind.OFFER && s.agentId().equals(agentId)
                ? s.ends(at, outcome, "") : s);
        if (!Segment.ANSWERED.equals(outcome)) {
            return next;
        }
        return next.withSegments(s -> s.kind() == SegmentKind.QUEUE ? s.ends(at, Segment.ANSWERED, agentId) : s)
                .withAgent(agentId)
                .withSegment(Segment.begins(SegmentKind.TALK, at, agentId, i.queue().orElse(""), ""));
    }

    /** The agent holding it sent it to another queue: the talk ends, a transfer is noted, a new wait begins. */
    public static Interaction transferred(Interaction i, String agentId, String queue, Instant at) {
        Interaction next = i.withSegments(s -> s.kind() == SegmentKind.TALK ? s.ends(at, Segment.COMPLETED, "") : s);
        Segment transfer = new Segment(SegmentKind.TRANSFER, at, Optional.of(at), agentId, queue, "",
                Segment.COMPLETED, "queue:" + queue);
        return queued(next.withSegment(transfer), queue, at);
    }

    /**
     * It is over for {@code reason} (an {@code EndMedia} reason): a wait still open ends abandoned (the customer left
     * or nobody took it), an offer still open ends with the customer gone, a talk completed; with {@code wrapUp} the
     * holding agent's wrap-up is noted as a segment of that length.
     */
    public static Interaction ended(Interaction i, String reason, Instant at, java.time.Duration wrapUp) {
        Interaction next = i.withSegments(s -> {
            if (!s.isOpen()) {
                return s;
            }
            return switch (s.kind()) {
                case QUEUE -> s.ends(at, Segment.ABANDONED, reason);
                case OFFER -> s.ends(at, Segment.CALLER_LEFT, reason);
                case TALK -> s.ends(at, Segment.COMPLETED, reason);
                default -> s.ends(at, Segment.ENDED, reason);
            };
        });
        if (!wrapUp.isZero() && next.agentId().isPresent()) {
            next = next.withSegment(new Segment(SegmentKind.WRAP_UP, at, Optional.of(at.plus(wrapUp)),
                    next.agentId().get(), "", "", Segment.COMPLETED, ""));
        }
        return next.ended(at, reason);
    }

    /** Whether the agent holds or held the contact (talked on it, or is its last agent); an offer alone is not enough. */
    public static boolean involved(Interaction i, String agentId) {
        if (i.agentId().map(agentId::equals).orElse(false)) {
            return true;
        }
        for (Segment s : i.segments()) {
            if (s.kind() == SegmentKind.TALK && s.agentId().equals(agentId)) {
                return true;
            }
        }
        return false;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
