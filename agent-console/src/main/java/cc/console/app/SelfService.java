package cc.console.app;

import cc.console.domain.answers.RankedAnswer;
import cc.console.domain.dialing.DialRules;
import cc.console.domain.i18n.PersianDigits;
import cc.console.domain.selfservice.CallTime;
import cc.console.domain.selfservice.ClickToTalkLimits;
import cc.console.domain.selfservice.OrderLookupLimit;
import cc.console.domain.selfservice.SelfServiceSettings;
import cc.console.domain.selfservice.Snippet;
import cc.console.domain.selfservice.WaitEstimate;
import cc.core.contract.ClickToTalkAddresses;
import cc.core.contract.ClickToTalkQuery;
import cc.core.contract.ClickToTalkRequest;
import cc.core.contract.ClickToTalkStatus;
import cc.core.domain.dialing.DialDecision;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public self-service page's service: published-article search, order status behind a second factor, the wait
 * per public queue, business hours, and click-to-talk requests checked (dial rules, time, limits) before they are
 * handed to the dialer over {@link ClickToTalkAddresses}. Every refusal is recorded with its reason.
 *
 * <p>Threading: thread-safe; called from the HTTP server's event loops. Database work runs on the store's workers.
 */
public final class SelfService {
    /** How long the page waits for the dialer to take or answer about a request. */
    static final long DIALER_TIMEOUT_MS = 5_000;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int SNIPPET_WORDS = 30;

    private final Vertx vertx;
    private final SelfServiceSettings settings;
    private final SelfServiceStore store;
    private final AnswerBook answers;
    private final Wallboard wallboard;
    private final DialRules dialRules;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public SelfService(Vertx vertx, SelfServiceSettings settings, SelfServiceStore store, AnswerBook answers,
                       Wallboard wallboard, DialRules dialRules, InstantSource clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.store = store;
        this.answers = answers;
        this.wallboard = wallboard;
        this.dialRules = dialRules;
        this.clock = clock;
        ClickToTalkAddresses.registerCodecs(vertx.eventBus());
    }

    public SelfServiceSettings settings() {
        return settings;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- knowledge base ----

    /** Published articles matching the words, best first, each with an excerpt around the matched words. */
    public JsonArray search(String query, int limit) {
        JsonArray out = new JsonArray();
        for (RankedAnswer r : answers.searchPublished(query, limit)) {
            long id = Long.parseLong(r.source().id());
            Optional<KnowledgeStore.Article> article = answers.publishedArticle(id);
            if (article.isEmpty()) {
                continue;
            }
            Map<String, Boolean> seen = new HashMap<>();
            List<String> terms = r.matchedTerms();
            JsonArray parts = new JsonArray();
            Snippet.of(article.get().body(), w -> seen.computeIfAbsent(w, k ->
                    answers.queryTerms(Map.of(k, 1.0)).stream().anyMatch(terms::contains)), SNIPPET_WORDS)
                    .forEach(p -> parts.add(new JsonObject().put("text", p.text()).put("matched", p.matched())));
            out.add(new JsonObject().put("id", id).put("title", article.get().title())
                    .put("language", article.get().language()).put("snippet", parts)
                    .put("matched", new JsonArray(terms)));
        }
        return out;
    }

    public Optional<JsonObject> article(long id) {
        return answers.publishedArticle(id).map(a -> new JsonObject().put("id", a.id()).put("title", a.title())
                .put("body", a.body()).put("language", a.language()));
    }

    // ---- orders ----

    /** The answer to an order lookup. */
    public sealed interface OrderAnswer permits OrderFound, OrderNotFound, OrderThrottled {}

    public record OrderFound(SelfServiceStore.Order order) implements OrderAnswer {}

    /** Unknown order and wrong second factor alike: the page must not tell which. */
    public record OrderNotFound() implements OrderAnswer {}

    public record OrderThrottled() implements OrderAnswer {}

    public Future<OrderAnswer> order(String address, String orderNumber, String lastFour) {
        Instant now = clock.instant();
        OrderLookupLimit limit = settings.orderLookup();
        String number = PersianDigits.toAscii(orderNumber.strip());
        String four = PersianDigits.toAscii(lastFour.strip());
        return store.lookupFailures(address, limit.since(now)).compose(failures -> {
            if (!limit.allows(failures)) {
                return store.record(new SelfServiceStore.Decision(SelfServiceStore.ORDER_LOOKUP, address, number,
                        "", "refused", "lookup-limit", now)).map(v -> (OrderAnswer) new OrderThrottled());
            }
            return store.order(number).compose(order -> {
                if (order.isPresent() && OrderLookupLimit.secondFactorMatches(order.get().phone(), four)) {
                    return Future.succeededFuture(new OrderFound(order.get()));
                }
                return store.record(new SelfServiceStore.Decision(SelfServiceStore.ORDER_LOOKUP, address, number,
                        "", "failed", order.isPresent() ? "wrong-second-factor" : "unknown-order", now))
                        .map(v -> (OrderAnswer) new OrderNotFound());
            });
        });
    }

    // ---- queues and hours ----

    /** The public queues with callers waiting and the estimated wait (no agent is ever named). */
    public JsonArray queues(String language) {
        Map<String, JsonObject> live = new HashMap<>();
        JsonArray rows = wallboard.snapshot().getJsonArray("queues", new JsonArray());
        for (int i = 0; i < rows.size(); i++) {
            live.put(rows.getJsonObject(i).getString("queue"), rows.getJsonObject(i));
        }
        JsonArray out = new JsonArray();
        for (SelfServiceSettings.PublicQueue q : settings.queues()) {
            JsonObject row = new JsonObject().put("queue", q.queue()).put("name", q.name(language));
            JsonObject figures = live.get(q.queue());
            if (figures == null) {
                row.put("known", false);
            } else {
                int waiting = figures.getInteger("waiting", 0);
                row.put("known", true).put("waiting", waiting).put("estimatedWaitSeconds", WaitEstimate.seconds(
                        waiting, figures.getLong("longestWaitSeconds", 0L), figures.getDouble("asaSeconds", 0.0)));
            }
            out.add(row);
        }
        return out;
    }

    public JsonObject hours() {
        Instant now = clock.instant();
        var hours = settings.hours();
        JsonObject week = new JsonObject();
        hours.week().forEach((day, spans) -> week.put(day.name().toLowerCase(java.util.Locale.ROOT),
                new JsonArray(spans.stream().map(s -> new JsonObject().put("from", s.from().toString())
                        .put("to", s.to().toString())).toList())));
        JsonObject out = new JsonObject().put("now", now.toString()).put("zone", hours.zone().getId())
                .put("open", hours.isOpen(now)).put("week", week)
                .put("holidays", new JsonArray(hours.holidays().stream().sorted().map(Object::toString).toList()))
                .put("daysAhead", settings.daysAhead());
        hours.nextOpening(now).filter(t -> !t.equals(now)).ifPresent(t -> out.put("opensAt", t.toString()));
        hours.closingAfter(now).ifPresent(t -> out.put("closesAt", t.toString()));
        return out;
    }

    // ---- click-to-talk ----

    /** A customer's click-to-talk form, as typed. */
    public record CallForm(String number, String topic, String language, String queue, Optional<Instant> callAt) {}

    /** What became of a click-to-talk request. */
    public sealed interface CallAnswer permits CallSent, CallRefused, NoDialer {}

    /** Handed to the dialer, which answered. */
    public record CallSent(String reference, ClickToTalkStatus status) implements CallAnswer {}

    /** Refused here (dial rules, time, limits) or by the dialer; {@code reason} is a code the page explains. */
    public record CallRefused(String reason, String detail) implements CallAnswer {}

    /** Handed over, but no dialer took it (not deployed, or no answer in time). */
    public record NoDialer(String reference) implements CallAnswer {}

    public Future<CallAnswer> requestCall(String address, CallForm form) {
        Instant now = clock.instant();
        String number = PersianDigits.toAscii(form.number().strip());
        DialDecision dial = dialRules.check(number, "self-service", now);
        if (!dial.allowed()) {
            return refuse(address, number, dial.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    dial.detail(), now);
        }
        Optional<String> timeProblem = CallTime.problem(form.callAt(), now, settings.hours(), settings.daysAhead());
        if (timeProblem.isPresent()) {
            return refuse(address, number, timeProblem.get(), "", now);
        }
        String reference = reference();
        return store.admitClickToTalk(settings.clickToTalk(), address, number, reference, now).compose(refusal -> {
            if (refusal.isPresent()) {
                return Future.succeededFuture((CallAnswer) new CallRefused(refusal.get().code, ""));
            }
            ClickToTalkRequest request = new ClickToTalkRequest(reference, number, form.language(), form.queue(),
                    form.topic(), Optional.empty(), form.callAt().orElse(now), now);
            return vertx.eventBus().<ClickToTalkStatus>request(ClickToTalkAddresses.REQUEST, request,
                            new DeliveryOptions().setSendTimeout(DIALER_TIMEOUT_MS))
                    .map(m -> (CallAnswer) new CallSent(reference, m.body()))
                    .recover(e -> {
                        CallAnswer answer = unanswered(e) ? new NoDialer(reference)
                                : new CallRefused("dialer-refused", String.valueOf(e.getMessage()));
                        String note = answer instanceof NoDialer ? "no dialer answered: " + e.getMessage()
                                : "dialer refused: " + e.getMessage();
                        return store.noteAnswer(reference, note).map(v -> answer);
                    });
        });
    }

    /** The request's state from the dialer; a failed future with a {@link ReplyException} when it cannot say. */
    public Future<ClickToTalkStatus> status(String reference) {
        return vertx.eventBus().<ClickToTalkStatus>request(ClickToTalkAddresses.QUERY, new ClickToTalkQuery(reference),
                new DeliveryOptions().setSendTimeout(DIALER_TIMEOUT_MS)).map(m -> m.body());
    }

    public Future<ClickToTalkStatus> cancel(String reference) {
        return vertx.eventBus().<ClickToTalkStatus>request(ClickToTalkAddresses.CANCEL, new ClickToTalkQuery(reference),
                new DeliveryOptions().setSendTimeout(DIALER_TIMEOUT_MS)).map(m -> m.body());
    }

    /**
     * True when nobody answered (no dialer deployed, or it did not answer in time; with several nodes, no node dials
     * right now: the forwarding node's 503), as opposed to a refusal.
     */
    public static boolean unanswered(Throwable e) {
        return e instanceof ReplyException r
                && (r.failureType() == ReplyFailure.NO_HANDLERS || r.failureType() == ReplyFailure.TIMEOUT
                || r.failureType() == ReplyFailure.RECIPIENT_FAILURE && r.failureCode() == 503);
    }

    private Future<CallAnswer> refuse(String address, String number, String reason, String detail, Instant now) {
        return store.record(new SelfServiceStore.Decision(SelfServiceStore.CLICK_TO_TALK, address, number, "",
                "refused", reason, now)).map(v -> new CallRefused(reason, detail));
    }

    /** A reference a customer can read out: 10 characters from 32 unambiguous ones (50 bits, not guessable). */
    private String reference() {
        StringBuilder b = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
