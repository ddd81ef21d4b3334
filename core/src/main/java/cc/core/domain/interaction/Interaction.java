package cc.core.domain.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact with a customer: a call (or a web, email or chat contact) from first offer to the end, with the path
 * it took. Immutable; each change returns a new record.
 *
 * @param id           our id, stable for the life of the contact
 * @param channel      the medium
 * @param direction    inbound or outbound
 * @param server       the telephony server that carried it (empty for non-voice)
 * @param callId       the platform's id of the call (Asterisk Linkedid), empty for non-voice
 * @param callerNumber the customer's number as presented
 * @param dialedNumber the number the customer dialled (inbound) or that we dialled (outbound)
 * @param offeredAt    when the contact reached us
 * @param answeredAt   when it was answered, if it was
 * @param endedAt      when it ended, if it has
 * @param ivrPath      the IVR nodes the caller went through, in order
 * @param queue        the queue it waited in, if any
 * @param agentId      the agent who took it, if any
 * @param disposition  the outcome code the agent or the system gave it
 * @param notes        the agent's notes
 * @param endCause     why it ended (for calls: the Q.850 cause text, or {@code link-lost} when the call ended
 *                     while the control link was down)
 * @param customerId   the customer, once identified
 * @param campaignId   the outbound campaign, if any
 * @param satisfaction the post-call survey score 1..5, if given
 */
public record Interaction(String id, InteractionChannel channel, Direction direction, String server, String callId,
                          String callerNumber, String dialedNumber, Instant offeredAt, Optional<Instant> answeredAt,
                          Optional<Instant> endedAt, List<IvrStep> ivrPath, Optional<String> queue,
                          Optional<String> agentId, Optional<String> disposition, String notes, String endCause,
                          Optional<Long> customerId, Optional<String> campaignId, Optional<Integer> satisfaction) {

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        server = server == null ? "" : server;
        callId = callId == null ? "" : callId;
        callerNumber = callerNumber == null ? "" : callerNumber;
        dialedNumber = dialedNumber == null ? "" : dialedNumber;
        Objects.requireNonNull(offeredAt, "offeredAt");
        ivrPath = List.copyOf(ivrPath);
        notes = notes == null ? "" : notes;
        endCause = endCause == null ? "" : endCause;
        if (satisfaction.isPresent() && (satisfaction.get() < 1 || satisfaction.get() > 5)) {
            throw new IllegalArgumentException("satisfaction must be 1..5, was " + satisfaction.get());
        }
    }

    /** A new voice contact, offered now. */
    public static Interaction newCall(String id, Direction direction, String server, String callId,
                                      String callerNumber, String dialedNumber, Instant offeredAt) {
        return new Interaction(id, InteractionChannel.VOICE, direction, server, callId, callerNumber, dialedNumber,
                offeredAt, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), "", "", Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEnded() {
        return endedAt.isPresent();
    }

    /** Time from offer to answer, or to the end when never answered. */
    public Optional<Duration> waitTime() {
        return answeredAt.or(() -> endedAt).map(t -> Duration.between(offeredAt, t));
    }

    /** Time from answer to end, when both happened. */
    public Optional<Duration> talkTime() {
        return answeredAt.flatMap(a -> endedAt.map(e -> Duration.between(a, e)));
    }

    /** The first answer counts; later answers (transfers) do not move it. */
    public Interaction answered(Instant at) {
        return answeredAt.isPresent() ? this : with(b -> b.answeredAt = Optional.of(at));
    }

    /** The first end counts. */
    public Interaction ended(Instant at, String cause) {
        return endedAt.isPresent() ? this : with(b -> { b.endedAt = Optional.of(at); b.endCause = cause; });
    }

    public Interaction withIvrStep(IvrStep step) {
        List<IvrStep> path = new ArrayList<>(ivrPath);
        path.add(step);
        return with(b -> b.ivrPath = path);
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

    /** Copy-on-write helper so each {@code withX} names only the field it changes. */
    private static final class Builder {
        private final Interaction from;
        Optional<Instant> answeredAt;
        Optional<Instant> endedAt;
        List<IvrStep> ivrPath;
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
            answeredAt = i.answeredAt;
            endedAt = i.endedAt;
            ivrPath = i.ivrPath;
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
            return new Interaction(from.id, from.channel, from.direction, from.server, from.callId,
                    from.callerNumber, from.dialedNumber, from.offeredAt, answeredAt, endedAt, ivrPath, queue,
                    agentId, disposition, notes, endCause, customerId, campaignId, satisfaction);
        }
    }
}
