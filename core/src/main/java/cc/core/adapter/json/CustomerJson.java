package cc.core.adapter.json;

import cc.core.domain.customer.CustomerRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A customer as JSON, one shape for the back-office API's answers and the {@code customer.*} events' payload, so a
 * receiver reads an event's customer the way it reads the API's.
 */
public final class CustomerJson {
    private CustomerJson() {
    }

    public static JsonObject of(CustomerRecord r) {
        JsonObject o = new JsonObject().put("id", r.id()).put("name", r.name())
                .put("phones", new JsonArray(r.phones())).put("emails", new JsonArray(r.emails()))
                .put("accountNumber", r.accountNumber()).put("language", r.language()).put("segment", r.segment())
                .put("timeZone", r.timeZone()).put("createdAt", r.createdAt().toString());
        if (!r.externalSource().isEmpty()) {
            o.put("externalSource", r.externalSource()).put("externalId", r.externalId());
        }
        if (r.mergedInto() != 0) {
            o.put("mergedInto", r.mergedInto());
        }
        return o;
    }
}
