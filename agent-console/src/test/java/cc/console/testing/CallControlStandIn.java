package cc.console.testing;

import cc.core.contract.Addresses;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.CallControlChanged;
import cc.core.contract.CallControlReply;
import cc.core.contract.CallControlRequest;
import cc.core.contract.CallOffered;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Call control's side of {@link CallControlAddresses} for the console's tests: a stand-in at the module boundary (the
 * real service lives in core and drives Asterisk). It keeps each call's control state in memory, answers each intent
 * as the contract's javadoc says (bad-state when the call is not in a state for it, agent-unavailable for agents not
 * available, no-such-queue, number-refused for international numbers, as the Iranian dial rules do) and publishes
 * the new state on {@link CallControlAddresses#CHANGED}, as the service does. Every request is kept in
 * {@link #requests}; tests may script the next reply ({@link #refuseNext}, {@link #silenceNext}).
 */
public final class CallControlStandIn {
    public static final String REFUSED_NUMBER_MESSAGE = "international numbers are not allowed from this line";

    /** Every request received, in order. */
    public final List<CallControlRequest> requests = new CopyOnWriteArrayList<>();
    /** Agents who may take a transfer, consult or conference. */
    public final Set<String> availableAgents = ConcurrentHashMap.newKeySet();
    /** Queues that exist. */
    public final Set<String> queues = ConcurrentHashMap.newKeySet();
    private final Map<String, CallControlChanged> calls = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CallControlReply> scripted = new ConcurrentLinkedQueue<>();
    private final Vertx vertx;
    private final MessageConsumer<CallControlRequest> consumer;

    private CallControlStandIn(Vertx vertx) {
        this.vertx = vertx;
        this.consumer = vertx.eventBus().consumer(CallControlAddresses.REQUEST, this::onRequest);
    }

    public static CallControlStandIn register(Vertx vertx) {
        return new CallControlStandIn(vertx);
    }

    public void unregister() {
        consumer.unregister();
    }

    /** The next request is refused with this error, whatever it asks. */
    public void refuseNext(String error, String message) {
        scripted.add(CallControlReply.refused(error, message, null));
    }

    /** The next request gets no reply at all (the console must time out). */
    public void silenceNext() {
        scripted.add(new CallControlReply(false, "silence", "", null));
    }

    /** Publishes a call's state, as call control does when the call changes (a caller hung up, a recording policy). */
    public void publish(String interactionId, String agentId, String state, String party, String recording) {
        CallControlChanged c = new CallControlChanged(interactionId, agentId, state, party, recording, Instant.now());
        calls.put(interactionId, c);
        vertx.eventBus().publish(CallControlAddresses.CHANGED, c);
    }

    /**
     * The ACD offers a fresh call to the agent (its record saved first, as the recorder does) with the given pop data;
     * returns its interaction id. Wait for the agent's pop before controlling it: the console learns whose call it is
     * from the same offer.
     */
    public static String offer(ConsoleFixture fx, String agentId, Map<String, String> data) {
        String id = "cc-" + UUID.randomUUID();
        Await.result(fx.interactions.save(Interaction.newCall(id, Direction.INBOUND, "pbx1", id, "09120000000", "",
                "1500", Instant.now()).withAgent(agentId).withQueue("cards")));
        fx.vertx.eventBus().publish(Addresses.ACD_CALL_OFFERED, new CallOffered(agentId, id, "u-" + id,
                "09120000000", "cards", data, Instant.now()));
        return id;
    }

    public CallControlRequest last() {
        return requests.get(requests.size() - 1);
    }

    private void onRequest(Message<CallControlRequest> m) {
        CallControlRequest r = m.body();
        requests.add(r);
        CallControlReply script = scripted.poll();
        if (script != null) {
            if (!script.error().equals("silence")) {
                m.reply(script);
            }
            return;
        }
        CallControlChanged now = calls.getOrDefault(r.interactionId(),
                new CallControlChanged(r.interactionId(), r.agentId(), "talking", "", "off", Instant.now()));
        String refusal = refusal(r, now);
        if (!refusal.isEmpty()) {
            String[] parts = refusal.split(":", 2);
            m.reply(CallControlReply.refused(parts[0], parts[1], now));
            return;
        }
        CallControlChanged next = next(r, now);
        calls.put(r.interactionId(), next);
        m.reply(CallControlReply.done(next));
        vertx.eventBus().publish(CallControlAddresses.CHANGED, next);
    }

    /** {@code error:message}, or empty when the intent can be carried out. */
    private String refusal(CallControlRequest r, CallControlChanged now) {
        String state = now.state();
        if (state.equals("ended")) {
            return "bad-state:the call has ended";
        }
        switch (r.intent()) {
            case "hold":
                return state.equals("talking") ? "" : "bad-state:only a call in talk can be held";
            case "resume":
                return state.equals("held") ? "" : "bad-state:the call is not on hold";
            case "consult-complete", "consult-cancel":
                return state.equals("consulting") ? "" : "bad-state:no consultation in progress";
            case "leave-conference":
                return state.equals("conference") ? "" : "bad-state:no conference in progress";
            case "record-pause":
                return now.recording().equals("on") ? "" : "bad-state:the call is not being recorded";
            case "record-resume":
                return now.recording().equals("paused") ? "" : "bad-state:the recording is not paused";
            default:
                break;
        }
        switch (r.targetKind()) {
            case "agent":
                return availableAgents.contains(r.target()) || r.intent().equals("take-over") ? ""
                        : "agent-unavailable:agent " + r.target() + " is not available";
            case "queue":
                return queues.contains(r.target()) ? "" : "no-such-queue:no queue " + r.target();
            case "number":
                return r.target().startsWith("00") || r.target().startsWith("+") ? "number-refused:"
                        + REFUSED_NUMBER_MESSAGE : "";
            default:
                return "";
        }
    }

    private static CallControlChanged next(CallControlRequest r, CallControlChanged now) {
        String state = now.state();
        String party = now.party();
        String recording = now.recording();
        String agent = now.agentId();
        switch (r.intent()) {
            case "hold" -> state = "held";
            case "resume", "consult-cancel" -> {
                state = "talking";
                party = "";
            }
            case "transfer" -> state = "transferring";
            case "consult" -> {
                state = "consulting";
                party = r.target();
            }
            case "consult-complete", "leave-conference", "hangup" -> state = "ended";
            case "conference" -> {
                state = "conference";
                party = r.target();
            }
            case "record-start", "record-resume" -> recording = "on";
            case "record-pause" -> recording = "paused";
            case "record-stop" -> recording = "off";
            case "take-over" -> {
                agent = r.target();
                state = "talking";
            }
            default -> { }
        }
        return new CallControlChanged(r.interactionId(), agent, state, party, recording, Instant.now());
    }
}
