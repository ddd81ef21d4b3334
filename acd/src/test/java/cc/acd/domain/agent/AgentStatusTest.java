package cc.acd.domain.agent;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentStatusTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "LOGGED_OUT, ON_CALL", "LOGGED_OUT, RINGING", "LOGGED_OUT, WRAP_UP", "LOGGED_OUT, RESERVED",
            "AVAILABLE, ON_CALL", "AVAILABLE, WRAP_UP",
            "RINGING, WRAP_UP", "RESERVED, WRAP_UP",
            "ON_CALL, PAUSED", "ON_CALL, LOGGED_OUT", "ON_CALL, RINGING",
            "WRAP_UP, ON_CALL", "WRAP_UP, RINGING",
            "PAUSED, ON_CALL", "PAUSED, RINGING", "PAUSED, WRAP_UP"})
    @DisplayName("an agent cannot jump between states the working day does not connect")
    void illegalMovesAreRefused(AgentStatus from, AgentStatus to) {
        assertFalse(from.canMoveTo(to));
        AgentState state = new AgentState(from, from == AgentStatus.PAUSED ? "break" : "", T0, "");
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> state.moveTo(to, "x", T0.plusSeconds(1), ""));
        assertEquals(from, e.from());
        assertEquals(to, e.to());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "LOGGED_OUT, AVAILABLE", "LOGGED_OUT, PAUSED",
            "AVAILABLE, RINGING", "AVAILABLE, RESERVED", "AVAILABLE, PAUSED", "AVAILABLE, LOGGED_OUT",
            "RINGING, ON_CALL", "RINGING, PAUSED", "RINGING, AVAILABLE",
            "RESERVED, ON_CALL", "RESERVED, AVAILABLE",
            "ON_CALL, WRAP_UP", "ON_CALL, AVAILABLE",
            "WRAP_UP, AVAILABLE", "WRAP_UP, PAUSED", "PAUSED, AVAILABLE", "PAUSED, PAUSED", "PAUSED, LOGGED_OUT"})
    @DisplayName("the working day's moves are allowed and record when the agent entered the state")
    void legalMovesRecordTheTimeEntered(AgentStatus from, AgentStatus to) {
        AgentState state = new AgentState(from, from == AgentStatus.PAUSED ? "break" : "", T0, "");
        AgentState next = state.moveTo(to, "lunch", T0.plusSeconds(7), "c1");
        assertEquals(to, next.status());
        assertEquals(T0.plusSeconds(7), next.since());
        assertEquals(to == AgentStatus.PAUSED ? "lunch" : "", next.reason());
    }

    @Test
    @DisplayName("agents choose only available, paused or logged out; the router alone rings, connects and wraps up")
    void agentsRequestOnlyTheirOwnStates() {
        assertTrue(AgentStatus.LOGGED_OUT.agentMayRequest(AgentStatus.AVAILABLE));
        assertTrue(AgentStatus.WRAP_UP.agentMayRequest(AgentStatus.AVAILABLE));
        assertTrue(AgentStatus.AVAILABLE.agentMayRequest(AgentStatus.PAUSED));
        assertFalse(AgentStatus.AVAILABLE.agentMayRequest(AgentStatus.RINGING));
        assertFalse(AgentStatus.AVAILABLE.agentMayRequest(AgentStatus.ON_CALL));
        assertFalse(AgentStatus.RINGING.agentMayRequest(AgentStatus.PAUSED), "declining is ring-no-answer's job");
        assertFalse(AgentStatus.RINGING.agentMayRequest(AgentStatus.AVAILABLE));
        assertTrue(AgentStatus.RINGING.agentMayRequest(AgentStatus.LOGGED_OUT), "a lost console may be logged out");
        assertFalse(AgentStatus.ON_CALL.agentMayRequest(AgentStatus.LOGGED_OUT), "nobody is logged out mid-call");
        assertFalse(AgentStatus.ON_CALL.agentMayRequest(AgentStatus.AVAILABLE));
    }

    @Test
    @DisplayName("a pause always carries a reason code")
    void pauseNeedsReason() {
        assertThrows(IllegalArgumentException.class, () -> new AgentState(AgentStatus.PAUSED, "", T0, ""));
    }

    @Test
    @DisplayName("proficiency outside 1..10 is refused with the agent and skill named")
    void proficiencyIsBounded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AgentProfile("a1", Map.of("billing", 11), List.of("q1")));
        assertTrue(e.getMessage().contains("a1") && e.getMessage().contains("billing"), e.getMessage());
        assertEquals(0, new AgentProfile("a1", Map.of("billing", 3), List.of()).level("sales"));
    }
}
