package cc.console.adapter.jdbc;

import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.core.domain.sales.Opportunity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code opportunity.changed} event of a save: which fields changed (all of them for a new opportunity), the
 * opportunity as saved, and the earlier value of each field that changed.
 */
final class OpportunityEvents {

    /** The fields a receiver is told of, by their name in the event. */
    private static final List<Field> FIELDS = List.of(
            new Field("title", Opportunity::title),
            // compared by value: 10 and 10.00 are one amount
            new Field("amount", o -> o.amount().stripTrailingZeros().toPlainString()),
            new Field("currency", Opportunity::currency),
            new Field("probability", Opportunity::probability),
            new Field("owner", Opportunity::owner),
            new Field("status", Opportunity::status),
            new Field("stage", Opportunity::stage),
            new Field("product", Opportunity::product),
            new Field("lostReason", Opportunity::lostReason),
            new Field("expectedClose", o -> o.expectedClose().map(LocalDate::toString).orElse(null)));

    private record Field(String name, Function<Opportunity, Object> value) {
    }

    private OpportunityEvents() {
    }

    /** The names of the fields that differ; every field for a new opportunity; none for a save that changed nothing. */
    static List<String> changedFields(Optional<Opportunity> before, Opportunity after) {
        List<String> out = new ArrayList<>();
        for (Field f : FIELDS) {
            if (before.isEmpty() || !Objects.equals(f.value.apply(before.get()), f.value.apply(after))) {
                out.add(f.name);
            }
        }
        return out;
    }

    static BusinessEvent changed(Optional<Opportunity> before, Opportunity after, List<String> changed, Instant now) {
        JsonObject body = new JsonObject()
                .put("opportunityId", after.id())
                .put("created", before.isEmpty())
                .put("changed", new JsonArray(new ArrayList<Object>(changed)))
                .put("customerId", after.customerId())
                .put("interactionId", after.interactionId().isEmpty() ? null : after.interactionId())
                .put("createdAt", after.createdAt().map(Instant::toString).orElse(null))
                .put("closedAt", after.closedAt().map(Instant::toString).orElse(null));
        for (Field f : FIELDS) {
            body.put(f.name, f.value.apply(after));
        }
        if (before.isPresent()) {
            JsonObject previous = new JsonObject();
            for (Field f : FIELDS) {
                if (changed.contains(f.name)) {
                    previous.put(f.name, f.value.apply(before.get()));
                }
            }
            body.put("previous", previous);
        }
        return BusinessEvent.of(BusinessEventType.OPPORTUNITY_CHANGED, Long.toString(after.id()), now, body.encode());
    }
}
