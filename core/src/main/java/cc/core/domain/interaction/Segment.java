package cc.core.domain.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a contact, in the order it happened: a stay in the IVR, a wait in a queue, an agent's phone ringing,
 * a conversation, a hold, a transfer, a conference, the agent's wrap-up. The interaction's summary fields (answered
 * by an agent, handled by, abandoned where) are derived from its segments.
 *
 * @param kind      what the caller was doing
 * @param startedAt when it began
 * @param endedAt   when it ended; empty while it goes on
 * @param agentId   the agent it concerns (offer, talk, hold, wrap-up), empty otherwise
 * @param queue     the queue it concerns (queue wait, offer), empty otherwise
 * @param flow      the IVR flow (IVR segments), empty otherwise
 * @param outcome   how it ended, one of the constants below for its kind; empty while it goes on
 * @param detail    more about the outcome: where an overflow or transfer went ({@code queue:sales}), why a dial
 *                  failed; empty when there is nothing more to say
 */
public record Segment(SegmentKind kind, Instant startedAt, Optional<Instant> endedAt, String agentId, String queue,
                      String flow, String outcome, String detail) {

    // Outcomes of a queue wait.
    /** An agent answered. */
    public static final String ANSWERED = "answered";
    /** The caller hung up. */
    public static final String ABANDONED = "abandoned";
    /** The queue sent the caller on (to another queue, voicemail or a callback: see detail). */
    public static final String OVERFLOW = "overflow";
    /** The caller traded the wait for a callback and hung up. */
    public static final String CALLBACK = "callback";

    // Outcomes of an offer (besides ANSWERED).
    /** The agent's phone rang until the ring timeout. */
    public static final String NO_ANSWER = "no-answer";
    /** The agent's phone was busy or refused the call. */
    public static final String REFUSED = "refused";
    /** The agent's phone could not be rung (see detail). */
    public static final String FAILED = "failed";
    /** The caller hung up while the agent's phone rang. */
    public static final String CALLER_LEFT = "caller-left";
    /** The ACD stopped ringing (the agent logged out, or the call was taken elsewhere). */
    public static final String CANCELLED = "cancelled";

    // Outcomes of a conversation.
    /** The caller hung up first. */
    public static final String CALLER_HUNG_UP = "caller-hung-up";
    /** The agent hung up first. */
    public static final String AGENT_HUNG_UP = "agent-hung-up";

    // Outcomes of an IVR stay: the IVR's own words (completed, enqueued, caller-hung-up, transferred, failed).
    /** The flow ran to its end: the caller was served by the IVR. */
    public static final String COMPLETED = "completed";
    /** The flow handed the caller to a queue. */
    public static final String ENQUEUED = "enqueued";

    /** Outcome of a segment closed because the record was made before it could be followed to its end. */
    public static final String ENDED = "ended";

    public Segment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        agentId = agentId == null ? "" : agentId;
        queue = queue == null ? "" : queue;
        flow = flow == null ? "" : flow;
        outcome = outcome == null ? "" : outcome;
        detail = detail == null ? "" : detail;
    }

    /** A segment that begins now. */
    public static Segment begins(SegmentKind kind, Instant at, String agentId, String queue, String flow) {
        return new Segment(kind, at, Optional.empty(), agentId, queue, flow, "", "");
    }

    public boolean isOpen() {
        return endedAt.isEmpty();
    }

    /** This segment ended at {@code at} (never before it began) with the outcome; an ended one stays as it was. */
    public Segment ends(Instant at, String endOutcome, String endDetail) {
        if (endedAt.isPresent()) {
            return this;
        }
        Instant end = at.isBefore(startedAt) ? startedAt : at;
        return new Segment(kind, startedAt, Optional.of(end), agentId, queue, flow, endOutcome, endDetail);
    }

    /** How long it lasted, when it has ended. */
    public Optional<Duration> duration() {
        return endedAt.map(e -> Duration.between(startedAt, e));
    }
}
