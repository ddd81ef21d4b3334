package cc.acd.domain.routing;

import cc.acd.app.AcdTranslation;
import cc.acd.domain.queue.QueueConfig;
import cc.core.contract.EnqueueCall;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.acd.domain.routing.Scenario.agent;
import static cc.acd.domain.routing.Scenario.assertOffered;
import static cc.acd.domain.routing.Scenario.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A confirmed click-to-talk customer waits as if queued since the request was made. */
class KeptPlaceTest {

    private static EnqueueCall enqueue(String id, Map<String, String> data, double at) {
        return new EnqueueCall(id, "PJSIP/" + id, "q", 0, "fa", data, t(at));
    }

    @Test
    @DisplayName("a caller keeping the place of a request made before the others arrived is served first")
    void keptPlaceServedFirst() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q")), List.of(agent("a", "q")));
        s.arrive(0, "walk-in", "q");
        s.apply(AcdTranslation.callArrived(enqueue("web", Map.of(AcdTranslation.KEPT_PLACE_KEY,
                t(-60).toString()), 50), t(50)));
        assertEquals(List.of("web", "walk-in"), s.acd.waiting("q").stream().map(CallView::callId).toList());
        assertEquals(t(-60), s.acd.call("web").orElseThrow().enqueuedAt());
        assertOffered("web", "a", s.available(60, "a"));
    }

    @Test
    @DisplayName("a kept place in the future or unreadable counts as arriving now")
    void keptPlaceNeverLater() {
        Scenario s = new Scenario(List.of(QueueConfig.of("q")), List.of(agent("a", "q")));
        s.arrive(0, "walk-in", "q");
        s.apply(AcdTranslation.callArrived(enqueue("future", Map.of(AcdTranslation.KEPT_PLACE_KEY,
                t(500).toString()), 50), t(50)));
        s.apply(AcdTranslation.callArrived(enqueue("garbled", Map.of(AcdTranslation.KEPT_PLACE_KEY, "soon"), 51),
                t(51)));
        assertEquals(List.of("walk-in", "future", "garbled"),
                s.acd.waiting("q").stream().map(CallView::callId).toList());
        assertEquals(t(50), s.acd.call("future").orElseThrow().enqueuedAt());
    }
}
