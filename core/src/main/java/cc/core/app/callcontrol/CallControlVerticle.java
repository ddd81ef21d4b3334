package cc.core.app.callcontrol;

import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.Telephony;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallConnected;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.CallControlChanged;
import cc.core.contract.CallControlReply;
import cc.core.contract.CallControlRequest;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.CancelRing;
import cc.core.contract.FindInteractionByChannel;
import cc.core.contract.InteractionFound;
import cc.core.contract.InteractionUpdated;
import cc.core.contract.OfferEnded;
import cc.core.contract.RecordingChanged;
import cc.core.contract.RingAgentFor;
import cc.core.contract.RoutingLeadChanged;
import cc.core.contract.TransferCall;
import cc.core.domain.call.CallEvent;
import cc.core.domain.callcontrol.CallControlBook;
import cc.core.domain.callcontrol.CallControlBook.AuditEntry;
import cc.core.domain.callcontrol.CallControlBook.Plan;
import cc.core.domain.callcontrol.ControlledCall;
import cc.core.domain.callcontrol.Step;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out call control: runs the pure {@link CallControlBook} on what the ACD, the records and Asterisk report,
 * and on agents' requests, executes the steps it decides through the {@link Telephony} port and the ACD's contract,
 * and publishes what each call became ({@link CallControlChanged}) and every recording file started or ended
 * ({@link RecordingChanged}). Every intent and every number dialled is written to the audit log.
 *
 * <p>Threading: everything runs on this verticle's context; telephony events are hopped onto it. The steps of one
 * call run one plan at a time, in order.
 */
public final class CallControlVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(CallControlVerticle.class);
    private static final int NORMAL_CLEARING = 16;
    /** Channel variable on an agent's leg rung by the ACD: for a consultation ring, the ring's id. */
    private static final String OFFER_VARIABLE = "CC_OFFER";
    private static final DeliveryOptions ACD_TIMEOUT = new DeliveryOptions().setSendTimeout(5_000);
    private static final Duration NUMBER_RING_TIMEOUT = Duration.ofSeconds(30);
    /** No call lasts longer than this: one still known after it ended without Asterisk saying so. */
    private static final Duration LONGEST_CALL = Duration.ofHours(12);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(10);

    private final Telephony telephony;
    private final CallControlBook book;
    private final CallControlAudit auditLog;
    private final String recordingsDirectory;
    private final InstantSource clock;
    /** The last plan of each call still running: the next waits for it. */
    private final Map<String, Future<Void>> running = new HashMap<>();
    /** Audit entries not written yet (the database was down): written with the next ones. */
    private final List<AuditEntry> unwritten = new ArrayList<>();
    private boolean writing;
    private EventBus bus;

    /**
     * @param recordingsDirectory the recordings directory as the telephony server sees it; files are named
     *                            relative to it
     */
    public CallControlVerticle(Telephony telephony, CallControlBook book, CallControlAudit auditLog,
                               String recordingsDirectory, InstantSource clock) {
        this.telephony = telephony;
        this.book = book;
        this.auditLog = auditLog;
        this.recordingsDirectory = recordingsDirectory.endsWith("/") ? recordingsDirectory : recordingsDirectory + "/";
        this.clock = clock;
    }

    private java.util.Optional<cc.core.app.livestate.LeaseForward> forward = java.util.Optional.empty();
    /**
     * Whether this node carries out what facts about calls call for (a hang-up, a ring that ended, a recording
     * policy): always with one node; with several, while this node's ACD routes. The others follow.
     */
    private boolean carries = true;

    /**
     * Several nodes: agents' requests go to the call control of the routing node (the ACD lease holder, this node
     * included), which carries the steps out on its own AMI link; its states reach the other nodes' consoles by the
     * cluster's relay. Every node's call control follows every call (the connections, rings and states the others
     * relay, the hang-ups its own AMI link hears), so the node that takes routing over can control the calls the old
     * one connected; until its ACD routes, it acts on nothing. Call before deploying.
     */
    public CallControlVerticle forwardingTo(cc.core.app.livestate.LeaseForward forward) {
        this.forward = java.util.Optional.of(java.util.Objects.requireNonNull(forward, "forward"));
        this.carries = false;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Future<?> start() {
        bus = vertx.eventBus();
        CallControlAddresses.registerCodecs(bus);
        AcdAddresses.registerCodecs(bus);
        bus.<CallControlRequest>consumer(CallControlAddresses.REQUEST, m -> {
            if (forward.isPresent() && !cc.core.app.livestate.LeaseForward.forwarded(m)) {
                // several nodes: the call is known to the call control of the node whose ACD connected it
                forward.get().toHolder(CallControlAddresses.REQUEST, (Message<Object>) (Message<?>) m);
            } else {
                onRequest(m);
            }
        });
        bus.<CallConnected>consumer(AcdAddresses.CALL_CONNECTED, m -> onConnected(m.body(), carries));
        bus.<OfferEnded>consumer(Addresses.ACD_OFFER_ENDED, m -> onOfferEnded(m.body(), carries));
        if (forward.isPresent()) {
            follow();
        }
        bus.<InteractionUpdated>consumer(Addresses.INTERACTION_UPDATED, m ->
                book.interactionKnown(m.body().interaction().callId(), m.body().interaction().id()));
        telephony.onCallEvent(e -> context.runOnContext(v -> onCallEvent(e)));
        vertx.setPeriodic(FORGET_EVERY.toMillis(), t -> {
            int n = book.forgetOlderThan(now().minus(LONGEST_CALL));
            if (n > 0) {
                log.warn("call control forgot {} calls connected more than {} ago: their end never arrived", n,
                        LONGEST_CALL);
            }
            if (carries) {
                publish();
            } else {
                discardDrained();
            }
        });
        return Future.succeededFuture();
    }

    /**
     * Several nodes: what the other nodes' ACD and call control say about calls, taken as facts that node acts on
     * (never carried out here), and whether this node's ACD routes, which makes this node the one that acts.
     */
    private void follow() {
        bus.<RoutingLeadChanged>consumer(AcdAddresses.ROUTING_LEAD_CHANGED, m -> {
            carries = m.body().routes();
            log.info("call control {} calls here ({} known)", carries ? "carries out the steps of" : "follows",
                    book.size());
        });
        bus.<CallConnected>consumer(ClusterAddresses.fromPeers(AcdAddresses.CALL_CONNECTED),
                m -> onConnected(m.body(), false));
        bus.<OfferEnded>consumer(ClusterAddresses.fromPeers(Addresses.ACD_OFFER_ENDED),
                m -> onOfferEnded(m.body(), false));
        bus.<CallControlChanged>consumer(ClusterAddresses.fromPeers(CallControlAddresses.CHANGED), m -> {
            CallControlChanged c = m.body();
            if (!carries) {
                book.followed(c.interactionId(), c.agentId(), c.state(), c.party(), c.recording());
            }
        });
        bus.<RecordingChanged>consumer(ClusterAddresses.fromPeers(CallControlAddresses.RECORDING_CHANGED), m -> {
            if (!carries) {
                book.recordingFollowed(m.body().interactionId(), m.body().file(), m.body().change());
            }
        });
    }

    private void onOfferEnded(OfferEnded o, boolean act) {
        run(o.callId().contains("~") ? o.callId().substring(0, o.callId().indexOf('~')) : o.callId(),
                () -> book.ringEnded(o.callId(), o.outcome(), o.at()), null, act);
    }

    private void onCallEvent(CallEvent e) {
        if (e instanceof CallEvent.CallHungUp h) {
            run("", () -> book.hungUp(h.leg().server(), h.leg().channelName(), h.at()), null, carries);
        } else if (e instanceof CallEvent.VariableSet v && OFFER_VARIABLE.equals(v.name()) && v.value().contains("~")) {
            book.ringChannel(v.value(), v.leg().channelName());
        }
    }

    /**
     * A new call (its record looked up first, to name its recordings), or a ring answered for one; {@code act}
     * false for one another node's ACD connected (that node acts on it).
     */
    private void onConnected(CallConnected c, boolean act) {
        String known = book.byCall(c.callId()).map(ControlledCall::interactionId).orElse("");
        Future<String> interaction = !c.forCall().isEmpty() || !known.isEmpty() ? Future.succeededFuture(known)
                : bus.<InteractionFound>request(Addresses.INTERACTION_FIND_BY_CHANNEL,
                        new FindInteractionByChannel(c.callId()), new DeliveryOptions().setSendTimeout(2_000))
                .map(m -> m.body().interaction().id())
                .otherwise("");
        interaction.onComplete(id -> run(c.forCall().isEmpty() ? c.callId() : c.forCall(),
                () -> book.connected(new CallControlBook.Connected(c.callId(), c.server(), c.callerChannel(),
                        c.agentId(), c.agentChannel(), c.queue(), c.recordingPolicy(), c.forCall(), id.result()),
                        c.at()), null, act));
    }

    private void onRequest(Message<CallControlRequest> m) {
        CallControlRequest r = m.body();
        String callId = book.byInteraction(r.interactionId()).map(ControlledCall::callId).orElse("");
        run(callId, () -> book.request(new CallControlBook.Request(r.interactionId(), r.agentId(), r.actor(),
                r.supervisor(), r.intent(), r.targetKind(), r.target(), r.notes()), now()), m, true);
    }

    /**
     * Plans (when the call's earlier plan has finished) and carries out. {@code reply} gets the outcome when a user
     * asked. With {@code act} false (a node that follows) the plan only keeps the book right: nothing is carried out,
     * published or audited, which the node acting on the call does.
     */
    private void run(String callId, java.util.function.Supplier<Plan> planner, Message<CallControlRequest> reply,
                     boolean act) {
        Future<Void> before = callId.isEmpty() ? Future.succeededFuture()
                : running.getOrDefault(callId, Future.succeededFuture());
        Promise<Void> done = Promise.promise();
        if (!callId.isEmpty()) {
            running.put(callId, done.future());
        }
        before.onComplete(ignored -> {
            if (!act) {
                publish();
                Plan followed = planner.get();
                if (!followed.steps().isEmpty()) {
                    log.debug("call {}: {} left to the node that routes", followed.call().callId(), followed.steps());
                }
                discardDrained();
                if (running.get(callId) == done.future()) {
                    running.remove(callId);
                }
                done.complete();
                return;
            }
            Plan plan = planner.get();
            // what the call becomes is told before Asterisk is asked: the records then know that the bridge ending
            // next is a hold or a transfer, not a hang-up; a failed plan tells the restored state after
            publish();
            carryOut(plan).onComplete(outcome -> {
                publish();
                if (reply != null) {
                    reply.reply(replyFor(plan, outcome.failed() ? outcome.cause() : null));
                }
                if (!callId.isEmpty() && running.get(callId) == done.future()) {
                    running.remove(callId);
                }
                done.complete();
            });
        });
    }

    private CallControlReply replyFor(Plan plan, Throwable failure) {
        CallControlChanged state = plan.call() == null ? null : view(plan.call());
        if (plan.refusal().isPresent()) {
            return CallControlReply.refused(plan.refusal().get().error(), plan.refusal().get().message(), state);
        }
        if (failure != null) {
            String code = failure instanceof StepRefused s ? s.error : "telephony";
            return CallControlReply.refused(code, failure.getMessage(), state);
        }
        return CallControlReply.done(state);
    }

    /** Runs the steps in order; on a failed step runs the undo steps and restores the call. */
    private Future<Void> carryOut(Plan plan) {
        if (plan.refusal().isPresent() || plan.steps().isEmpty()) {
            return Future.succeededFuture();
        }
        Future<Void> chain = Future.succeededFuture();
        for (Step step : plan.steps()) {
            chain = chain.compose(v -> execute(plan.call(), step).recover(err -> {
                if (step.bestEffort()) {
                    log.debug("{} on call {} did not take effect: {}", step, plan.call().callId(), err.getMessage());
                    return Future.succeededFuture();
                }
                return Future.failedFuture(err);
            }));
        }
        return chain.recover(err -> {
            log.info("call control on call {} failed at a step: {}", plan.call().callId(), err.getMessage());
            book.planFailed(plan);
            Future<Void> undo = Future.succeededFuture();
            for (Step step : plan.undo()) {
                undo = undo.compose(v -> execute(plan.call(), step).otherwise((Void) null));
            }
            return undo.compose(v -> Future.failedFuture(err));
        });
    }

    private Future<Void> execute(ControlledCall call, Step step) {
        String server = call.server();
        if (step instanceof Step.Redirect r) {
            return telephony.redirect(server, r.channel(), r.context(), r.exten(), 1);
        } else if (step instanceof Step.RedirectBoth r) {
            return telephony.redirectBoth(server, r.channel(), r.extraChannel(), r.context(), r.exten());
        } else if (step instanceof Step.Bridge b) {
            return telephony.bridge(server, b.channel1(), b.channel2());
        } else if (step instanceof Step.Hangup h) {
            return telephony.hangup(server, h.channel(), NORMAL_CLEARING);
        } else if (step instanceof Step.StartRecording s) {
            return telephony.startRecording(server, s.channel(), recordingsDirectory + s.file())
                    .onSuccess(id -> book.recordingStarted(call.callId(), s.file(), id))
                    .onFailure(err -> book.recordingFailed(call.callId(), s.file(), err.getMessage(), now()))
                    .mapEmpty();
        } else if (step instanceof Step.StopRecording s) {
            return telephony.stopRecording(server, s.channel(), s.recordingId());
        } else if (step instanceof Step.Kick k) {
            return telephony.leaveConference(server, k.conference(), k.channel());
        } else if (step instanceof Step.AcdTransfer t) {
            return acd(AcdAddresses.CALL_TRANSFER, new TransferCall(t.callId(), t.queue(), t.agentId(), t.byAgent(),
                    t.notes()));
        } else if (step instanceof Step.AcdRing r) {
            return acd(AcdAddresses.CALL_RING_AGENT_FOR, new RingAgentFor(r.ringId(), r.forCall(), r.agentId(),
                    r.bridgeWith(), r.conference(), r.byAgent(), r.notes()));
        } else if (step instanceof Step.AcdCancelRing c) {
            return acd(AcdAddresses.CALL_CANCEL_RING, new CancelRing(c.ringId()));
        } else if (step instanceof Step.Dial d) {
            dial(call.callId(), server, d);
            return Future.succeededFuture();
        }
        return Future.failedFuture(new IllegalStateException("unknown step " + step));
    }

    /** A number rung for a consultation or a conference: its answer or failure comes back later as a fact. */
    private void dial(String callId, String server, Step.Dial d) {
        telephony.originate(new OriginateRequest(server, d.dialString(),
                        new OriginateRequest.DialplanTarget(d.context(), d.exten(), 1), "", NUMBER_RING_TIMEOUT,
                        d.variables()))
                .onComplete(r -> {
                    if (r.succeeded() && r.result() instanceof OriginateResult.Answered a) {
                        book.partyAnswered(callId, a.channel());
                        run(callId, () -> book.partyJoin(callId, now()), null, true);
                    } else {
                        String why = r.failed() ? r.cause().getMessage()
                                : ((OriginateResult.Failed) r.result()).reason().name().toLowerCase();
                        run(callId, () -> book.partyFailed(callId, why, now()), null, true);
                    }
                });
    }

    private Future<Void> acd(String address, Object body) {
        return bus.request(address, body, ACD_TIMEOUT).<Void>mapEmpty().recover(err -> {
            if (err instanceof ReplyException re && re.failureCode() == 409) {
                return Future.failedFuture(new StepRefused("agent-unavailable", re.getMessage()));
            }
            if (err instanceof ReplyException re && re.failureCode() == 404) {
                String msg = re.getMessage() == null ? "" : re.getMessage();
                return Future.failedFuture(new StepRefused(msg.startsWith("no queue") ? "no-such-queue"
                        : "no-such-call", msg));
            }
            return Future.failedFuture(err);
        });
    }

    /** What a plan this node only followed changed: the node acting on the call publishes it. */
    private void discardDrained() {
        book.drainChanged();
        book.drainRecordings();
        book.drainAudit();
    }

    /** Publishes what changed and writes the audit log. */
    private void publish() {
        for (ControlledCall c : book.drainChanged()) {
            bus.publish(CallControlAddresses.CHANGED, view(c));
        }
        for (CallControlBook.RecordingFact f : book.drainRecordings()) {
            bus.publish(CallControlAddresses.RECORDING_CHANGED, new RecordingChanged(f.interactionId(), f.server(),
                    f.file(), f.change(), f.by(), f.detail(), f.at()));
        }
        unwritten.addAll(book.drainAudit());
        writeAudit();
    }

    /** One write at a time, in order; a failed write keeps its entries for the next attempt. */
    private void writeAudit() {
        if (writing || unwritten.isEmpty()) {
            return;
        }
        writing = true;
        List<AuditEntry> batch = List.copyOf(unwritten);
        auditLog.append(batch).onComplete(r -> {
            writing = false;
            if (r.succeeded()) {
                unwritten.subList(0, batch.size()).clear();
                writeAudit();
            } else {
                log.warn("call-control audit not written yet ({} entries kept): {}", unwritten.size(),
                        r.cause().getMessage());
                vertx.setTimer(2_000, t -> writeAudit());
            }
        });
    }

    private CallControlChanged view(ControlledCall c) {
        return new CallControlChanged(c.interactionId(), c.agentId(), c.state().wireName(), c.party(),
                c.recording().wireName(), now());
    }

    private Instant now() {
        return clock.instant();
    }

    /** A step the ACD refused, with the reply's error code. */
    private static final class StepRefused extends RuntimeException {
        final String error;

        StepRefused(String error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }
}
