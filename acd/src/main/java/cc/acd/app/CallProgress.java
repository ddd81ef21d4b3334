package cc.acd.app;

import cc.acd.domain.routing.AcdEvent;
import cc.acd.domain.routing.CallPhase;
import cc.acd.domain.routing.CallView;
import cc.core.app.telephony.OriginateResult;
import cc.core.contract.Addresses;
import cc.core.contract.CallOverflowed;
import cc.core.contract.CallQueueEntered;
import cc.core.contract.CallQueueLeft;
import cc.core.contract.OfferEnded;
import cc.core.domain.interaction.Segment;
import io.vertx.core.eventbus.EventBus;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;

/**
 * Tells the interaction records what the ACD did with a call: when it joined and left each queue and why, and how
 * each agent's ringing ended. The records take who talked from the bridges; these facts say what the bridges cannot
 * (a wait, a ring that nobody answered, an overflow).
 *
 * <p>Threading: used on the ACD verticle's context only.
 */
final class CallProgress {
    private final EventBus bus;
    /**
     * Rings of one agent for a call in progress (a consultation, a conference): they are no queue wait of the
     * customer's, so only how the ringing ended is told (call control acts on it), never a queue entered or left.
     */
    private final Set<String> ringsFor = new HashSet<>();

    CallProgress(EventBus bus) {
        this.bus = bus;
    }

    void ringFor(String ringId) {
        ringsFor.add(ringId);
    }

    void forget(String callId) {
        ringsFor.remove(callId);
    }

    /**
     * What a router event the router accepted meant for the call's queue wait and ringing.
     *
     * @param before the call as the router had it before the event
     */
    void accepted(AcdEvent event, Optional<CallView> before, Instant at) {
        if (!ringsFor.isEmpty() && before.map(v -> ringsFor.contains(v.callId())).orElse(
                event instanceof AcdEvent.CallArrived a && ringsFor.contains(a.callId()))) {
            return;
        }
        if (event instanceof AcdEvent.CallArrived a) {
            bus.publish(Addresses.ACD_CALL_QUEUE_ENTERED, new CallQueueEntered(a.callId(), a.queueId(), at));
        } else if (event instanceof AcdEvent.CallbackRequested r && before.isPresent()) {
            queueLeft(r.callId(), before.get().queueId(), Segment.CALLBACK, "", at);
        } else if (event instanceof AcdEvent.AgentAnswered a && before.isPresent()) {
            queueLeft(a.callId(), before.get().queueId(), Segment.ANSWERED, a.agentId(), at);
        } else if (event instanceof AcdEvent.CallAbandoned a && before.isPresent() && !before.get().virtual()) {
            CallView v = before.get();
            if (v.phase() == CallPhase.OFFERED) {
                offerEnded(a.callId(), v.agentId(), Segment.CALLER_LEFT, "", "", at);
            }
            if (v.phase() == CallPhase.WAITING || v.phase() == CallPhase.OFFERED) {
                queueLeft(a.callId(), v.queueId(), Segment.ABANDONED, "", at);
            }
        }
    }

    /** The router sent the caller on from a queue (as published to the wallboards). */
    void overflowed(CallOverflowed o) {
        String to = o.where().isEmpty() ? o.target() : o.target() + ":" + o.where();
        queueLeft(o.callId(), o.fromQueue(), Segment.OVERFLOW, to + " " + o.reason(), o.at());
        if ("queue".equals(o.target())) {
            bus.publish(Addresses.ACD_CALL_QUEUE_ENTERED, new CallQueueEntered(o.callId(), o.where(), o.at()));
        }
    }

    /** The agent answered; {@code agentLeg} is the Uniqueid of the agent's phone leg. */
    void answered(String callId, String agentId, String agentLeg, Instant at) {
        offerEnded(callId, agentId, Segment.ANSWERED, "", agentLeg, at);
    }

    /** The agent's phone was not answered (or could not be rung): the originate's failure says which. */
    void notAnswered(String callId, String agentId, OriginateResult.Failed failed, Instant at) {
        String outcome;
        switch (failed.reason()) {
            case NO_ANSWER:
                outcome = Segment.NO_ANSWER;
                break;
            case BUSY:
            case HANGUP:
                outcome = Segment.REFUSED;
                break;
            default:
                outcome = Segment.FAILED;
        }
        String detail = failed.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (failed.detail().isBlank() ? "" : ": " + failed.detail());
        offerEnded(callId, agentId, outcome, detail, "", at);
    }

    /** Ringing the agent failed before the telephony answered, or never resolved. */
    void notRung(String callId, String agentId, String outcome, String why, Instant at) {
        offerEnded(callId, agentId, outcome, why, "", at);
    }

    /** The router stopped ringing the agent (the agent logged out, or the caller left: the first word stands). */
    void cancelled(String callId, String agentId, Instant at) {
        offerEnded(callId, agentId, Segment.CANCELLED, "", "", at);
    }

    private void queueLeft(String callId, String queue, String outcome, String detail, Instant at) {
        if (ringsFor.contains(callId)) {
            return;
        }
        bus.publish(Addresses.ACD_CALL_QUEUE_LEFT, new CallQueueLeft(callId, queue, outcome, detail, at));
    }

    private void offerEnded(String callId, String agentId, String outcome, String detail, String agentLeg,
                            Instant at) {
        bus.publish(Addresses.ACD_OFFER_ENDED, new OfferEnded(callId, agentId, outcome, detail, agentLeg, at));
    }
}
