package cc.dialer.app;

import cc.core.app.telephony.OriginateFailure;
import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.Telephony;
import cc.core.contract.AcdAddresses;
import cc.core.contract.CallConnected;
import cc.core.contract.ClickToTalkAddresses;
import cc.core.contract.ClickToTalkQuery;
import cc.core.contract.ClickToTalkRequest;
import cc.core.contract.ClickToTalkStatus;
import cc.core.domain.call.CallEvent;
import cc.core.domain.dialing.DialDecision;
import cc.core.domain.dialing.DialPermissions;
import cc.core.domain.dialing.DialRequest;
import cc.core.domain.interaction.InteractionTracker;
import cc.dialer.domain.InvalidField;
import cc.dialer.domain.clicktotalk.CallMeRequest;
import cc.dialer.domain.clicktotalk.CallMeState;
import cc.dialer.domain.clicktotalk.ClickToTalkBook;
import cc.dialer.domain.list.DoNotCallList;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The receiving end of {@link ClickToTalkAddresses}: checks each request again (the dial rules the campaigns obey,
 * the do-not-call list, the dialer's own limits; every refusal goes to the dial audit), keeps the requests in the
 * database, and when one falls due originates the customer's call on one of the server's shared outbound lines into
 * the confirmation context, where the IVR asks for a 1. It follows the call to report each state: dialling,
 * confirming once answered, waiting when the IVR queued the customer ({@code CC_NEXT=hold} on the channel),
 * connected when the ACD joined an agent, unconfirmed when the customer hung up (or was hung up on) without a 1.
 *
 * <p>Threading: runs on the dialer verticle's context; telephony events are hopped onto it.
 */
public final class ClickToTalkService {
    private static final Logger LOG = LoggerFactory.getLogger(ClickToTalkService.class);
    /** The campaign id the audit and the interaction record give click-to-talk calls. */
    public static final String CAMPAIGN = "click-to-talk";
    /** Channel variable with the request id, on the customer's channel. */
    public static final String REQUEST_VARIABLE = "CC_CLICK_TO_TALK";
    /** Channel variable with the FastAGI path and query the confirmation context runs. */
    public static final String AGI_VARIABLE = "CC_CLICK_TO_TALK_AGI";
    private static final long TICK_MS = 500;
    private static final Duration KEEP_FINISHED = Duration.ofDays(2);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int TOPIC_MAX = 200;
    private static final Set<String> LANGUAGES = Set.of("fa", "en");

    private final DialerSettings settings;
    private final ClickToTalkSettings ctt;
    private final ClickToTalkStore store;
    private final DialAudit audit;
    private final Telephony telephony;
    private final DialPermissions permissions;
    private final OutboundLines lines;
    private final Supplier<DoNotCallList> doNotCall;
    private final Predicate<String> knowsQueue;
    private final InstantSource clock;
    private final ClickToTalkBook book;
    /** The requests of the "ring the agent first" queues, placed by the ACD from an agent's phone. */
    private final AgentFirstCalls agentFirst;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    /** Requests holding one of the shared lines, released once when their call ends. */
    private final Set<String> holdingLine = new java.util.HashSet<>();
    /**
     * Channels that hung up before this service knew them: a customer who hangs up at once may do so before the
     * originate's answer arrives; without this their request would stay confirming and hold its line. Bounded.
     */
    private final Map<String, Boolean> hungUpUnknown = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1_000;
        }
    };
    /** The last write of each request still under way (completions arrive on the database's threads). */
    private final Map<String, Future<Void>> writes = new java.util.concurrent.ConcurrentHashMap<>();
    private Vertx vertx;
    private long timer = -1;
    private volatile boolean stopped;
    private boolean listening;

    public ClickToTalkService(DialerSettings settings, ClickToTalkSettings ctt, ClickToTalkStore store,
                              DialAudit audit, Telephony telephony, DialPermissions permissions, OutboundLines lines,
                              Supplier<DoNotCallList> doNotCall, Predicate<String> knowsQueue, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ctt = Objects.requireNonNull(ctt, "ctt");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.lines = Objects.requireNonNull(lines, "lines");
        this.doNotCall = Objects.requireNonNull(doNotCall, "doNotCall");
        this.knowsQueue = Objects.requireNonNull(knowsQueue, "knowsQueue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.book = new ClickToTalkBook(ctt.rules());
        this.agentFirst = new AgentFirstCalls(book, ctt, new AgentFirstCalls.Host() {
            @Override
            public void changed(CallMeRequest r) {
                ClickToTalkService.this.changed(r);
            }

            @Override
            public void audit(CallMeRequest r, AuditEntry.Event event, String detail, String channel) {
                auditOf(r, event, detail, channel);
            }

            @Override
            public void releaseLine(String requestId) {
                ClickToTalkService.this.releaseLine(requestId);
            }

            @Override
            public Instant now() {
                return ClickToTalkService.this.clock.instant();
            }
        });
    }

    /** Loads the kept requests, then answers the addresses and dials what falls due. Call on the verticle's context. */
    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        Context context = vertx.getOrCreateContext();
        ClickToTalkAddresses.registerCodecs(vertx.eventBus());
        Instant now = clock.instant();
        return store.load(now.minus(KEEP_FINISHED)).compose(stored -> {
            List<CallMeRequest> changed = book.restore(stored, now);
            changed.forEach(this::changed);
            on(ClickToTalkAddresses.REQUEST, this::request);
            on(ClickToTalkAddresses.QUERY, this::query);
            on(ClickToTalkAddresses.CANCEL, this::cancel);
            consumers.add(vertx.eventBus().<CallConnected>consumer(AcdAddresses.CALL_CONNECTED,
                    m -> book.connected(idOfCall(m.body().callId()), clock.instant()).ifPresent(r -> {
                        changed(r);
                        auditOf(r, AuditEntry.Event.CONNECTED, "agent " + m.body().agentId() + " answered",
                                m.body().callerChannel());
                    })));
            agentFirst.start(vertx);
            stopped = false;
            if (!listening) {
                // once: a node that lost the dialer lease and takes it again starts this service a second time
                listening = true;
                telephony.onCallEvent(e -> context.runOnContext(v -> {
                    if (!stopped) {
                        onCallEvent(e);
                    }
                }));
            }
            timer = vertx.setPeriodic(TICK_MS, id -> tick());
            LOG.info("click-to-talk: {} requests kept, {} waiting for their time", stored.size(), book.pending());
            return Future.<Void>succeededFuture();
        });
    }

    public Future<Void> stop() {
        stopped = true;
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
        List<Future<?>> done = new ArrayList<>();
        consumers.forEach(c -> done.add(c.unregister()));
        done.addAll(agentFirst.stop());
        // the last states reach the database before it is closed, within a bound
        done.add(Future.join(List.copyOf(writes.values())).timeout(3, java.util.concurrent.TimeUnit.SECONDS)
                .recover(e -> Future.succeededFuture()));
        return Future.join(done).mapEmpty();
    }

    private <T> void on(String address, java.util.function.Function<T, Future<ClickToTalkStatus>> handler) {
        consumers.add(vertx.eventBus().<T>consumer(address, (Message<T> m) -> {
            Future<ClickToTalkStatus> f;
            try {
                f = handler.apply(m.body());
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            f.onComplete(ar -> {
                if (ar.succeeded()) {
                    m.reply(ar.result());
                } else if (ar.cause() instanceof InvalidField) {
                    m.fail(400, ar.cause().getMessage());
                } else if (ar.cause() instanceof Refused) {
                    m.fail(((Refused) ar.cause()).code, ar.cause().getMessage());
                } else {
                    LOG.error("{} failed: {}", address, ar.cause().toString(), ar.cause());
                    m.fail(500, "the dialer could not do it: " + ar.cause().getMessage());
                }
            });
        }));
    }

    /** A refusal with the contract's failure code (404, 409). */
    static final class Refused extends RuntimeException {
        final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    // ---- the contract

    private Future<ClickToTalkStatus> request(ClickToTalkRequest q) {
        Instant now = clock.instant();
        if (!q.requestId().matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidField("requestId", "must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (book.get(q.requestId()).isPresent()) {
            throw new Refused(409, "requestId: there is already a request '" + q.requestId() + "'");
        }
        String language = q.language().isBlank() ? ctt.language() : q.language().strip();
        if (!LANGUAGES.contains(language)) {
            throw new InvalidField("language", "must be fa or en, was '" + q.language() + "'");
        }
        if (!knowsQueue.test(q.queue())) {
            throw new InvalidField("queue", "there is no ACD queue '" + q.queue() + "'");
        }
        String topic = q.topic().strip();
        if (topic.length() > TOPIC_MAX) {
            throw new InvalidField("topic", "at most " + TOPIC_MAX + " characters");
        }
        if (q.requestedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidField("requestedAt", "is in the future: " + q.requestedAt());
        }
        if (q.callAt().isAfter(now.plus(ctt.rules().maxAdvance()))) {
            throw new InvalidField("callAt", "at most " + ctt.rules().maxAdvance() + " ahead");
        }
        Instant callAt = q.callAt().isBefore(now) ? now : q.callAt();
        Optional<String> e164 = settings.phoneNumbers().canonical(q.number());
        String why = null;
        DialDecision decision = permissions.check(new DialRequest(q.number(), Optional.of(CAMPAIGN), CAMPAIGN,
                0, 0, now));
        if (!decision.allowed()) {
            why = decision.reason() + ": " + decision.detail();
        } else if (e164.isEmpty()) {
            why = "MALFORMED: '" + q.number() + "' is not a phone number";
        } else if (doNotCall.get().blocks(e164.get())) {
            why = "do-not-call: " + e164.get() + " is on the do-not-call list";
        } else if (book.pending() >= ctt.rules().maxPending()) {
            why = "limit: " + ctt.rules().maxPending() + " requests already wait for their time";
        }
        String number = e164.orElse(q.number().strip());
        if (why != null) {
            CallMeRequest refused = CallMeRequest.refused(q.requestId(), number, language, q.queue(), topic,
                    q.customerId(), callAt, q.requestedAt(), why, now);
            book.add(refused);
            changed(refused);
            auditOf(refused, AuditEntry.Event.REFUSED, why, "");
            LOG.info("click-to-talk {} to {} refused: {}", q.requestId(), number, why);
            return Future.failedFuture(new Refused(409, "number: " + why));
        }
        CallMeRequest r = CallMeRequest.scheduled(q.requestId(), number, language, q.queue(), topic, q.customerId(),
                callAt, q.requestedAt(), now);
        book.add(r);
        LOG.info("click-to-talk {}: {} to be called at {} for queue {}", r.id(), number, callAt, r.queue());
        // published before any tick can dial it, so listeners see scheduled first; the reply once it is stored
        publish(r);
        return save(r).map(v -> status(r));
    }

    private Future<ClickToTalkStatus> query(ClickToTalkQuery q) {
        return Future.succeededFuture(status(known(q.requestId())));
    }

    private Future<ClickToTalkStatus> cancel(ClickToTalkQuery q) {
        CallMeRequest r = known(q.requestId());
        Optional<CallMeRequest> cancelled = book.cancel(r.id(), clock.instant());
        if (cancelled.isEmpty()) {
            throw new Refused(409, "requestId: request " + r.id() + " is " + r.state().wireName()
                    + "; only a request not yet dialled can be cancelled");
        }
        changed(cancelled.get());
        return Future.succeededFuture(status(cancelled.get()));
    }

    private CallMeRequest known(String id) {
        return book.get(id).orElseThrow(() -> new Refused(404, "requestId: there is no request '" + id + "'"));
    }

    // ---- dialling

    private void tick() {
        Instant now = clock.instant();
        ClickToTalkBook.Tick t = book.tick(now, Math.max(0, lines.cap() - lines.inUse()));
        for (CallMeRequest r : t.expired()) {
            changed(r);
            auditOf(r, AuditEntry.Event.SKIPPED, r.detail(), "");
        }
        t.dial().forEach(r -> dial(r, now));
    }

    private void dial(CallMeRequest r, Instant now) {
        // the rules and the list again at dial time: a scheduled call may fall due after the number was listed
        DialDecision decision = permissions.check(new DialRequest(r.number(), Optional.of(CAMPAIGN), CAMPAIGN,
                0, 0, now));
        String why = !decision.allowed() ? decision.reason() + ": " + decision.detail()
                : doNotCall.get().blocks(r.number()) ? "do-not-call: " + r.number() + " is on the do-not-call list"
                : null;
        if (why != null) {
            book.refusedAtDial(r.id(), why, now).ifPresent(x -> {
                changed(x);
                auditOf(x, AuditEntry.Event.REFUSED, why + "; stopped at dial time", "");
            });
            return;
        }
        if (!lines.tryAcquire()) {
            // a campaign took the last line between the count and now: the same failure as a busy trunk
            book.unanswered(r.id(), ClickToTalkBook.Unanswered.BUSY, "all " + lines.cap() + " lines in use", now)
                    .ifPresent(this::changed);
            return;
        }
        holdingLine.add(r.id());
        String dialString = settings.trunkPattern().replace("{number}", decision.dialDigits());
        if (agentFirst.ringsAgentFirst(r)) {
            changed(r);
            auditOf(r, AuditEntry.Event.DIALLED, "to the ACD, ring the agent first: the agent's phone dials "
                    + dialString + " as " + decision.numberClass() + " (call " + r.attempts() + ")", "");
            agentFirst.handOver(r, dialString, (int) Math.max(1, settings.ringTimeout().toSeconds()),
                    agiPath(r, ctt.agentFirstFlow()));
            return;
        }
        changed(r);
        auditOf(r, AuditEntry.Event.DIALLED, dialString + " as " + decision.numberClass() + " (call " + r.attempts()
                + ")", "");
        Map<String, String> vars = new LinkedHashMap<>();
        // number and customer before the campaign: core's recorder opens an outbound interaction on CC_CAMPAIGN
        vars.put(InteractionTracker.NUMBER_VARIABLE, r.number());
        r.customerId().ifPresent(id -> vars.put(InteractionTracker.CUSTOMER_VARIABLE, Long.toString(id)));
        vars.put(InteractionTracker.CAMPAIGN_VARIABLE, CAMPAIGN);
        vars.put(REQUEST_VARIABLE, r.id());
        vars.put(AGI_VARIABLE, agiPath(r));
        OriginateRequest request = new OriginateRequest(settings.server(), dialString,
                new OriginateRequest.DialplanTarget(ctt.context(), "s", 1), settings.callerId(),
                settings.ringTimeout(), vars);
        telephony.originate(request).onComplete(ar -> {
            Instant at = clock.instant();
            if (ar.failed()) {
                releaseLine(r.id());
                unanswered(r, ClickToTalkBook.Unanswered.FAILED, "originate failed: " + ar.cause().getMessage(), at);
            } else if (ar.result() instanceof OriginateResult.Failed) {
                releaseLine(r.id());
                OriginateResult.Failed f = (OriginateResult.Failed) ar.result();
                ClickToTalkBook.Unanswered why2 = f.reason() == OriginateFailure.BUSY ? ClickToTalkBook.Unanswered.BUSY
                        : f.reason() == OriginateFailure.NO_ANSWER || f.reason() == OriginateFailure.HANGUP
                        ? ClickToTalkBook.Unanswered.NO_ANSWER : ClickToTalkBook.Unanswered.FAILED;
                unanswered(r, why2, f.reason() + (f.detail().isEmpty() ? "" : " " + f.detail()), at);
            } else {
                OriginateResult.Answered a = (OriginateResult.Answered) ar.result();
                book.answered(r.id(), a.uniqueId(), at).ifPresent(x -> {
                    changed(x);
                    LOG.info("click-to-talk {}: {} answered on {}, asking for the 1", x.id(), x.number(), a.channel());
                    if (hungUpUnknown.remove(a.uniqueId()) != null) {
                        endCall(x, a.channel(), at);
                    }
                });
            }
        });
    }

    private void unanswered(CallMeRequest r, ClickToTalkBook.Unanswered why, String detail, Instant at) {
        book.unanswered(r.id(), why, detail, at).ifPresent(x -> {
            changed(x);
            AuditEntry.Event event = why == ClickToTalkBook.Unanswered.BUSY ? AuditEntry.Event.BUSY
                    : why == ClickToTalkBook.Unanswered.NO_ANSWER ? AuditEntry.Event.NO_ANSWER
                    : AuditEntry.Event.FAILED;
            auditOf(x, event, x.detail(), "");
        });
    }

    /**
     * The FastAGI path and query of the confirmation: the flow, then what it needs to speak and queue the customer,
     * URL-encoded (so no comma or bar can split the dialplan's AGI arguments).
     */
    private String agiPath(CallMeRequest r) {
        return agiPath(r, ctt.flow());
    }

    private static String agiPath(CallMeRequest r, String flow) {
        return flow + "?lang=" + enc(r.language()) + "&request=" + enc(r.id()) + "&queue=" + enc(r.queue())
                + "&topic=" + enc(r.topic()) + "&since=" + enc(r.requestedAt().toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void onCallEvent(CallEvent e) {
        String uid = e.leg().uniqueId();
        Optional<CallMeRequest> r = book.byUniqueId(uid);
        if (r.isEmpty()) {
            if (e instanceof CallEvent.CallHungUp && !holdingLine.isEmpty()) {
                hungUpUnknown.put(uid, Boolean.TRUE);
            }
            return;
        }
        Instant now = clock.instant();
        if (e instanceof CallEvent.VariableSet) {
            CallEvent.VariableSet v = (CallEvent.VariableSet) e;
            // the IVR sets it once the ACD took the customer, which it does only after a 1
            if ("CC_NEXT".equals(v.name()) && "hold".equals(v.value())) {
                book.confirmed(r.get().id(), now).ifPresent(x -> {
                    changed(x);
                    LOG.info("click-to-talk {}: confirmed with 1, waiting in {}", x.id(), x.queue());
                });
            }
        } else if (e instanceof CallEvent.CallHungUp) {
            endCall(r.get(), e.leg().channelName(), now);
        }
    }

    private void endCall(CallMeRequest r, String channel, Instant now) {
        releaseLine(r.id());
        CallMeState before = r.state();
        book.hungUp(r.id(), now).ifPresent(x -> {
            changed(x);
            if (before == CallMeState.CONFIRMING) {
                auditOf(x, AuditEntry.Event.UNCONFIRMED, x.detail(), channel);
            }
        });
    }

    private String idOfCall(String uniqueId) {
        return book.byUniqueId(uniqueId).map(CallMeRequest::id).orElse("");
    }

    private void releaseLine(String id) {
        if (holdingLine.remove(id)) {
            lines.release();
        }
    }

    // ---- writing and telling

    /**
     * Writes one request's changes in the order they happened: each write of a request waits for its previous one
     * (the JDBC pool would otherwise run them side by side, and a new request's insert could race its first update).
     */
    private Future<Void> save(CallMeRequest r) {
        Future<Void> previous = writes.getOrDefault(r.id(), Future.succeededFuture());
        Future<Void> next = previous.transform(ar -> store.save(r));
        writes.put(r.id(), next);
        next.onComplete(ar -> writes.remove(r.id(), next));
        return next;
    }

    private void changed(CallMeRequest r) {
        save(r).onFailure(err -> LOG.error("click-to-talk {} ({}) not stored: {}", r.id(), r.state().wireName(),
                err.getMessage()));
        publish(r);
    }

    private void publish(CallMeRequest r) {
        vertx.eventBus().publish(ClickToTalkAddresses.STATUS, status(r));
    }

    private static ClickToTalkStatus status(CallMeRequest r) {
        return new ClickToTalkStatus(r.id(), r.state().wireName(), r.detail(), r.changedAt());
    }

    private void auditOf(CallMeRequest r, AuditEntry.Event event, String detail, String channel) {
        audit.record(new AuditEntry(CAMPAIGN, r.id(), Optional.empty(), r.number(), event, detail,
                channel.isEmpty() ? Optional.empty() : Optional.of(channel), clock.instant()))
                .onFailure(err -> LOG.error("click-to-talk {}: audit line {} not written: {}", r.id(), event,
                        err.getMessage()));
    }
}
