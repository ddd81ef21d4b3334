package cc.console.app;

import cc.core.contract.CallControlChanged;
import cc.core.contract.CallOffered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which call each agent is on now, as the console learns it from offers and call control's states. */
class CallControlsTest {
    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");
    // following offers and states needs no event bus: only ask() sends
    private final CallControls controls = new CallControls(null, new LiveHub());

    private static CallOffered offer(String agent, String call) {
        return new CallOffered(agent, call, "u-" + call, "09120000000", "cards", Map.of(), AT);
    }

    private static CallControlChanged state(String call, String agent, String state) {
        return new CallControlChanged(call, agent, state, "", "off", AT);
    }

    @Test
    @DisplayName("an offered call is its agent's current call until the next one rings them")
    void offers() {
        controls.onOffer(offer("a1", "c1"));
        assertEquals(Optional.of("c1"), controls.currentCall("a1"));
        assertEquals(Optional.of("a1"), controls.agentOf("c1"));
        controls.onOffer(offer("a1", "c2"));
        assertEquals(Optional.of("c2"), controls.currentCall("a1"));
        controls.onOffer(offer("a2", ""));
        assertEquals(Optional.empty(), controls.currentCall("a2"), "a call without a record cannot be controlled");
    }

    @Test
    @DisplayName("a call handed to another agent is theirs and no longer the first agent's; an ended call is nobody's current call")
    void handOffAndEnd() {
        controls.onOffer(offer("a1", "c1"));
        controls.onChanged(state("c1", "a1", "consulting"));
        controls.onChanged(state("c1", "a3", "talking"));
        assertEquals(Optional.of("a3"), controls.agentOf("c1"));
        assertEquals(Optional.of("c1"), controls.currentCall("a3"));
        assertEquals(Optional.empty(), controls.currentCall("a1"));
        controls.onChanged(state("c1", "a3", "ended"));
        assertEquals(Optional.empty(), controls.currentCall("a3"));
        assertEquals("ended", controls.state("c1").orElseThrow().state());
    }

    @Test
    @DisplayName("the end of an earlier call does not clear the agent's new one")
    void lateEnd() {
        controls.onOffer(offer("a1", "c1"));
        controls.onOffer(offer("a1", "c2"));
        controls.onChanged(state("c1", "a1", "ended"));
        assertEquals(Optional.of("c2"), controls.currentCall("a1"));
    }
}
