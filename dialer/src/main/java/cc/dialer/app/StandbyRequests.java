package cc.dialer.app;

import cc.core.app.livestate.LeaseForward;
import cc.core.contract.ClickToTalkAddresses;
import cc.core.contract.DialerAddresses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * With several nodes, the requests only the dialling node (the holder of the dialer lease) can carry out, as a node
 * that does not dial answers them: an agent's preview record (take, dial, skip), a campaign callback, a do-not-call
 * addition and a customer's click-to-talk request, query or cancel go to the dialling node through {@link LeaseForward}, whose answer or refusal is relayed as
 * it was (503 while no node holds the lease). A request forwarded here while this node does not dial (it lost the
 * lease on the way) is refused 503, never forwarded again.
 *
 * <p>Threading: used on the dialer verticle's context only.
 */
final class StandbyRequests {
    /**
     * Answered by the dialling node's campaign runners and lists: the preview requests; a callback booked on a record
     * (a standby's write would be overwritten by the running runner's progress); a do-not-call addition (on the
     * dialling node's list at once, not at its next refresh).
     */
    static final Set<String> DIALLING_NODE_ONLY = Set.of(DialerAddresses.PREVIEW_NEXT, DialerAddresses.PREVIEW_DIAL,
            DialerAddresses.PREVIEW_SKIP, DialerAddresses.CAMPAIGN_CALLBACK, DialerAddresses.DNC_ADD);
    /** The click-to-talk requests: answered by the dialling node's click-to-talk service. */
    static final List<String> CLICK_TO_TALK = List.of(ClickToTalkAddresses.REQUEST, ClickToTalkAddresses.QUERY,
            ClickToTalkAddresses.CANCEL);
    static final String NO_DIALLING_NODE = "no node dials right now; try again";

    private final LeaseForward forward;
    private final List<MessageConsumer<Object>> clickToTalk = new ArrayList<>();

    StandbyRequests(LeaseForward forward) {
        this.forward = forward;
    }

    /** {@code handler} while this node dials ({@code dials}); else the request goes to the node that does. */
    <T> Handler<Message<T>> orForward(String address, BooleanSupplier dials, Handler<Message<T>> handler) {
        return m -> {
            if (dials.getAsBoolean()) {
                handler.handle(m);
            } else {
                pass(address, m);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private void pass(String address, Message<?> m) {
        if (LeaseForward.forwarded(m)) {
            m.fail(503, NO_DIALLING_NODE);
        } else {
            forward.toHolder(address, (Message<Object>) m);
        }
    }

    /**
     * While this node does not dial its click-to-talk service is stopped: these consumers answer its addresses by
     * forwarding. Stopped before the service starts at a takeover, so no address has two consumers here.
     */
    void answerClickToTalk(EventBus bus) {
        if (!clickToTalk.isEmpty()) {
            return;
        }
        for (String address : CLICK_TO_TALK) {
            clickToTalk.add(bus.consumer(address, m -> pass(address, m)));
        }
    }

    Future<Void> stopAnsweringClickToTalk() {
        List<Future<Void>> done = new ArrayList<>();
        clickToTalk.forEach(c -> done.add(c.unregister()));
        clickToTalk.clear();
        return Future.join(done).mapEmpty();
    }
}
