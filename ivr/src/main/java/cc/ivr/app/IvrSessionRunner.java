package cc.ivr.app;

import cc.core.app.customer.CustomerStore;
import cc.core.contract.Addresses;
import cc.core.contract.CustomerIdentified;
import cc.core.contract.EnqueueCall;
import cc.core.contract.IvrInputGiven;
import cc.core.contract.IvrSessionEnded;
import cc.core.contract.IvrSessionStarted;
import cc.core.contract.IvrStepEntered;
import cc.core.contract.SurveyAnswered;
import cc.core.domain.interaction.IvrStep;
import cc.ivr.domain.engine.AgiOutcome;
import cc.ivr.domain.engine.FlowInterpreter;
import cc.ivr.domain.engine.IvrAction;
import cc.ivr.domain.engine.IvrDecision;
import cc.ivr.domain.engine.IvrSession;
import cc.ivr.domain.flow.Node;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one caller's session: asks the interpreter what to do, does it through the channel and the ports, feeds the
 * outcome back, and publishes every node entered and the end.
 *
 * <p>Threading: owned by the context it is started on (the FastAGI connection's event loop); every port result is
 * brought back onto that context before it touches the session, so no state is shared and nothing blocks.
 */
public final class IvrSessionRunner {
    private static final Logger log = LoggerFactory.getLogger(IvrSessionRunner.class);
    /**
     * How long a caller's enqueue is asked again while no node routes calls: a routing takeover takes
     * {@code acd.leaseTtl} (3 s by default) plus the new node's start of routing.
     */
    static final Duration ROUTER_WAIT = Duration.ofSeconds(15);
    static final Duration ROUTER_RETRY = Duration.ofMillis(250);

    private final IvrServices services;
    private final IvrChannel channel;
    private final Context context;
    private final String flowName;
    private IvrSession session;
    private boolean ended;
    private Consumer<String> onEnd = outcome -> {};

    IvrSessionRunner(IvrServices services, IvrChannel channel, IvrSession session, Context context) {
        this.services = services;
        this.channel = channel;
        this.session = session;
        this.context = context;
        this.flowName = session.flow().name();
    }

    void onEnd(Consumer<String> handler) {
        this.onEnd = handler;
    }

    void start() {
        channel.onGone(this::end);
        services.vertx().eventBus().publish(Addresses.IVR_SESSION_STARTED, new IvrSessionStarted(session.uniqueId(),
                session.channel(), flowName, knownCallerId(session.variable("caller.id")),
                knownCallerId(session.variable("caller.name")), now()));
        decide(new AgiOutcome.Started(now()));
    }

    private void decide(AgiOutcome outcome) {
        if (ended) {
            return;
        }
        IvrDecision d;
        try {
            d = services.interpreter().next(session, outcome);
        } catch (RuntimeException e) {
            log.error("IVR session {} in flow '{}' failed at node '{}'", session.uniqueId(), flowName, session.node(), e);
            end(FlowInterpreter.FAILED);
            return;
        }
        session = d.session();
        for (IvrStep keys : d.keyed()) {
            services.vertx().eventBus().publish(Addresses.IVR_INPUT_GIVEN, new IvrInputGiven(session.uniqueId(),
                    flowName, keys.node(), keys.input(), keys.at()));
        }
        for (IvrStep step : d.entered()) {
            services.vertx().eventBus().publish(Addresses.IVR_STEP_ENTERED, new IvrStepEntered(session.uniqueId(),
                    session.channel(), flowName, step.node(), step.at()));
        }
        if (d.isFinal() && FlowInterpreter.FAILED.equals(d.ended().get())) {
            log.error("IVR session {} in flow '{}' failed: {}", session.uniqueId(), flowName, session.variable("failure"));
        }
        run(d.actions(), 0, new AgiOutcome.Completed(outcome.at())).onComplete(ar -> {
            if (ended) {
                return;
            }
            if (ar.failed()) {
                Throwable c = ar.cause();
                if (c instanceof ChannelGoneException) {
                    end(((ChannelGoneException) c).callerHungUp() ? FlowInterpreter.CALLER_HUNG_UP : FlowInterpreter.FAILED);
                } else {
                    log.warn("IVR session {} in flow '{}' ends: {}", session.uniqueId(), flowName, c.toString());
                    end(FlowInterpreter.FAILED);
                }
            } else if (d.isFinal()) {
                end(d.ended().get());
            } else {
                decide(ar.result());
            }
        });
    }

    /**
     * Asterisk fills {@code agi_callerid} and {@code agi_calleridname} with {@code unknown} when the channel has no
     * caller ID (res_agi.c; no recorded trace has such a call): that is no number.
     */
    private static String knownCallerId(String value) {
        return value == null || value.equalsIgnoreCase("unknown") || value.equals("<unknown>") ? "" : value;
    }

    private Future<AgiOutcome> run(List<IvrAction> actions, int i, AgiOutcome last) {
        if (i >= actions.size() || ended) {
            return Future.succeededFuture(last);
        }
        return execute(actions.get(i)).compose(o -> run(actions, i + 1, o));
    }

    private Future<AgiOutcome> execute(IvrAction a) {
        if (a instanceof IvrAction.Answer) {
            return completed(channel.answer());
        }
        if (a instanceof IvrAction.Play) {
            return completed(channel.play(((IvrAction.Play) a).prompts()));
        }
        if (a instanceof IvrAction.CollectDigits) {
            IvrAction.CollectDigits c = (IvrAction.CollectDigits) a;
            return channel.collect(c.prompts(), c.timeout(), c.maxDigits(), c.terminator())
                    .map(d -> new AgiOutcome.Digits(d, now()));
        }
        if (a instanceof IvrAction.SetChannelVariable) {
            IvrAction.SetChannelVariable v = (IvrAction.SetChannelVariable) a;
            return completed(channel.setVariable(v.name(), v.value()));
        }
        if (a instanceof IvrAction.RecordVoicemail) {
            IvrAction.RecordVoicemail r = (IvrAction.RecordVoicemail) a;
            return completed(channel.record(r.file(), r.maxLength()));
        }
        if (a instanceof IvrAction.Hangup) {
            return completed(channel.hangup());
        }
        if (a instanceof IvrAction.LookupCustomer) {
            return lookup((IvrAction.LookupCustomer) a);
        }
        if (a instanceof IvrAction.AskLookup) {
            return askLookup((IvrAction.AskLookup) a);
        }
        if (a instanceof IvrAction.CallHttp) {
            IvrAction.CallHttp h = (IvrAction.CallHttp) a;
            return here(services.http().call(h.method(), h.url(), h.headers(), h.body(), h.timeout()))
                    .<AgiOutcome>map(ans -> new AgiOutcome.HttpAnswered(ans.status(), ans.fields(), now()))
                    .otherwise(e -> new AgiOutcome.HttpFailed(String.valueOf(e.getMessage()), now()));
        }
        if (a instanceof IvrAction.QuerySelfService) {
            return selfService((IvrAction.QuerySelfService) a);
        }
        if (a instanceof IvrAction.Enqueue) {
            return enqueue((IvrAction.Enqueue) a);
        }
        if (a instanceof IvrAction.RequestCallback) {
            IvrAction.RequestCallback r = (IvrAction.RequestCallback) a;
            SelfServiceData.CallbackRequest req = new SelfServiceData.CallbackRequest(session.uniqueId(), r.number(),
                    r.queue(), r.language(), r.data(), now());
            return here(services.data().requestCallback(req)).<AgiOutcome>map(v -> new AgiOutcome.Completed(now()))
                    .otherwise(e -> {
                        log.error("callback request of {} for {} was not stored", session.uniqueId(), r.number(), e);
                        return new AgiOutcome.Completed(now());
                    });
        }
        if (a instanceof IvrAction.AnswerSurvey) {
            services.vertx().eventBus().publish(Addresses.IVR_SURVEY_ANSWERED,
                    new SurveyAnswered(session.uniqueId(), ((IvrAction.AnswerSurvey) a).score(), now()));
            return Future.succeededFuture(new AgiOutcome.Completed(now()));
        }
        return Future.failedFuture(new IllegalStateException("no way to carry out " + a));
    }

    private Future<AgiOutcome> lookup(IvrAction.LookupCustomer l) {
        CustomerStore store = services.customers();
        var found = l.by() == Node.LookupBy.ACCOUNT ? store.findByAccount(l.key()) : store.findByPhone(l.key());
        return here(found).<AgiOutcome>map(c -> {
            c.ifPresent(customer -> services.vertx().eventBus().publish(Addresses.IVR_CUSTOMER_IDENTIFIED,
                    new CustomerIdentified(session.uniqueId(), customer.id(), now())));
            return new AgiOutcome.CustomerFound(c, now());
        }).otherwise(e -> {
            log.warn("customer lookup by {} failed for session {}: {}", l.by(), session.uniqueId(), e.toString());
            return new AgiOutcome.CustomerFound(Optional.empty(), now());
        });
    }

    private Future<AgiOutcome> selfService(IvrAction.QuerySelfService q) {
        Future<Optional<Map<String, String>>> fields;
        if (q.query() == Node.Query.BALANCE) {
            fields = services.data().balance(q.key()).map(o -> o.map(b -> Map.of("account", b.account(),
                    "amount", b.amount().toPlainString(), "currency", b.currency())));
        } else {
            fields = services.data().orderStatus(q.key()).map(o -> o.map(s -> {
                Map<String, String> m = new HashMap<>();
                m.put("id", s.order());
                m.put("status", s.status());
                m.put("expected", s.expected().map(Object::toString).orElse(""));
                return m;
            }));
        }
        return here(fields).<AgiOutcome>map(f -> new AgiOutcome.DataFound(f, now())).otherwise(e -> {
            log.warn("self-service {} failed for session {}: {}", q.query(), session.uniqueId(), e.toString());
            return new AgiOutcome.DataFound(Optional.empty(), now());
        });
    }

    private Future<AgiOutcome> enqueue(IvrAction.Enqueue e) {
        EnqueueCall call = new EnqueueCall(session.uniqueId(), session.channel(), e.queue(), e.priority(),
                e.language(), e.data(), now());
        return enqueue(e, call, System.nanoTime() + ROUTER_WAIT.toNanos(), 1);
    }

    /**
     * One request to the ACD. Refused with 503 (no node routes calls: another is taking over from one that died), it
     * is asked again every {@link #ROUTER_RETRY} for up to {@link #ROUTER_WAIT}, the caller still on the line and
     * keeping its arrival time, so that a takeover loses no caller; "already in the ACD" after such a retry means an
     * earlier request got through.
     */
    private Future<AgiOutcome> enqueue(IvrAction.Enqueue e, EnqueueCall call, long giveUpAt, int attempt) {
        DeliveryOptions opts = new DeliveryOptions().setSendTimeout(Math.max(1, e.timeout().toMillis()));
        return here(services.vertx().eventBus().request(Addresses.ACD_CALL_ENQUEUE, call, opts))
                .<AgiOutcome>map(m -> new AgiOutcome.EnqueueAnswered(true, describe(m.body()), now()))
                .recover(x -> {
                    if (attempt > 1 && refusal(x) == 409) {
                        return Future.succeededFuture(new AgiOutcome.EnqueueAnswered(true,
                                "queued by an earlier request: " + x.getMessage(), now()));
                    }
                    if (refusal(x) == 503 && System.nanoTime() < giveUpAt) {
                        if (attempt == 1) {
                            log.info("no node routes calls for session {} yet ({}): asking again for up to {} s",
                                    session.uniqueId(), x.getMessage(), ROUTER_WAIT.toSeconds());
                        }
                        Promise<AgiOutcome> again = Promise.promise();
                        services.vertx().setTimer(ROUTER_RETRY.toMillis(),
                                t -> enqueue(e, call, giveUpAt, attempt + 1).onComplete(again));
                        return here(again.future());
                    }
                    log.warn("ACD did not take session {} into queue '{}': {}", session.uniqueId(), e.queue(),
                            x.toString());
                    return Future.succeededFuture(new AgiOutcome.EnqueueAnswered(false, String.valueOf(x.getMessage()),
                            now()));
                });
    }

    /** The refusal code of a failed request (0 when it was not refused: a timeout, no handler). */
    private static int refusal(Throwable x) {
        return x instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE ? r.failureCode() : 0;
    }

    private static String describe(Object body) {
        if (body instanceof JsonObject) {
            return ((JsonObject) body).encode();
        }
        return String.valueOf(body);
    }

    private Future<AgiOutcome> completed(Future<Void> f) {
        return f.map(v -> new AgiOutcome.Completed(now()));
    }

    /** Brings a port's result back onto the session's context, whichever thread completed it. */
    private <T> Future<T> here(Future<T> f) {
        Promise<T> p = Promise.promise();
        f.onComplete(ar -> {
            if (Vertx.currentContext() == context) {
                p.handle(ar);
            } else {
                context.runOnContext(v -> p.handle(ar));
            }
        });
        return p.future();
    }

    private void end(String outcome) {
        if (ended) {
            return;
        }
        ended = true;
        services.vertx().eventBus().publish(Addresses.IVR_SESSION_ENDED,
                new IvrSessionEnded(session.uniqueId(), flowName, outcome, now()));
        channel.close();
        onEnd.accept(outcome);
    }

    private Instant now() {
        return services.clock().instant();
    }

    /**
     * Asks the integration module's lookup (cache, circuit breaker, its own budget); a module that is not running, or
     * any failure, is "unavailable" so the flow goes on its way within the budget.
     */
    private Future<AgiOutcome> askLookup(IvrAction.AskLookup a) {
        cc.core.contract.LookupAddresses.registerCodecs(services.vertx().eventBus());
        long budget = Math.max(1, a.budget().toMillis());
        Future<io.vertx.core.eventbus.Message<cc.core.contract.LookupReply>> asked = services.vertx().eventBus()
                .request(cc.core.contract.LookupAddresses.ASK, new cc.core.contract.LookupRequest(a.lookup(),
                        a.keys(), budget), new DeliveryOptions().setSendTimeout(budget + 250));
        return here(asked).<AgiOutcome>map(m -> {
            cc.core.contract.LookupReply r = m.body();
            String status = switch (r.status()) {
                case FOUND -> "found";
                case NONE -> "none";
                default -> "unavailable";
            };
            return new AgiOutcome.LookupAnswered(status, r.rows(), r.reason() == null ? "" : r.reason(), now());
        }).otherwise(e -> {
            log.debug("lookup {} not answered: {}", a.lookup(), e.toString());
            return new AgiOutcome.LookupAnswered("unavailable", java.util.List.of(),
                    "the lookup did not answer: " + e.getMessage(), now());
        });
    }
}
