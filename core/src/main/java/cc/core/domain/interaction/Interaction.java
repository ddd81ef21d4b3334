package cc.core.domain.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One contact with a customer: a call (or a web, email or chat contact) from first offer to the end, made of
 * {@link Segment}s in the order they happened, with summary fields for the timeline, the pop and the reports.
 * Immutable; each change returns a new record.
 *
 * <p>Records made before segments were kept ({@code segmentsKept} false, schema version 2 and earlier) have no
 * segments; their {@code agentId} is the last agent the call was offered to, whether or not that agent answered, and
 * their {@code answeredAt} is the first answer of the call. Nothing is made up for them.
 *
 * @param id           our id, stable for the life of the contact
 * @param channel      the medium
 * @param direction    inbound or outbound
 * @param server       the telephony server that carried it (empty for non-voice)
 * @param callId       the platform's id of the call (Asterisk Linkedid), empty for non-voice
 * @param callerNumber the customer's number: the caller ID as first known (Newchannel, NewCallerid or the IVR's
 *                     {@code agi_callerid}), updated when Asterisk changes it; for an outbound call the number dialled
 * @param callerName   the caller ID name, empty when unknown
 * @param dialedNumber the number the customer dialled (inbound) or that we dialled (outbound)
 * @param offeredAt    when the contact reached us
 * @param answeredAt   when the system answered it (the IVR or the holding context), or the customer answered our
 *                     outbound call; not an agent's answer (see {@link #agentAnsweredAt()})
 * @param endedAt      when it ended, if it has
 * @param ivrPath      the IVR nodes the caller went through, in order, each with the keys pressed at it
 * @param segments     what happened, in order
 * @param queue        the last queue it waited in, if any
 * @param agentId      the agent who last talked to the customer (who wraps it up and disposes it), if any
 * @param disposition  the outcome code the agent or the system gave it
 * @param notes        the agent's notes
 * @param endCause     why it ended (for calls: the Q.850 cause text, or {@code link-lost} when the call ended
 *                     while the control link was down)
 * @param customerId   the customer, once identified
 * @param campaignId   the outbound campaign, if any
 * @param satisfaction the post-call survey score 1..5, if given
 * @param segmentsKept whether the record was made with segments (false for records from before)
 */
public record Interaction(String id, InteractionChannel channel, Direction direction, String server, String callId,
                          String callerNumber, String callerName, String dialedNumber, Instant offeredAt,
                          Optional<Instant> answeredAt, Optional<Instant> endedAt, List<IvrStep> ivrPath,
                          List<Segment> segments, Optional<String> queue, Optional<String> agentId,
                          Optional<String> disposition, String notes, String endCause, Optional<Long> customerId,
                          Optional<String> campaignId, Optional<Integer> satisfaction, boolean segmentsKept) {

    /** {@link #abandonedWhere()}: the caller hung up in the IVR before being served or queued. */
    public static final String ABANDONED_IN_IVR = "ivr";
    /** {@link #abandonedWhere()}: the caller hung up while waiting in a queue. */
    public static final String ABANDONED_IN_QUEUE = "queue";
    /** {@link #abandonedWhere()}: the caller hung up while an agent's phone rang. */
    public static final String ABANDONED_WHILE_RINGING = "ringing";
    /** {@link #abandonedWhere()}: the dialer played the abandon message (no agent in time for a live answer). */
    public static final String ABANDONED_AFTER_MESSAGE = "abandon-message";
    /** {@link #abandonedWhere()}: an inbound caller hung up before anything answered. */
    public static final String ABANDONED_BEFORE_ANSWER = "before-answer";

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        server = server == null ? "" : server;
        callId = callId == null ? "" : callId;
        callerNumber = callerNumber == null ? "" : callerNumber;
        callerName = callerName == null ? "" : callerName;
        dialedNumber = dialedNumber == null ? "" : dialedNumber;
        Objects.requireNonNull(offeredAt, "offeredAt");
        ivrPath = List.copyOf(ivrPath);
        segments = List.copyOf(segments);
        notes = notes == null ? "" : notes;
        endCause = endCause == null ? "" : endCause;
        if (satisfaction.isPresent() && (satisfaction.get() < 1 || satisfaction.get() > 5)) {
            throw new IllegalArgumentException("satisfaction must be 1..5, was " + satisfaction.get());
        }
    }

    /** A new voice contact, offered now. */
    public static Interaction newCall(String id, Direction direction, String server, String callId,
                                      String callerNumber, String callerName, String dialedNumber, Instant offeredAt) {
        return new Interaction(id, InteractionChannel.VOICE, direction, server, callId, callerNumber, callerName,
                dialedNumber, offeredAt, Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), "", "", Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    public boolean isEnded() {
        return endedAt.isPresent();
    }

    /** When an agent first talked to the customer; empty when none did (or the record predates segments). */
    public Optional<Instant> agentAnsweredAt() {
        return segments.stream().filter(s -> s.kind() == SegmentKind.TALK).map(Segment::startedAt).findFirst();
    }

    /** The agents who talked to the customer, in the order they first did. */
    public List<String> handledBy() {
        Set<String> agents = new LinkedHashSet<>();
        segments.stream().filter(s -> s.kind() == SegmentKind.TALK).forEach(s -> agents.add(s.agentId()));
        return List.copyOf(agents);
    }

    /**
     * Where the customer gave up, for an ended contact no agent talked on: {@link #ABANDONED_AFTER_MESSAGE},
     * {@link #ABANDONED_WHILE_RINGING}, {@link #ABANDONED_IN_QUEUE}, {@link #ABANDONED_IN_IVR} or
     * {@link #ABANDONED_BEFORE_ANSWER}; empty when it was not abandoned (served by an agent or by the IVR, sent to
     * voicemail, called back later, or an outbound call the customer never answered) or is still going on.
     */
    public Optional<String> abandonedWhere() {
        if (endedAt.isEmpty() || !segmentsKept || !handledBy().isEmpty()) {
            return Optional.empty();
        }
        if (has(SegmentKind.ABANDON_MESSAGE, null)) {
            return Optional.of(ABANDONED_AFTER_MESSAGE);
        }
        if (has(SegmentKind.OFFER, Segment.CALLER_LEFT)) {
            return Optional.of(ABANDONED_WHILE_RINGING);
        }
        if (has(SegmentKind.QUEUE, Segment.ABANDONED)) {
            return Optional.of(ABANDONED_IN_QUEUE);
        }
        if (has(SegmentKind.IVR, Segment.CALLER_HUNG_UP)) {
            return Optional.of(ABANDONED_IN_IVR);
        }
        if (direction == Direction.INBOUND && answeredAt.isEmpty()) {
            return Optional.of(ABANDONED_BEFORE_ANSWER);
        }
        return Optional.empty();
    }

    private boolean has(SegmentKind kind, String outcome) {
        return segments.stream().anyMatch(s -> s.kind() == kind && (outcome == null || outcome.equals(s.outcome())));
    }

    /** Time from offer to the first agent's answer, or to the end when no agent answered. */
    public Optional<Duration> waitTime() {
        return agentAnsweredAt().or(() -> endedAt).map(t -> Duration.between(offeredAt, t));
    }

    /** Time agents talked to the customer, summed over the conversations that have ended. */
    public Duration talkTime() {
        return segments.stream().filter(s -> s.kind() == SegmentKind.TALK).flatMap(s -> s.duration().stream())
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Segments still going on. */
    public List<Segment> openSegments() {
        return segments.stream().filter(Segment::isOpen).toList();
    }

    /** The first system answer counts; later answers do not move it. */
    public Interaction answered(Instant at) {
        return answeredAt.isPresent() ? this : with(b -> b.answeredAt = Optional.of(at));
    }

    /** The first end counts. */
    public Interaction ended(Instant at, String cause) {
        return endedAt.isPresent() ? this : with(b -> { b.endedAt = Optional.of(at); b.endCause = cause; });
    }

    /** The caller ID as Asterisk now has it; an empty number or name keeps what was known. */
    public Interaction withCallerId(String number, String name) {
        String n = number == null || number.isBlank() ? callerNumber : number;
        String m = name == null || name.isBlank() ? callerName : name;
        return n.equals(callerNumber) && m.equals(callerName) ? this
                : with(b -> { b.callerNumber = n; b.callerName = m; });
    }

    /** The number dialled, when it was not known as the record opened. */
    public Interaction withDialedNumber(String number) {
        return with(b -> b.dialedNumber = number);
    }

    public Interaction withIvrStep(IvrStep step) {
        List<IvrStep> path = new ArrayList<>(ivrPath);
        path.add(step);
        return with(b -> b.ivrPath = path);
    }

    /** Records the keys pressed at the most recent visit of {@code node}; unchanged when the path has no such node. */
    public Interaction withIvrInput(String node, String input) {
        for (int i = ivrPath.size() - 1; i >= 0; i--) {
            IvrStep step = ivrPath.get(i);
            if (step.node().equals(node)) {
                List<IvrStep> path = new ArrayList<>(ivrPath);
                path.set(i, new IvrStep(step.node(), input, step.at()));
                return with(b -> b.ivrPath = path);
            }
        }
        return this;
    }

    public Interaction withSegment(Segment segment) {
        List<Segment> all = new ArrayList<>(segments);
        all.add(segment);
        return with(b -> b.segments = all);
    }

    /** Replaces every segment the change alters (a segment it returns unchanged stays as it is). */
    public Interaction withSegments(UnaryOperator<Segment> change) {
        List<Segment> all = new ArrayList<>(segments.size());
        boolean altered = false;
        for (Segment s : segments) {
            Segment next = change.apply(s);
            altered |= next != s;
            all.add(next);
        }
        return altered ? with(b -> b.segments = all) : this;
    }

    public Interaction withQueue(String q) {
        return with(b -> b.queue = Optional.of(q));
    }

    public Interaction withAgent(String agent) {
        return with(b -> b.agentId = Optional.of(agent));
    }

    public Interaction withDisposition(String code, String agentNotes) {
        return with(b -> { b.disposition = Optional.of(code); b.notes = agentNotes; });
    }

    public Interaction withCustomer(long customer) {
        return with(b -> b.customerId = Optional.of(customer));
    }

    public Interaction withCampaign(String campaign) {
        return with(b -> b.campaignId = Optional.of(campaign));
    }

    public Interaction withSatisfaction(int score) {
        return with(b -> b.satisfaction = Optional.of(score));
    }

    private Interaction with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** Copy-on-write helper so each {@code withX} names only the fields it changes. */
    private static final class Builder {
        private final Interaction from;
        String callerNumber;
        String callerName;
        String dialedNumber;
        Optional<Instant> answeredAt;
        Optional<Instant> endedAt;
        List<IvrStep> ivrPath;
        List<Segment> segments;
        Optional<String> queue;
        Optional<String> agentId;
        Optional<String> disposition;
        String notes;
        String endCause;
        Optional<Long> customerId;
        Optional<String> campaignId;
        Optional<Integer> satisfaction;

        Builder(Interaction i) {
            from = i;
            callerNumber = i.callerNumber;
            callerName = i.callerName;
            dialedNumber = i.dialedNumber;
            answeredAt = i.answeredAt;
            endedAt = i.endedAt;
            ivrPath = i.ivrPath;
            segments = i.segments;
            queue = i.queue;
            agentId = i.agentId;
            disposition = i.disposition;
            notes = i.notes;
            endCause = i.endCause;
            customerId = i.customerId;
            campaignId = i.campaignId;
            satisfaction = i.satisfaction;
        }

        Interaction build() {
            return new Interaction(from.id, from.channel, from.direction, from.server, from.callId, callerNumber,
                    callerName, dialedNumber, from.offeredAt, answeredAt, endedAt, ivrPath, segments, queue,
                    agentId, disposition, notes, endCause, customerId, campaignId, satisfaction, from.segmentsKept);
        }
    }
}
