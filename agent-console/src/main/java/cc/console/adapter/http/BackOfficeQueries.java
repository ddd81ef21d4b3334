package cc.console.adapter.http;

import cc.core.app.interaction.InteractionSearch;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The interaction search's query parameters checked (each refusal names the parameter) and its rows as JSON. The
 * page cursor is opaque to clients: the last row's offer time and id, base64url-encoded.
 */
final class BackOfficeQueries {
    private static final Set<String> PARAMETERS = Set.of("customerId", "from", "to", "outcome", "disposition",
            "limit", "cursor");
    private static final int DEFAULT_LIMIT = 100;

    private BackOfficeQueries() {
    }

    static InteractionSearch.Query interactions(MultiMap params, Instant now, Duration defaultRange, Duration maxRange) {
        for (String name : params.names()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException(name + ": not a parameter of this search (parameters: "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS)) + ")");
            }
            if (params.getAll(name).size() > 1) {
                throw new IllegalArgumentException(name + ": give it once");
            }
        }
        long customer = 0;
        if (params.get("customerId") != null) {
            customer = positive(params.get("customerId"), "customerId");
        }
        Instant to = params.get("to") == null ? now : instant(params.get("to"), "to");
        Instant from = params.get("from") == null ? to.minus(defaultRange) : instant(params.get("from"), "from");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        if (Duration.between(from, to).compareTo(maxRange) > 0) {
            throw new IllegalArgumentException("from: a search covers at most " + maxRange.toDays() + " days");
        }
        Optional<InteractionSearch.Outcome> outcome = Optional.empty();
        if (params.get("outcome") != null) {
            try {
                outcome = Optional.of(InteractionSearch.Outcome.valueOf(params.get("outcome").toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("outcome: answered, abandoned or open");
            }
        }
        Optional<String> disposition = Optional.ofNullable(params.get("disposition"));
        if (disposition.isPresent() && (disposition.get().isBlank() || disposition.get().length() > 128)) {
            throw new IllegalArgumentException("disposition: a disposition code of 1 to 128 characters");
        }
        int limit = DEFAULT_LIMIT;
        if (params.get("limit") != null) {
            long l = positive(params.get("limit"), "limit");
            if (l > InteractionSearch.MAX_LIMIT) {
                throw new IllegalArgumentException("limit: at most " + InteractionSearch.MAX_LIMIT);
            }
            limit = (int) l;
        }
        Optional<InteractionSearch.Cursor> after = Optional.empty();
        if (params.get("cursor") != null) {
            after = Optional.of(cursor(params.get("cursor")));
        }
        return new InteractionSearch.Query(customer, from, to, outcome, disposition, limit, after);
    }

    static String cursor(InteractionSearch.Cursor c) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((c.offeredAt() + "|" + c.id())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static InteractionSearch.Cursor cursor(String text) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = s.indexOf('|');
            return new InteractionSearch.Cursor(Instant.parse(s.substring(0, bar)), s.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cursor: not a cursor this search gave (use the last page's next)");
        }
    }

    private static long positive(String text, String name) {
        try {
            long v = Long.parseLong(text.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + ": a positive whole number");
    }

    private static Instant instant(String text, String name) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }

    static JsonObject interaction(InteractionSearch.Row r) {
        JsonObject o = new JsonObject().put("id", r.id()).put("channel", r.channel()).put("direction", r.direction())
                .put("offeredAt", r.offeredAt().toString()).put("callerNumber", r.callerNumber())
                .put("dialedNumber", r.dialedNumber()).put("notes", r.notes())
                .put("outcome", r.agentAnsweredAt().isPresent() ? "answered"
                        : r.abandonedWhere().isPresent() ? "abandoned" : r.endedAt().isEmpty() ? "open" : "ended");
        r.agentAnsweredAt().ifPresent(t -> o.put("agentAnsweredAt", t.toString()));
        r.endedAt().ifPresent(t -> o.put("endedAt", t.toString()));
        r.queue().ifPresent(v -> o.put("queue", v));
        r.agentId().ifPresent(v -> o.put("agentId", v));
        r.disposition().ifPresent(v -> o.put("disposition", v));
        r.abandonedWhere().ifPresent(v -> o.put("abandonedWhere", v));
        r.customerId().ifPresent(v -> o.put("customerId", v));
        r.campaignId().ifPresent(v -> o.put("campaignId", v));
        return o;
    }
}
