package cc.console.app;

import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.console.domain.callcontrol.ControlAsk;
import cc.console.domain.callcontrol.ControlDecision;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.CallControlChanged;
import cc.core.contract.CallControlReply;
import cc.core.contract.CallControlRequest;
import cc.core.contract.CallOffered;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's side of call control: which call each agent is on now and whose each call is (from the ACD's
 * offers and call control's published states), the check of every intent against {@link AccessRules} before it is
 * sent, the request to call control, and the fan-out of every state change to the call's agent and supervisors.
 *
 * <p>Threading: {@link #onOffer} and {@link #onChanged} run on the console verticle's context; {@link #ask} runs on
 * HTTP event loops. The maps are concurrent for that reason.
 */
public final class CallControls {
    private static final Logger log = LoggerFactory.getLogger(CallControls.class);
    /** How long the console waits for call control's reply before telling the user it did not answer. */
    public static final long REPLY_TIMEOUT_MS = 5_000;
    /** Error code of an outcome when call control did not answer in time (not one of the reply's codes). */
    public static final String NO_REPLY = "no-reply";
    /** Error code of an outcome when no call-control service is running. */
    public static final String NOT_RUNNING = "not-running";
    private static final int REMEMBERED = ScreenPops.REMEMBERED;

    /** The outcome of an intent as the user sees it; {@code state} null when nothing is known of the call. */
    public record Outcome(boolean ok, String error, String message, CallControlChanged state) {
        public JsonObject toJson() {
            return new JsonObject().put("ok", ok).put("error", error).put("message", message)
                    .put("state", state == null ? null : stateJson(state));
        }
    }

    private final Vertx vertx;
    private final LiveHub hub;
    /** The call each agent is on now, by agent id. */
    private final Map<String, String> currentByAgent = new ConcurrentHashMap<>();
    /** The agent each call is with now, by interaction id. */
    private final Map<String, String> agentByCall = new ConcurrentHashMap<>();
    /** The last control state of each call, by interaction id. */
    private final Map<String, CallControlChanged> states = new ConcurrentHashMap<>();

    public CallControls(Vertx vertx, LiveHub hub) {
        this.vertx = vertx;
        this.hub = hub;
    }

    /** A call rang an agent: it is their current call (a transferred call rings the next agent this way too). */
    public void onOffer(CallOffered o) {
        if (o.interactionId().isEmpty()) {
            return;
        }
        forgetIfFull();
        currentByAgent.put(o.agentId(), o.interactionId());
        agentByCall.put(o.interactionId(), o.agentId());
    }

    /** Call control says what a call is now: remember whose it is, and push it to that agent and supervisors. */
    public void onChanged(CallControlChanged c) {
        forgetIfFull();
        states.merge(c.interactionId(), c, CallControls::later);
        if (c.state().equals("ended")) {
            currentByAgent.remove(c.agentId(), c.interactionId());
        } else if (!c.agentId().isEmpty()) {
            String before = agentByCall.put(c.interactionId(), c.agentId());
            if (before != null && !before.equals(c.agentId())) {
                currentByAgent.remove(before, c.interactionId());
            }
            currentByAgent.put(c.agentId(), c.interactionId());
        }
        hub.sendCallControl(c.agentId(), stateJson(c).put("type", "call-control").encode());
    }

    /** The agent a call is with now, if the console saw it offered or controlled. */
    public Optional<String> agentOf(String interactionId) {
        return Optional.ofNullable(agentByCall.get(interactionId));
    }

    /** The call an agent is on now, if any. */
    public Optional<String> currentCall(String agentId) {
        return Optional.ofNullable(currentByAgent.get(agentId));
    }

    /** The last control state of a call, if call control published one. */
    public Optional<CallControlChanged> state(String interactionId) {
        return Optional.ofNullable(states.get(interactionId));
    }

    /**
     * Checks the ask and, when allowed, asks call control. A refusal by the rules never reaches the event bus.
     *
     * @param callAgent whose the call is, when the console knows it from elsewhere too (the interaction record)
     */
    public Future<Outcome> ask(Principal p, ControlAsk ask, Optional<String> callAgent) {
        Optional<String> agent = agentOf(ask.interactionId()).or(() -> callAgent);
        ControlDecision d = AccessRules.mayControlCall(p, ask, agent,
                p.takesCalls() ? currentCall(p.agentId()) : Optional.empty());
        if (d instanceof ControlDecision.Refused r) {
            log.info("call control refused for {} on {}: {} {} ({})", p.username(), ask.interactionId(), ask.intent(),
                    r.error(), r.message());
            return Future.succeededFuture(new Outcome(false, r.error(), r.message(), null));
        }
        ControlDecision.Allowed a = (ControlDecision.Allowed) d;
        CallControlRequest request = new CallControlRequest(ask.interactionId(), a.agentId(), p.username(),
                a.supervisor(), a.intent(), a.targetKind(), a.target(), a.notes());
        return vertx.eventBus().<CallControlReply>request(CallControlAddresses.REQUEST, request,
                        new DeliveryOptions().setSendTimeout(REPLY_TIMEOUT_MS))
                .map(m -> {
                    CallControlReply reply = m.body();
                    if (reply.ok() && reply.state() != null) {
                        // the reply says what the call is now before the published change may have reached us: a
                        // page reloaded right after the agent's action must find it
                        states.merge(reply.state().interactionId(), reply.state(), CallControls::later);
                    }
                    return new Outcome(reply.ok(), reply.ok() ? "" : reply.error(), reply.message(), reply.state());
                })
                .recover(e -> Future.succeededFuture(failed(e)));
    }

    /** The later of two states of one call (the one heard last when their times do not tell). */
    private static CallControlChanged later(CallControlChanged stored, CallControlChanged heard) {
        return stored.at() != null && heard.at() != null && heard.at().isBefore(stored.at()) ? stored : heard;
    }

    private static Outcome failed(Throwable e) {
        if (e instanceof ReplyException r && r.failureType() == ReplyFailure.TIMEOUT) {
            return new Outcome(false, NO_REPLY, "call control did not answer in time", null);
        }
        if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
            return new Outcome(false, NOT_RUNNING, "call control is not running", null);
        }
        // the contract says refusals are replies; a failure here is a fault on the service's side
        log.warn("call control failed: {}", e.getMessage());
        return new Outcome(false, "telephony", String.valueOf(e.getMessage()), null);
    }

    public static JsonObject stateJson(CallControlChanged c) {
        return new JsonObject().put("interactionId", c.interactionId()).put("agentId", c.agentId())
                .put("state", c.state()).put("party", c.party()).put("recording", c.recording())
                .put("at", c.at() == null ? null : c.at().toString());
    }

    /**
     * Bounded like the pops: past the limit, forget every call no agent is on now (a console running for weeks
     * would otherwise keep every call it ever saw).
     */
    private void forgetIfFull() {
        if (agentByCall.size() > REMEMBERED || states.size() > REMEMBERED) {
            java.util.Set<String> current = java.util.Set.copyOf(currentByAgent.values());
            agentByCall.keySet().retainAll(current);
            states.keySet().retainAll(current);
        }
    }
}
