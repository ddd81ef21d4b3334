package cc.console.app;

import cc.console.domain.answers.AnswerSource;
import cc.console.domain.answers.RankedAnswer;
import cc.console.domain.i18n.DateLabels;
import cc.core.domain.sales.Opportunity;
import cc.core.app.customer.CustomerStore;
import cc.core.app.interaction.InteractionStore;
import cc.core.contract.CallOffered;
import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Builds the customer card an agent sees when a call rings: who is calling (by the customer id or account the IVR
 * learned, else by caller ID), their timeline on every channel, this call's record (its segments so far and IVR
 * path), open opportunities, scripted answers ranked against the caller's topic and history, and the question script
 * of the queue or campaign. Records are shown with their segments and summary as read: nothing more is asked of the
 * stores for them.
 *
 * <p>Remembers the last {@value #REMEMBERED} offers, so REST calls can check which agent a call was offered to.
 * Thread-safe.
 */
public final class ScreenPops {
    public static final int REMEMBERED = 20_000;
    private static final int TIMELINE = 20;
    private static final int ANSWERS = 5;

    private final InteractionStore interactions;
    private final CustomerStore customers;
    private final OpportunityStore opportunities;
    private final DirectoryStore directory;
    private final AnswerBook answers;
    private final DateLabels dates;
    private final Map<String, CallOffered> offers = new ConcurrentHashMap<>();
    /** Open interactions the recorder handed over with an offer, used once by the pop's build. */
    private final Map<String, Interaction> live = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private volatile List<DirectoryStore.Disposition> dispositions = List.of();

    public ScreenPops(InteractionStore interactions, CustomerStore customers, OpportunityStore opportunities,
                      DirectoryStore directory, AnswerBook answers, DateLabels dates) {
        this.interactions = interactions;
        this.customers = customers;
        this.opportunities = opportunities;
        this.directory = directory;
        this.answers = answers;
        this.dates = dates;
    }

    /** The id a pop is known by: the interaction id, or the caller's channel id when the recorder had none yet. */
    public static String popId(CallOffered o) {
        return o.interactionId().isEmpty() ? o.callerUniqueId() : o.interactionId();
    }

    public void remember(CallOffered o) {
        String id = popId(o);
        if (offers.put(id, o) == null) {
            order.add(id);
            while (offers.size() > REMEMBERED) {
                String oldest = order.poll();
                if (oldest == null) {
                    break;
                }
                offers.remove(oldest);
            }
        }
    }

    /** The recorder's current record of a call about to pop (fresher than the store, which it writes behind). */
    public void known(Interaction interaction) {
        if (live.size() < REMEMBERED) {
            live.put(interaction.id(), interaction);
        }
    }

    public Optional<CallOffered> offer(String popId) {
        return Optional.ofNullable(offers.get(popId));
    }

    public Future<Void> loadDispositions() {
        return directory.dispositions().onSuccess(d -> dispositions = List.copyOf(d)).mapEmpty();
    }

    public List<DirectoryStore.Disposition> dispositions() {
        return dispositions;
    }

    public Future<JsonObject> build(CallOffered o) {
        Interaction handed = o.interactionId().isEmpty() ? null : live.remove(o.interactionId());
        Future<Optional<Interaction>> call = handed != null ? Future.succeededFuture(Optional.of(handed))
                : o.interactionId().isEmpty() ? Future.succeededFuture(Optional.empty()) : interactions.find(o.interactionId());
        return call.compose(interaction -> identify(o, interaction).compose(customer -> {
            if (customer.isEmpty()) {
                return script(o).map(q -> card(o, interaction, Optional.empty(), List.of(), List.of(), q));
            }
            long id = customer.get().id();
            return interactions.forCustomer(id, TIMELINE + 1)
                    .compose(timeline -> opportunities.openFor(id)
                            .compose(opps -> script(o).map(q -> card(o, interaction, customer, timeline, opps, q))));
        }));
    }

    /** The customer this offer's pop shows, found as {@link #build} finds them. */
    public Future<Optional<Customer>> customerOf(CallOffered o) {
        Interaction handed = o.interactionId().isEmpty() ? null : live.get(o.interactionId());
        Future<Optional<Interaction>> call = handed != null ? Future.succeededFuture(Optional.of(handed))
                : o.interactionId().isEmpty() ? Future.succeededFuture(Optional.empty()) : interactions.find(o.interactionId());
        return call.compose(i -> identify(o, i));
    }

    private Future<Optional<Customer>> identify(CallOffered o, Optional<Interaction> call) {
        String id = o.data().getOrDefault("customerId",
                call.flatMap(Interaction::customerId).map(String::valueOf).orElse(""));
        if (id.matches("\\d{1,18}")) {
            return customers.find(Long.parseLong(id)).compose(c -> c.isPresent() ? Future.succeededFuture(c) : byOther(o));
        }
        return byOther(o);
    }

    private Future<Optional<Customer>> byOther(CallOffered o) {
        String account = o.data().getOrDefault("account", o.data().getOrDefault("accountNumber", ""));
        Future<Optional<Customer>> byAccount = account.isEmpty()
                ? Future.succeededFuture(Optional.empty()) : customers.findByAccount(account);
        return byAccount.compose(c -> c.isPresent() || o.callerNumber().isEmpty()
                ? Future.succeededFuture(c) : customers.findByPhone(o.callerNumber()));
    }

    private Future<List<String>> script(CallOffered o) {
        return directory.questionScript(o.queue(), o.data().getOrDefault("campaign", ""))
                .map(s -> s.map(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                        .orElse(List.of()));
    }

    private JsonObject card(CallOffered o, Optional<Interaction> call, Optional<Customer> customer,
                            List<Interaction> timeline, List<Opportunity> opps, List<String> questions) {
        String topic = o.data().getOrDefault("topic", "");
        List<IvrStep> path = call.map(Interaction::ivrPath).orElse(List.of());
        List<Interaction> earlier = timeline.stream().filter(i -> !i.id().equals(o.interactionId()))
                .limit(TIMELINE).toList();

        Map<String, Double> weighted = new LinkedHashMap<>();
        weighted.merge(topic, 3.0, Double::sum);
        StringBuilder ivrText = new StringBuilder();
        path.forEach(s -> ivrText.append(s.node()).append(' '));
        weighted.merge(ivrText.toString(), 1.0, Double::sum);
        weighted.merge(o.queue(), 1.0, Double::sum);
        StringBuilder history = new StringBuilder();
        earlier.stream().limit(3).forEach(i -> history.append(i.notes()).append(' '));
        weighted.merge(history.toString(), 0.5, Double::sum);

        JsonObject card = new JsonObject()
                .put("id", popId(o))
                .put("interactionId", o.interactionId())
                .put("agentId", o.agentId())
                .put("callerNumber", o.callerNumber())
                .put("queue", o.queue())
                .put("topic", topic)
                .put("offeredAt", when(o.at()))
                .put("data", new JsonObject(new LinkedHashMap<>(o.data())))
                .put("customer", customer.map(ScreenPops::customer).orElse(null))
                .put("ivrPath", steps(path))
                .put("call", call.map(this::interaction).orElse(null))
                .put("timeline", new JsonArray(earlier.stream().map(this::history).toList()))
                .put("opportunities", new JsonArray(opps.stream().map(ScreenPops::opportunity).toList()))
                .put("answers", new JsonObject()
                        .put("solved", ranked(answers.rank(weighted, AnswerSource.Kind.SOLVED_CALL, ANSWERS)))
                        .put("articles", ranked(answers.rank(weighted, AnswerSource.Kind.ARTICLE, ANSWERS)))
                        .put("queryTerms", new JsonArray(answers.queryTerms(weighted))))
                .put("questions", new JsonArray(questions))
                .put("dispositions", dispositionsJson(dispositions));
        return card;
    }

    public static JsonArray dispositionsJson(List<DirectoryStore.Disposition> list) {
        return new JsonArray(list.stream().map(d -> new JsonObject().put("code", d.code()).put("en", d.labelEn())
                .put("fa", d.labelFa()).put("solved", d.solved())).toList());
    }

    /** An instant as ISO text with the English (Gregorian) and Persian (Jalali, Persian digits) labels. */
    public JsonObject when(Instant at) {
        return new JsonObject().put("iso", at.toString()).put("en", dates.format(at, "en"))
                .put("fa", dates.format(at, "fa"));
    }

    /** A record as the console shows it: what it was, who handled it, and its segments in order. */
    public JsonObject interaction(Interaction i) {
        return summary(i)
                .put("handledBy", new JsonArray(i.handledBy()))
                .put("agentAnsweredAt", i.agentAnsweredAt().map(this::when).orElse(null))
                .put("abandonedWhere", i.abandonedWhere().orElse(""))
                .put("segments", segments(i.segments()));
    }

    /**
     * An earlier call on the customer's timeline. One still going on is not history yet: it may be another agent's
     * call in progress, so it goes without segments or who is handling it, as records before segments did.
     */
    private JsonObject history(Interaction i) {
        return i.isEnded() ? interaction(i) : summary(i).put("handledBy", new JsonArray())
                .putNull("agentAnsweredAt").put("abandonedWhere", "").put("segments", new JsonArray());
    }

    private JsonObject summary(Interaction i) {
        return new JsonObject()
                .put("id", i.id())
                .put("channel", i.channel().name().toLowerCase())
                .put("direction", i.direction().name().toLowerCase())
                .put("callerNumber", i.callerNumber())
                .put("callerName", i.callerName())
                .put("offeredAt", when(i.offeredAt()))
                .put("endedAt", i.endedAt().map(this::when).orElse(null))
                .put("queue", i.queue().orElse(""))
                .put("agentId", i.agentId().orElse(""))
                .put("disposition", i.disposition().orElse(""))
                .put("notes", i.notes())
                .put("customerId", i.customerId().orElse(null))
                .put("ivrPath", steps(i.ivrPath()))
                .put("segmentsKept", i.segmentsKept());
    }

    private JsonArray segments(List<Segment> list) {
        return new JsonArray(list.stream().map(s -> new JsonObject()
                .put("kind", s.kind().wireName())
                .put("startedAt", when(s.startedAt()))
                .put("endedAt", s.endedAt().map(this::when).orElse(null))
                .put("seconds", s.duration().map(d -> (d.toMillis() + 500) / 1000).orElse(null))
                .put("agentId", s.agentId())
                .put("queue", s.queue())
                .put("flow", s.flow())
                .put("outcome", s.outcome())
                .put("detail", s.detail())).toList());
    }

    private JsonArray steps(List<IvrStep> path) {
        return new JsonArray(path.stream().map(s -> new JsonObject().put("node", s.node()).put("input", s.input())
                .put("at", when(s.at()))).toList());
    }

    public static JsonObject customer(Customer c) {
        return new JsonObject().put("id", c.id()).put("name", c.name()).put("phones", new JsonArray(c.phoneNumbers()))
                .put("account", c.accountNumber()).put("language", c.language()).put("segment", c.segment());
    }

    public static JsonObject opportunity(Opportunity o) {
        return new JsonObject().put("id", o.id()).put("customerId", o.customerId())
                .put("interactionId", o.interactionId()).put("title", o.title())
                .put("amount", o.amount().toPlainString()).put("currency", o.currency())
                .put("probability", o.probability()).put("owner", o.owner()).put("status", o.status())
                .put("weighted", o.weightedAmount().stripTrailingZeros().toPlainString())
                .put("stage", o.stage()).put("product", o.product()).put("lostReason", o.lostReason())
                .put("expectedClose", o.expectedClose().map(Object::toString).orElse(null))
                .put("closedAt", o.closedAt().map(Object::toString).orElse(null));
    }

    private static JsonArray ranked(List<RankedAnswer> list) {
        return new JsonArray(list.stream().map(r -> new JsonObject()
                .put("id", r.source().id())
                .put("title", r.source().title())
                .put("text", r.source().text().strip())
                .put("score", Math.round(r.score() * 100) / 100.0)
                .put("matched", new JsonArray(r.matchedTerms()))).toList());
    }
}
