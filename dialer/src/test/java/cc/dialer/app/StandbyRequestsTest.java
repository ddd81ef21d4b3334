package cc.dialer.app;

import cc.core.contract.ClickToTalkAddresses;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.DialerAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandbyRequestsTest {
    private final Vertx vertx = Vertx.vertx();
    private final EventBus bus = vertx.eventBus();
    /** What the standby passed on, by address; the "dialling node" answers each with its name. */
    private final List<String> passed = new CopyOnWriteArrayList<>();
    private final StandbyRequests standby = new StandbyRequests((address, m) -> {
        passed.add(address);
        m.reply("from the dialling node");
    });

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    @DisplayName("a preview request is answered here while this node dials, passed to the dialling node while it does "
            + "not, and refused 503 when another node passed it here and this node does not dial (never passed on twice)")
    void previewRequests() throws Exception {
        AtomicBoolean dials = new AtomicBoolean(true);
        bus.consumer(DialerAddresses.PREVIEW_NEXT, standby.orForward(DialerAddresses.PREVIEW_NEXT, dials::get,
                m -> m.reply("answered here")));
        assertEquals("answered here", ask(DialerAddresses.PREVIEW_NEXT, new DeliveryOptions()));
        dials.set(false);
        assertEquals("from the dialling node", ask(DialerAddresses.PREVIEW_NEXT, new DeliveryOptions()));
        assertEquals(List.of(DialerAddresses.PREVIEW_NEXT), passed);
        ReplyException refused = refusal(DialerAddresses.PREVIEW_NEXT, new DeliveryOptions()
                .addHeader(ClusterAddresses.FORWARDED_HEADER, "n1"));
        assertEquals(503, refused.failureCode());
        assertEquals(1, passed.size(), "a forwarded request is not passed on again");
        assertTrue(StandbyRequests.DIALLING_NODE_ONLY.containsAll(List.of(DialerAddresses.PREVIEW_DIAL,
                DialerAddresses.PREVIEW_SKIP, DialerAddresses.CAMPAIGN_CALLBACK, DialerAddresses.DNC_ADD)));
    }

    @Test
    @DisplayName("while the click-to-talk service is stopped the standby answers its addresses by passing them on; once "
            + "it stops answering (a takeover) nothing here consumes them")
    void clickToTalkWhileStandby() throws Exception {
        Future.<Void>future(p -> vertx.runOnContext(v -> {
            standby.answerClickToTalk(bus);
            p.complete();
        })).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        for (String address : StandbyRequests.CLICK_TO_TALK) {
            assertEquals("from the dialling node", ask(address, new DeliveryOptions()));
        }
        assertEquals(StandbyRequests.CLICK_TO_TALK, passed);
        Future<Void> stopped = Future.future(p -> vertx.runOnContext(v -> standby.stopAnsweringClickToTalk()
                .onComplete(p)));
        stopped.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(ReplyFailure.NO_HANDLERS, refusal(ClickToTalkAddresses.REQUEST, new DeliveryOptions())
                .failureType());
    }

    private String ask(String address, DeliveryOptions options) throws Exception {
        return bus.<String>request(address, "body", options).toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS).body();
    }

    private ReplyException refusal(String address, DeliveryOptions options) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> ask(address, options));
        return assertInstanceOf(ReplyException.class, e.getCause());
    }
}
