package cc.core.adapter.jdbc;

import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.InteractionChanges;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outbox events of an interaction save: {@link InteractionChanges} decides which, this gives each its JSON body.
 * Every body carries the record's summary as it is after the save (so a receiver needs no second call), plus the
 * fields of the change itself. Notes and the IVR keys pressed are the customer's words and digits: the body names
 * neither; a receiver that needs them reads the record through the API.
 */
final class InteractionEvents {

    private InteractionEvents() {
    }

    static List<BusinessEvent> between(Optional<Interaction> stored, Interaction next, Instant now) {
        List<BusinessEvent> out = new ArrayList<>();
        for (InteractionChanges.Change change : InteractionChanges.between(stored, next, now)) {
            JsonObject body = summary(next);
            body.put("type", change.type().wire());
            if (!change.answeredBy().isEmpty()) {
                body.put("answeredBy", change.answeredBy());
                body.put("answeredByAgent", change.agentId().isEmpty() ? null : change.agentId());
            }
            change.segment().ifPresent(s -> body.put("segment", segment(s)));
            switch (change.type()) {
                case INTERACTION_TRANSFERRED:
                    body.put("transferredBy", change.agentId().isEmpty() ? null : change.agentId());
                    body.put("transferredTo", change.segment().map(Segment::detail).orElse(""));
                    break;
                case INTERACTION_DISPOSED:
                    body.put("disposedAt", now.toString());
                    break;
                default:
                    break;
            }
            out.add(BusinessEvent.of(change.type(), next.id(), change.occurredAt(), body.encode()));
        }
        return out;
    }

    /** What every interaction event says of the record: who, where, when, how it ended. */
    static JsonObject summary(Interaction i) {
        return new JsonObject()
                .put("interactionId", i.id())
                .put("channel", i.channel().name().toLowerCase(Locale.ROOT))
                .put("direction", i.direction().name().toLowerCase(Locale.ROOT))
                .put("callerNumber", i.callerNumber())
                .put("callerName", i.callerName())
                .put("dialedNumber", i.dialedNumber())
                .put("customerId", i.customerId().orElse(null))
                .put("campaignId", i.campaignId().orElse(null))
                .put("queue", i.queue().orElse(null))
                .put("agentId", i.agentId().orElse(null))
                .put("handledBy", new JsonArray(new ArrayList<Object>(i.handledBy())))
                .put("offeredAt", i.offeredAt().toString())
                .put("answeredAt", i.answeredAt().map(Instant::toString).orElse(null))
                .put("agentAnsweredAt", i.agentAnsweredAt().map(Instant::toString).orElse(null))
                .put("endedAt", i.endedAt().map(Instant::toString).orElse(null))
                .put("endCause", i.endCause().isEmpty() ? null : i.endCause())
                .put("abandonedWhere", i.abandonedWhere().orElse(null))
                .put("disposition", i.disposition().orElse(null))
                .put("satisfaction", i.satisfaction().orElse(null));
    }

    private static JsonObject segment(Segment s) {
        return new JsonObject()
                .put("kind", s.kind().wireName())
                .put("startedAt", s.startedAt().toString())
                .put("endedAt", s.endedAt().map(Instant::toString).orElse(null))
                .put("agentId", s.agentId().isEmpty() ? null : s.agentId())
                .put("queue", s.queue().isEmpty() ? null : s.queue())
                .put("flow", s.flow().isEmpty() ? null : s.flow())
                .put("outcome", s.outcome().isEmpty() ? null : s.outcome())
                .put("detail", s.detail().isEmpty() ? null : s.detail());
    }
}
