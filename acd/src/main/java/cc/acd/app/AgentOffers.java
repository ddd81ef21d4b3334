package cc.acd.app;

import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdEvent;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.Telephony;
import cc.core.app.telephony.TelephonyException;
import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallbackSettled;
import cc.core.domain.call.CallEvent;
import cc.core.domain.interaction.Segment;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An offer's life on the telephone, for {@link AcdVerticle}: rings the agent the router chose (an originate to the
 * agent's phone, or for a callback the agent first and then the customer), learns the agent's channel, joins the
 * answered agent to the holding caller (AMI {@code Bridge}, trace ami-17) or sends them into a conference, and turns
 * what the ring came to (answered, not answered, failed, lost with the link, never resolved) into router events. A
 * callback the customer must confirm is settled here too. Runs on the verticle's context, like the router.
 */
final class AgentOffers {
    private static final Logger log = LoggerFactory.getLogger(AgentOffers.class);
    private static final int NORMAL_CLEARING = 16;
    /** How long past the ring timeout an offer may stay unresolved before the agent is released anyway. */
    private static final long OFFER_GRACE_MS = 10_000;
    /** How long an offer whose ring never reached Asterisk waits before the call and the agent are free again. */
    private static final long LINK_DOWN_RETRY_MS = 1_000;

    /** The router as the offers see it (the verticle's). */
    interface Router {
        /** Whether this node routes now; results arriving after it stopped routing are left to the node that does. */
        boolean leads();

        Optional<String> run(AcdEvent event);

        /** Drops what is kept of an ended call. */
        void forget(String callId);

        /** Writes the call to the shared live state (several nodes). */
        void mirror(String callId);

        Instant now();
    }

    private final AcdSettings settings;
    private final Telephony telephony;
    private final AcdCalls calls;
    private final AcdMeters meters;
    private final Map<String, String> dialStrings;
    private final Vertx vertx;
    private final EventBus bus;
    private final CallProgress progress;
    private final Router router;

    AgentOffers(AcdSettings settings, Telephony telephony, AcdCalls calls, AcdMeters meters,
                Map<String, String> dialStrings, Vertx vertx, CallProgress progress, Router router) {
        this.settings = settings;
        this.telephony = telephony;
        this.calls = calls;
        this.meters = meters;
        this.dialStrings = dialStrings;
        this.vertx = vertx;
        this.bus = vertx.eventBus();
        this.progress = progress;
        this.router = router;
    }

    /** Rings the agent the router offered the call to. */
    void offer(AcdCommand.OfferCall o) {
        AcdCalls.Caller caller = calls.callers.get(o.callId());
        AcdCalls.Offer offer = new AcdCalls.Offer(o.agentId(), o.queueId());
        calls.offers.put(o.callId(), offer);
        meters.offered(o.queueId());
        bus.publish(Addresses.ACD_CALL_OFFERED, AcdTranslation.offered(o.agentId(), o.callId(), o.queueId(), false,
                caller == null ? Map.of() : caller.data(), router.now()));
        telephony.originate(AcdTranslation.offer(settings, dialStrings.get(o.agentId()), o))
                .onComplete(r -> onOfferResult(o.callId(), offer, r));
        guard(o.callId(), offer);
    }

    /** Rings the agent for a callback; once answered, the agent's leg dials the customer. */
    void placeCallback(AcdCommand.PlaceCallback p) {
        AcdCalls.Caller caller = calls.callers.get(p.callId());
        AcdCalls.Offer offer = new AcdCalls.Offer(p.agentId(), p.queueId());
        offer.callback = true;
        String dial = caller == null ? "" : caller.data().getOrDefault(AcdTranslation.CALLBACK_DIAL_KEY, "");
        offer.confirmFirst = !dial.isBlank();
        calls.offers.put(p.callId(), offer);
        meters.offered(p.queueId());
        bus.publish(Addresses.ACD_CALL_OFFERED, AcdTranslation.offered(p.agentId(), p.callId(), p.queueId(), true,
                caller == null ? Map.of() : caller.data(), router.now()));
        telephony.originate(AcdTranslation.callback(settings, dialStrings.get(p.agentId()), p, dial))
                .onComplete(r -> onOfferResult(p.callId(), offer, r));
        guard(p.callId(), offer);
    }

    /** Withdraws an offer: the agent's ringing leg, if Asterisk has made it yet, is hung up. */
    void cancel(AcdCommand.CancelOffer x) {
        AcdCalls.Offer o = calls.offers.remove(x.callId());
        if (o != null) {
            o.cancelled = true;
            progress.cancelled(x.callId(), x.agentId(), router.now());
            if (!o.agentChannel.isEmpty()) {
                hangup(settings.server(), o.agentChannel);
            }
        }
    }

    /**
     * The offer's variable seen on a new channel: that channel is the agent's leg (hung up at once when the offer
     * was withdrawn before Asterisk made it).
     */
    void agentLegSeen(CallEvent.VariableSet v) {
        AcdCalls.Offer o = calls.offers.get(v.value());
        if (o != null && o.agentChannel.isEmpty()) {
            o.agentChannel = v.leg().channelName();
            o.agentLeg = v.leg().uniqueId();
            router.mirror(v.value());
            if (o.cancelled) {
                hangup(v.leg().server(), o.agentChannel);
            }
        }
    }

    /**
     * The confirmation subroutine on the customer's channel of a callback the customer must confirm (the channel the
     * agent's leg dialled: its Linkedid is the agent leg's Uniqueid). Confirmed: the agent and the customer talk.
     * Declined: a fact, the agent is made available at once and the callback is over (never placed again).
     */
    void customerConfirm(CallEvent.VariableSet v) {
        String agentLeg = v.leg().callId();
        for (Map.Entry<String, AcdCalls.Offer> en : calls.offers.entrySet()) {
            AcdCalls.Offer o = en.getValue();
            if (!o.confirmFirst || o.agentLeg.isEmpty() || !o.agentLeg.equals(agentLeg)
                    || o.agentLeg.equals(v.leg().uniqueId())) {
                continue;
            }
            String callId = en.getKey();
            o.confirm = v.value();
            o.customerChannel = v.leg().channelName();
            if ("confirmed".equals(v.value())) {
                log.info("callback {}: the customer confirmed; agent {} talks to {}", callId, o.agentId,
                        o.customerChannel);
                bus.publish(AcdAddresses.CALLBACK_SETTLED, new CallbackSettled(callId, o.agentId,
                        CallbackSettled.CONNECTED, o.customerChannel, router.now()));
            } else if ("declined".equals(v.value())) {
                settleUnconfirmed(callId, o);
            }
            return;
        }
    }

    /** Ends a callback its customer did not confirm: the agent is available at once, and the outcome is published. */
    void settleUnconfirmed(String callId, AcdCalls.Offer offer) {
        String outcome = offer.confirm.isEmpty() ? CallbackSettled.NOT_REACHED : CallbackSettled.DECLINED;
        log.info("callback {}: {} ({}); agent {} is available again", callId, outcome,
                offer.confirm.isEmpty() ? "the customer's phone was not answered" : "no 1 from the customer",
                offer.agentId);
        router.run(new AcdEvent.CallbackDeclined(callId, router.now()));
        router.forget(callId);
        bus.publish(AcdAddresses.CALLBACK_SETTLED, new CallbackSettled(callId, offer.agentId, outcome,
                offer.customerChannel, router.now()));
    }

    /** Hangs a channel up (normal clearing); a channel already gone is only logged. */
    void hangup(String server, String channel) {
        telephony.hangup(server, channel, NORMAL_CLEARING)
                .onFailure(err -> log.debug("hangup of {} failed: {}", channel, err.getMessage()));
    }

    /** The originate never reached Asterisk, or its answer was lost with the link. */
    private static boolean linkDown(Throwable cause) {
        return cause instanceof TelephonyException t && t.kind() == TelephonyException.Kind.NOT_CONNECTED;
    }

    private void onOfferResult(String callId, AcdCalls.Offer offer, AsyncResult<OriginateResult> result) {
        if (!router.leads()) {
            // stopped, or the lease was lost: the node now routing owns this call
            return;
        }
        boolean current = calls.offers.get(callId) == offer && !offer.cancelled;
        if (result.failed()) {
            log.warn("ringing agent {} for call {} failed: {}", offer.agentId, callId, result.cause().getMessage());
            if (current && linkDown(result.cause())) {
                // not the agent's doing: agent and caller wait out a reconnect backoff (offering again at once would
                // spin while the link is down), then the caller is back at its place and the agent available
                vertx.setTimer(LINK_DOWN_RETRY_MS, id -> {
                    if (router.leads() && calls.offers.get(callId) == offer && !offer.cancelled && !offer.answered) {
                        calls.offers.remove(callId);
                        progress.notRung(callId, offer.agentId, Segment.FAILED, result.cause().getMessage(),
                                router.now());
                        router.run(new AcdEvent.RingFailed(callId, offer.agentId, router.now()));
                    }
                });
            } else if (current) {
                calls.offers.remove(callId);
                progress.notRung(callId, offer.agentId, Segment.FAILED, result.cause().getMessage(), router.now());
                meters.ringNoAnswer(offer.queue);
                router.run(new AcdEvent.RingNoAnswer(callId, offer.agentId, router.now()));
            }
            return;
        }
        if (result.result() instanceof OriginateResult.Answered a) {
            if (!current) {
                // the caller left while the agent's phone rang (trace ami-19): drop the agent's leg
                hangup(settings.server(), a.channel());
                return;
            }
            offer.agentChannel = a.channel();
            offer.agentLeg = a.uniqueId();
            offer.answered = true;
            calls.putLeg(AcdCalls.legKey(settings.server(), a.uniqueId()), callId);
            progress.answered(callId, offer.agentId, a.uniqueId(), router.now());
            router.run(new AcdEvent.AgentAnswered(callId, offer.agentId, router.now()));
            if (!offer.callback) {
                connect(callId, offer, a.channel());
            }
        } else if (result.result() instanceof OriginateResult.Failed f && current) {
            calls.offers.remove(callId);
            meters.ringNoAnswer(offer.queue);
            progress.notAnswered(callId, offer.agentId, f, router.now());
            log.debug("agent {} did not take call {}: {} {}", offer.agentId, callId, f.reason(), f.detail());
            router.run(new AcdEvent.RingNoAnswer(callId, offer.agentId, router.now()));
        }
    }

    /**
     * Joins the answered agent's leg to the holding caller (AMI {@code Bridge}, trace ami-17), or for a conference
     * ring sends it into the conference, and tells call control. When the caller has gone meanwhile Asterisk answers
     * that the channel does not exist: the agent's leg is hung up, and the caller's hang-up, already on its way, ends
     * the call.
     */
    private void connect(String callId, AcdCalls.Offer offer, String agentChannel) {
        AcdCalls.Caller caller = calls.callers.get(callId);
        String conference = caller == null ? "" : caller.data().getOrDefault(AcdTranslation.CONFERENCE_KEY, "");
        if (caller == null || (caller.channel().isEmpty() && conference.isEmpty())) {
            hangup(settings.server(), agentChannel);
            return;
        }
        Future<Void> joined = conference.isEmpty()
                ? telephony.bridge(caller.server(), caller.channel(), agentChannel)
                : telephony.redirect(caller.server(), agentChannel, settings.conferenceContext(), conference, 1);
        joined.onFailure(err -> {
            log.info("joining agent leg {} to {} failed ({}); the agent's leg is hung up", agentChannel,
                    conference.isEmpty() ? caller.channel() : "conference " + conference, err.getMessage());
            hangup(settings.server(), agentChannel);
        });
        bus.publish(AcdAddresses.CALL_CONNECTED, AcdTranslation.connected(settings, callId, caller.server(),
                conference.isEmpty() ? caller.channel() : "", offer.agentId, agentChannel, offer.queue,
                caller.data(), router.now()));
    }

    /**
     * Releases an agent whose offer never resolved (an originate response lost with the control link): without
     * this the agent would stay ringing for good.
     */
    private void guard(String callId, AcdCalls.Offer offer) {
        vertx.setTimer(settings.ringTimeout().toMillis() + OFFER_GRACE_MS, id -> {
            if (!router.leads() || calls.offers.get(callId) != offer || offer.answered) {
                return;
            }
            log.warn("offer of call {} to agent {} unresolved after the ring timeout; releasing the agent",
                    callId, offer.agentId);
            calls.offers.remove(callId);
            offer.cancelled = true;
            if (!offer.agentChannel.isEmpty()) {
                hangup(settings.server(), offer.agentChannel);
            }
            meters.ringNoAnswer(offer.queue);
            progress.notRung(callId, offer.agentId, Segment.NO_ANSWER, "unresolved after the ring timeout",
                    router.now());
            router.run(new AcdEvent.RingNoAnswer(callId, offer.agentId, router.now()));
        });
    }
}
