package cc.dialer.adapter.jdbc;

import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.core.domain.integration.InteractionChanges;
import cc.dialer.app.AttemptState;
import cc.dialer.app.AuditEntry;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox events of the dialer: {@code campaign.attempt} once an attempt's outcome is decided (again only if it
 * changes), for each contact the dialer decided not to dial (skipped or refused: a decision not to act is a fact
 * too), and for each outcome of a click-to-talk call (audited without a stored attempt); {@code interaction.answered} by a machine once a machine verdict's attempt names its interaction record
 * (which does not carry the verdict itself).
 *
 * <p>Entities: an attempt is {@code <campaign>:<attempt>} (the attempt id is unique within its campaign, and this is
 * the {@code CC_ATTEMPT} value the dialer sets on the call); a decision not to dial, or a click-to-talk outcome, which
 * have no attempt, is {@code <campaign>:contact:<contact>} (for click-to-talk the contact is the request).
 */
final class AttemptEvents {

    private AttemptEvents() {
    }

    /** What a save of {@code next} tells, given the outcome and interaction id stored before it (null when none). */
    static List<BusinessEvent> saved(String storedOutcome, String storedInteraction, AttemptState next) {
        List<BusinessEvent> out = new ArrayList<>();
        String outcome = next.outcome().map(Enum::name).orElse(null);
        // the attempt's own latest time: the decision is the last thing that happened to it
        Instant at = next.endedAt().or(next::connectedAt).or(next::answeredAt).orElse(next.placedAt());
        if (outcome != null && !outcome.equals(storedOutcome)) {
            JsonObject body = new JsonObject()
                    .put("campaignId", next.campaignId())
                    .put("attemptId", next.attemptId())
                    .put("contactId", next.contactId())
                    .put("number", next.number())
                    .put("dialled", true)
                    .put("outcome", outcome)
                    .put("previousOutcome", storedOutcome)
                    .put("placedAt", next.placedAt().toString())
                    .put("answeredAt", next.answeredAt().map(Instant::toString).orElse(null))
                    .put("connectedAt", next.connectedAt().map(Instant::toString).orElse(null))
                    .put("endedAt", next.endedAt().map(Instant::toString).orElse(null))
                    .put("agentId", next.agentId().orElse(null))
                    .put("interactionId", next.interactionId().orElse(null))
                    .put("talkSeconds", next.talkSeconds());
            out.add(BusinessEvent.of(BusinessEventType.CAMPAIGN_ATTEMPT, attemptEntity(next), at, body.encode()));
        }
        boolean machineNamed = "MACHINE".equals(outcome) && next.interactionId().isPresent();
        boolean machineNamedBefore = "MACHINE".equals(storedOutcome) && storedInteraction != null;
        if (machineNamed && !machineNamedBefore) {
            String interaction = next.interactionId().get();
            JsonObject body = new JsonObject()
                    .put("interactionId", interaction)
                    .put("type", BusinessEventType.INTERACTION_ANSWERED.wire())
                    .put("answeredBy", InteractionChanges.BY_MACHINE)
                    .put("direction", "outbound")
                    .put("campaignId", next.campaignId())
                    .put("attemptId", next.attemptId())
                    .put("dialedNumber", next.number())
                    .put("answeredAt", next.answeredAt().map(Instant::toString).orElse(null));
            out.add(BusinessEvent.of(BusinessEventType.INTERACTION_ANSWERED, interaction,
                    next.answeredAt().orElse(at), body.encode()));
        }
        return out;
    }

    /**
     * The event of an audit line: a decision not to dial ({@code SKIPPED}, {@code REFUSED}), or the outcome of a dial
     * that has no stored attempt (click-to-talk: {@code CONNECTED}, {@code BUSY}, {@code NO_ANSWER}, {@code FAILED},
     * {@code UNCONFIRMED}, ...). None for a dial placed, a callback booked, or the outcome of a campaign's attempt,
     * which its attempt's save tells.
     */
    static Optional<BusinessEvent> audited(AuditEntry e) {
        boolean decidedNotToDial = e.event() == AuditEntry.Event.SKIPPED || e.event() == AuditEntry.Event.REFUSED;
        boolean outcomeWithoutAttempt = e.attemptId().isEmpty() && e.event() != AuditEntry.Event.DIALLED
                && e.event() != AuditEntry.Event.CALLBACK && !decidedNotToDial;
        if (!decidedNotToDial && !outcomeWithoutAttempt) {
            return Optional.empty();
        }
        int colon = e.detail().indexOf(':');
        JsonObject body = new JsonObject()
                .put("campaignId", e.campaignId())
                .put("attemptId", e.attemptId().orElse(null))
                .put("contactId", e.contactId())
                .put("number", e.number())
                .put("dialled", !decidedNotToDial)
                .put("outcome", e.event().name())
                // a skip's reason code (do-not-call, outside-hours, ...), as the audit's detail starts with it
                .put("reason", decidedNotToDial && colon > 0 ? e.detail().substring(0, colon) : null)
                .put("detail", e.detail())
                .put("decidedAt", e.at().toString());
        return Optional.of(BusinessEvent.of(BusinessEventType.CAMPAIGN_ATTEMPT,
                e.campaignId() + ":contact:" + e.contactId(), e.at(), body.encode()));
    }

    static String attemptEntity(AttemptState a) {
        return a.campaignId() + ":" + a.attemptId();
    }
}
