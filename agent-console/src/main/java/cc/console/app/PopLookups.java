package cc.console.app;

import cc.core.contract.CallOffered;
import cc.core.contract.LookupAddresses;
import cc.core.contract.LookupReply;
import cc.core.contract.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lookups into other systems on the pop (the customer's last orders): once the card knows the customer, each
 * configured lookup is asked, all at once, with the pop's budget; the pop goes out when all have replied or the
 * budget is spent, whichever is first, with the rows or why they are missing. The lookups verticle replies within
 * the budget itself; {@link #SLACK_MS} only covers the event bus when that verticle is not running.
 *
 * <p>Thread-safe (immutable); replies complete on the asking context.
 */
public final class PopLookups {
    static final long SLACK_MS = 250;
    public static final PopLookups NONE = new PopLookups(Duration.ofMillis(400), List.of());

    private final Duration budget;
    private final List<Shown> shown;

    /**
     * @param budget how long the pop waits at most for the lookups
     * @param shown  the lookups shown, in order, with their labels
     */
    public PopLookups(Duration budget, List<Shown> shown) {
        this.budget = budget;
        this.shown = List.copyOf(shown);
    }

    /** A lookup on the pop: its name, heading and the columns of its rows (keys as the lookup's fields). */
    public record Shown(String name, String titleEn, String titleFa, List<Column> columns) {
        public Shown {
            columns = List.copyOf(columns);
        }
    }

    public record Column(String key, String en, String fa) {}

    public boolean isEmpty() {
        return shown.isEmpty();
    }

    /** The card with {@code lookups} added; the card as it was when none are configured. */
    Future<JsonObject> attach(Vertx vertx, JsonObject card, CallOffered offer) {
        if (shown.isEmpty()) {
            return Future.succeededFuture(card);
        }
        Map<String, String> keys = keys(card, offer);
        List<Future<JsonObject>> asked = new ArrayList<>();
        for (Shown s : shown) {
            asked.add(vertx.eventBus().<LookupReply>request(LookupAddresses.ASK,
                            new LookupRequest(s.name(), keys, budget.toMillis()),
                            new DeliveryOptions().setSendTimeout(budget.toMillis() + SLACK_MS))
                    .map(m -> entry(s, m.body()))
                    .otherwise(e -> entry(s, failed(s, e))));
        }
        return Future.join(asked).map(all -> {
            JsonArray out = new JsonArray();
            asked.forEach(f -> out.add(f.result()));
            return card.put("lookups", out);
        });
    }

    /** What the card knows of the customer, named as lookup URLs name it. */
    static Map<String, String> keys(JsonObject card, CallOffered offer) {
        Map<String, String> keys = new HashMap<>();
        String account = offer.data().getOrDefault("accountNumber", offer.data().getOrDefault("account", ""));
        put(keys, "accountNumber", account);
        put(keys, "customerId", offer.data().getOrDefault("customerId", ""));
        put(keys, "phone", offer.callerNumber());
        JsonObject customer = card.getJsonObject("customer");
        if (customer != null) {
            put(keys, "customerId", String.valueOf(customer.getValue("id", "")));
            put(keys, "accountNumber", customer.getString("account", ""));
            JsonArray phones = customer.getJsonArray("phones", new JsonArray());
            if (!phones.isEmpty()) {
                keys.putIfAbsent("phone", phones.getString(0));
            }
        }
        return keys;
    }

    /** The customer's record wins over what the IVR heard; blanks are not keys. */
    private static void put(Map<String, String> keys, String key, String value) {
        if (value != null && !value.isBlank()) {
            keys.put(key, value.strip());
        }
    }

    private LookupReply failed(Shown s, Throwable e) {
        boolean noLookups = e instanceof ReplyException && ((ReplyException) e).failureType() == ReplyFailure.NO_HANDLERS;
        return noLookups
                ? new LookupReply(s.name(), LookupReply.Status.UNAVAILABLE, List.of(),
                        "lookups are not running on this server", false, "جست‌وجو در سامانه‌های دیگر روی این سرور روشن نیست")
                : new LookupReply(s.name(), LookupReply.Status.UNAVAILABLE, List.of(),
                        "no answer within " + budget.toMillis() + " ms", false,
                        "در " + persian(budget.toMillis()) + " میلی‌ثانیه پاسخی نیامد");
    }

    private static String persian(long n) {
        StringBuilder out = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            out.append((char) ('۰' + (c - '0')));
        }
        return out.toString();
    }

    private static JsonObject entry(Shown s, LookupReply r) {
        JsonArray columns = new JsonArray();
        s.columns().forEach(c -> columns.add(new JsonObject().put("key", c.key()).put("en", c.en()).put("fa", c.fa())));
        JsonArray rows = new JsonArray();
        r.rows().forEach(row -> rows.add(new JsonObject(new LinkedHashMap<>(row))));
        return new JsonObject()
                .put("name", s.name())
                .put("title", new JsonObject().put("en", s.titleEn()).put("fa", s.titleFa()))
                .put("columns", columns)
                .put("status", r.status().name().toLowerCase(Locale.ROOT))
                .put("rows", rows)
                .put("fromCache", r.fromCache())
                .put("reason", new JsonObject().put("en", r.reason()).put("fa", r.reasonFa()));
    }
}
