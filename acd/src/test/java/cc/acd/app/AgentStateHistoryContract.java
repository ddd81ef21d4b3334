package cc.acd.app;

import cc.acd.app.AgentStateHistory.Outcome;
import cc.acd.domain.agent.AgentStateSpell;
import cc.acd.domain.agent.TimeInState;
import cc.core.contract.AgentStateChanged;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * What every {@link AgentStateHistory} promises. The history may be shared by all tests and hold other rows: each
 * test uses agents of its own and a time window of its own, far from the others'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AgentStateHistoryContract {

    protected abstract AgentStateHistory history();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int seq;

    /** A random whole second far from other tests' windows (the ACD's times are whole milliseconds). */
    private static Instant someTime() {
        return Instant.parse("2020-01-01T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextLong(0, 50L * 365 * 24 * 3600));
    }

    private String newAgent() {
        return String.format("agent-%s-%03d", run, ++seq);
    }

    private static Instant at(Instant t0, String offset) {
        return t0.plus(Duration.parse("PT" + offset));
    }

    private Outcome record(String agent, String state, String reason, Instant since, String callId) {
        return result(history().record(new AgentStateChanged(agent, state, reason, since, callId)));
    }

    private static AgentStateSpell spell(String agent, String state, String reason, String callId, Instant from,
                                         Instant to) {
        return new AgentStateSpell(agent, state, reason, callId, from, Optional.ofNullable(to));
    }

    @Test
    @DisplayName("a change ends the agent's current spell at its time and opens the next")
    void spellsOpenAndClose() {
        String a = newAgent();
        Instant t0 = someTime();
        assertEquals(Outcome.OPENED, record(a, "available", "", t0, ""));
        assertEquals(Outcome.OPENED, record(a, "paused", "break", at(t0, "60S"), ""));
        assertEquals(Outcome.OPENED, record(a, "available", "", at(t0, "90S"), ""));

        assertEquals(List.of(
                spell(a, "available", "", "", t0, at(t0, "60S")),
                spell(a, "paused", "break", "", at(t0, "60S"), at(t0, "90S")),
                spell(a, "available", "", "", at(t0, "90S"), null)),
                result(history().spells(a, t0, at(t0, "1H"))));
    }

    @Test
    @DisplayName("a range gets the spells overlapping it, and the time in each state clipped to it")
    void clippedToRange() {
        String a = newAgent();
        Instant t0 = someTime();
        record(a, "available", "", t0, "");
        record(a, "ringing", "", at(t0, "9M"), "1700000000.17");
        record(a, "on-call", "", at(t0, "10M"), "1700000000.17");
        record(a, "wrap-up", "", at(t0, "15M"), "1700000000.17");
        record(a, "paused", "lunch", at(t0, "16M"), "");

        assertEquals(List.of(spell(a, "on-call", "", "1700000000.17", at(t0, "10M"), at(t0, "15M"))),
                result(history().spells(a, at(t0, "12M"), at(t0, "15M"))), "the spell running at the start only");
        assertEquals(List.of(
                spell(a, "wrap-up", "", "1700000000.17", at(t0, "15M"), at(t0, "16M")),
                spell(a, "paused", "lunch", "", at(t0, "16M"), null)),
                result(history().spells(a, at(t0, "15M"), at(t0, "2H"))), "a spell ending at the start is left out");
        assertEquals(List.of(), result(history().spells(a, t0.minusSeconds(3600), t0)), "nothing before the first");

        assertEquals(List.of(
                new TimeInState("available", "", Duration.ofMinutes(4)),
                new TimeInState("on-call", "", Duration.ofMinutes(5)),
                new TimeInState("paused", "lunch", Duration.ofMinutes(4)),
                new TimeInState("ringing", "", Duration.ofMinutes(1)),
                new TimeInState("wrap-up", "", Duration.ofMinutes(1))),
                result(history().timeInStates(a, at(t0, "5M"), at(t0, "20M"))));
    }

    @Test
    @DisplayName("two agents' changes interleaved make two timelines, and a window holds both agents' spells in it")
    void twoAgentsInterleaved() {
        Instant t0 = someTime();
        String a = newAgent();
        String b = newAgent();
        record(a, "available", "", t0, "");
        record(b, "available", "", at(t0, "1M"), "");
        record(a, "ringing", "", at(t0, "2M"), "c1");
        record(b, "paused", "break", at(t0, "3M"), "");
        record(a, "on-call", "", at(t0, "4M"), "c1");
        record(b, "logged-out", "", at(t0, "5M"), "");
        record(a, "wrap-up", "", at(t0, "6M"), "c1");

        assertEquals(List.of(
                spell(a, "available", "", "", t0, at(t0, "2M")),
                spell(a, "ringing", "", "c1", at(t0, "2M"), at(t0, "4M")),
                spell(a, "on-call", "", "c1", at(t0, "4M"), at(t0, "6M")),
                spell(a, "wrap-up", "", "c1", at(t0, "6M"), null)),
                result(history().spells(a, t0, at(t0, "1H"))));
        assertEquals(List.of(
                spell(a, "ringing", "", "c1", at(t0, "2M"), at(t0, "4M")),
                spell(a, "on-call", "", "c1", at(t0, "4M"), at(t0, "6M")),
                spell(a, "wrap-up", "", "c1", at(t0, "6M"), null),
                spell(b, "paused", "break", "", at(t0, "3M"), at(t0, "5M")),
                spell(b, "logged-out", "", "", at(t0, "5M"), null)),
                result(history().spells(at(t0, "3M"), at(t0, "7M"))).stream()
                        .filter(s -> s.agentId().equals(a) || s.agentId().equals(b)).toList());
    }

    @Test
    @DisplayName("the same change twice, or the same state again, is still one spell")
    void duplicatesAndRepeats() {
        String a = newAgent();
        Instant t0 = someTime();
        record(a, "available", "", t0, "");
        record(a, "paused", "break", at(t0, "1M"), "");
        assertEquals(Outcome.DUPLICATE, record(a, "paused", "break", at(t0, "1M"), ""));
        assertEquals(Outcome.DUPLICATE, record(a, "available", "", t0, ""), "an older duplicate too");
        assertEquals(Outcome.CONTINUED, record(a, "paused", "break", at(t0, "2M"), ""),
                "restated by a new routing node");

        assertEquals(List.of(
                spell(a, "available", "", "", t0, at(t0, "1M")),
                spell(a, "paused", "break", "", at(t0, "1M"), null)),
                result(history().spells(a, t0, at(t0, "1H"))));
    }

    @Test
    @DisplayName("a late change splits the spell it falls in, and one older than all lasts until the first")
    void lateChanges() {
        String a = newAgent();
        Instant t0 = someTime();
        record(a, "available", "", at(t0, "10M"), "");
        record(a, "on-call", "", at(t0, "20M"), "c1");
        assertEquals(Outcome.INSERTED, record(a, "paused", "break", at(t0, "15M"), ""));
        assertEquals(Outcome.INSERTED, record(a, "logged-out", "", t0, ""));
        assertEquals(Outcome.CONTINUED, record(a, "on-call", "", at(t0, "25M"), "c1"),
                "late or not, the same state");

        assertEquals(List.of(
                spell(a, "logged-out", "", "", t0, at(t0, "10M")),
                spell(a, "available", "", "", at(t0, "10M"), at(t0, "15M")),
                spell(a, "paused", "break", "", at(t0, "15M"), at(t0, "20M")),
                spell(a, "on-call", "", "c1", at(t0, "20M"), null)),
                result(history().spells(a, t0, at(t0, "1H"))));
    }

    @Test
    @DisplayName("changes at the same instant keep the order they were recorded in")
    void sameInstant() {
        String a = newAgent();
        Instant t0 = someTime();
        record(a, "wrap-up", "", t0, "c1");
        record(a, "available", "", at(t0, "5S"), "");
        record(a, "ringing", "", at(t0, "5S"), "c2");
        record(a, "on-call", "", at(t0, "8S"), "c2");

        assertEquals(List.of(
                spell(a, "available", "", "", at(t0, "5S"), at(t0, "5S")),
                spell(a, "ringing", "", "c2", at(t0, "5S"), at(t0, "8S")),
                spell(a, "on-call", "", "c2", at(t0, "8S"), null)),
                result(history().spells(a, at(t0, "5S"), at(t0, "1M"))));
        assertEquals(List.of(
                new TimeInState("on-call", "", Duration.ofSeconds(52)),
                new TimeInState("ringing", "", Duration.ofSeconds(3)),
                new TimeInState("wrap-up", "", Duration.ofSeconds(5))),
                result(history().timeInStates(a, t0, at(t0, "1M"))));
    }

    @Test
    @DisplayName("a change no column can hold is refused as unstorable, and the agent's history is unchanged")
    void unstorable() {
        String a = newAgent();
        Instant t0 = someTime();
        record(a, "available", "", t0, "");
        Throwable refused = failure(history().record(
                new AgentStateChanged(a, "paused", "x".repeat(500), at(t0, "1M"))));
        assertInstanceOf(IllegalArgumentException.class, refused);
        assertEquals(List.of(spell(a, "available", "", "", t0, null)),
                result(history().spells(a, t0, at(t0, "1H"))));
    }
}
