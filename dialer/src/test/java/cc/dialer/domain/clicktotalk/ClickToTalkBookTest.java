package cc.dialer.domain.clicktotalk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClickToTalkBookTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final ClickToTalkRules RULES = new ClickToTalkRules(1, Duration.ofMinutes(2),
            Duration.ofMinutes(10), 3, 100, Duration.ofDays(7));

    private Instant now = T0;
    private final ClickToTalkBook book = new ClickToTalkBook(RULES);

    private void advance(Duration d) {
        now = now.plus(d);
    }

    private CallMeRequest request(String id, String number, Instant callAt) {
        CallMeRequest r = CallMeRequest.scheduled(id, number, "fa", "sales", "invoice", Optional.empty(), callAt,
                now, now);
        book.add(r);
        return r;
    }

    private List<String> dialNow(int freeLines) {
        return book.tick(now, freeLines).dial().stream().map(CallMeRequest::id).toList();
    }

    private CallMeState state(String id) {
        return book.get(id).orElseThrow().state();
    }

    @Test
    @DisplayName("a request for now is dialled at once; one for later waits for its time")
    void dueWhenItsTimeComes() {
        request("now", "+989120000001", now);
        request("later", "+989120000002", now.plus(Duration.ofMinutes(30)));
        assertEquals(List.of("now"), dialNow(10));
        advance(Duration.ofMinutes(29));
        assertEquals(List.of(), dialNow(10));
        advance(Duration.ofMinutes(1));
        assertEquals(List.of("later"), dialNow(10));
        assertEquals(CallMeState.DIALLING, state("later"));
        assertEquals(1, book.get("later").orElseThrow().attempts());
    }

    @Test
    @DisplayName("the whole happy path: answered, confirmed with 1, connected, hung up; the kept place is the request time")
    void confirmedAndConnected() {
        Instant asked = now;
        request("r", "+989120000001", now);
        dialNow(1);
        advance(Duration.ofSeconds(5));
        assertEquals(CallMeState.CONFIRMING, book.answered("r", "u-1", now).orElseThrow().state());
        assertEquals("r", book.byUniqueId("u-1").orElseThrow().id());
        assertEquals(CallMeState.WAITING, book.confirmed("r", now).orElseThrow().state());
        assertEquals(CallMeState.CONNECTED, book.connected("r", now).orElseThrow().state());
        CallMeRequest done = book.hungUp("r", now).orElseThrow();
        assertEquals(CallMeState.CONNECTED, done.state(), "a finished conversation stays connected");
        assertFalse(done.callOpen());
        assertEquals(asked, done.requestedAt());
    }

    @Test
    @DisplayName("answered but no 1 (other key, silence, hang-up): unconfirmed, and a later connect cannot revive it")
    void unconfirmed() {
        request("r", "+989120000001", now);
        dialNow(1);
        book.answered("r", "u-1", now);
        CallMeRequest r = book.hungUp("r", now).orElseThrow();
        assertEquals(CallMeState.UNCONFIRMED, r.state());
        assertTrue(book.connected("r", now).isEmpty());
        assertTrue(book.confirmed("r", now).isEmpty());
    }

    @Test
    @DisplayName("pressed 1, then hung up while waiting: abandoned (the page stops saying waiting), the number free again")
    void abandonedWhileWaiting() {
        request("r", "+989120000001", now);
        dialNow(1);
        book.answered("r", "u-1", now);
        book.confirmed("r", now);
        CallMeRequest r = book.hungUp("r", now).orElseThrow();
        assertEquals(CallMeState.ABANDONED, r.state());
        assertEquals("the customer hung up before an agent answered", r.detail());
        assertTrue(r.state().done());
        assertFalse(r.callOpen());
        assertTrue(book.connected("r", now).isEmpty(), "a late connect cannot revive it");
    }

    @Test
    @DisplayName("busy: called again after the retry delay, then not-reached when the retries are used up")
    void busyRetriedOnceThenNotReached() {
        request("r", "+989120000001", now);
        dialNow(1);
        CallMeRequest retry = book.unanswered("r", ClickToTalkBook.Unanswered.BUSY, "", now).orElseThrow();
        assertEquals(CallMeState.SCHEDULED, retry.state());
        assertEquals(now.plus(Duration.ofMinutes(2)), retry.nextDialAt());
        advance(Duration.ofSeconds(119));
        assertEquals(List.of(), dialNow(1), "not before the retry delay");
        advance(Duration.ofSeconds(1));
        assertEquals(List.of("r"), dialNow(1));
        CallMeRequest last = book.unanswered("r", ClickToTalkBook.Unanswered.NO_ANSWER, "", now).orElseThrow();
        assertEquals(CallMeState.NOT_REACHED, last.state());
        assertEquals(2, last.attempts());
        advance(Duration.ofMinutes(5));
        assertEquals(List.of(), dialNow(1));
    }

    @Test
    @DisplayName("a failed call (congestion, trunk down) is not retried")
    void failedNotRetried() {
        request("r", "+989120000001", now);
        dialNow(1);
        assertEquals(CallMeState.NOT_REACHED,
                book.unanswered("r", ClickToTalkBook.Unanswered.FAILED, "congestion", now).orElseThrow().state());
    }

    @Test
    @DisplayName("never two calls at once to one number: the second request waits until the first call ends")
    void oneCallPerNumber() {
        request("a", "+989120000001", now);
        request("b", "+989120000001", now);
        assertEquals(List.of("a"), dialNow(5));
        book.answered("a", "u-1", now);
        assertEquals(List.of(), dialNow(5));
        book.hungUp("a", now);
        assertEquals(List.of("b"), dialNow(5));
    }

    @Test
    @DisplayName("a flood is held to the per-minute ceiling across all requests, then expires rather than ring late")
    void perMinuteCeilingAndExpiry() {
        for (int i = 0; i < 10; i++) {
            request("f" + i, "+98912000010" + i, now);
        }
        assertEquals(3, dialNow(100).size());
        advance(Duration.ofSeconds(30));
        assertEquals(0, dialNow(100).size(), "the minute is not over");
        advance(Duration.ofSeconds(30));
        assertEquals(3, dialNow(100).size());
        advance(Duration.ofMinutes(10));
        ClickToTalkBook.Tick tick = book.tick(now, 100);
        assertEquals(0, tick.dial().size());
        assertEquals(4, tick.expired().size());
        assertTrue(tick.expired().stream().allMatch(r -> r.state() == CallMeState.NOT_REACHED));
    }

    @Test
    @DisplayName("no more calls than free lines; the rest wait")
    void freeLines() {
        request("a", "+989120000001", now);
        request("b", "+989120000002", now);
        assertEquals(List.of("a"), dialNow(1));
        assertEquals(List.of("b"), dialNow(1));
    }

    @Test
    @DisplayName("only a request not yet dialled can be cancelled")
    void cancel() {
        request("a", "+989120000001", now);
        request("b", "+989120000002", now.plus(Duration.ofHours(1)));
        dialNow(1);
        assertTrue(book.cancel("a", now).isEmpty());
        assertEquals(CallMeState.CANCELLED, book.cancel("b", now).orElseThrow().state());
        advance(Duration.ofHours(2));
        assertEquals(List.of(), dialNow(5));
    }

    @Test
    @DisplayName("after a restart a call being placed or confirmed ends not-reached, never dialled twice; scheduled ones are kept")
    void restore() {
        CallMeRequest scheduled = CallMeRequest.scheduled("s", "+989120000001", "en", "sales", "", Optional.empty(),
                now, now, now);
        CallMeRequest ringing = CallMeRequest.scheduled("d", "+989120000002", "en", "sales", "", Optional.empty(),
                now, now, now).dialled(now);
        ClickToTalkBook after = new ClickToTalkBook(RULES);
        List<CallMeRequest> changed = after.restore(List.of(scheduled, ringing), now);
        assertEquals(1, changed.size());
        assertEquals(CallMeState.NOT_REACHED, changed.get(0).state());
        assertEquals(List.of("s"), after.tick(now, 5).dial().stream().map(CallMeRequest::id).toList());
    }

    @Test
    @DisplayName("wire names are the contract's")
    void wireNames() {
        assertEquals("not-reached", CallMeState.NOT_REACHED.wireName());
        assertEquals(CallMeState.NOT_REACHED, CallMeState.fromWireName("not-reached"));
        assertEquals(cc.core.contract.ClickToTalkStatus.UNCONFIRMED, CallMeState.UNCONFIRMED.wireName());
    }

    @Test
    @DisplayName("ring the agent first: handed to the ACD, an agent rung (a missed ring puts it back in line), the "
            + "agent's phone calls the customer, a 1 connects; the number is free again for a later request")
    void agentFirstConnected() {
        request("r", "+989120000001", now);
        assertEquals(List.of("r"), dialNow(10));
        assertTrue(book.handedToAcd("r", now).isPresent());
        assertEquals(CallMeState.WAITING, state("r"));
        book.agentRung("r", "a1", now);
        assertEquals(CallMeState.RINGING_AGENT, state("r"));
        book.agentMissed("r", now);
        assertEquals(CallMeState.WAITING, state("r"));
        book.agentRung("r", "a2", now);
        book.agentAnswered("r", "a2", now);
        assertEquals(CallMeState.CALLING_CUSTOMER, state("r"));
        request("again", "+989120000001", now);
        assertEquals(List.of(), dialNow(10), "never two calls at once to one number");
        CallMeRequest done = book.confirmedWithAgent("r", "a2", now).orElseThrow();
        assertEquals(CallMeState.CONNECTED, done.state());
        assertFalse(done.callOpen());
        assertEquals(List.of("again"), dialNow(10));
    }

    @Test
    @DisplayName("ring the agent first: the ACD may ring the agent before its answer to the hand-over arrives")
    void agentRungBeforeTheHandOverReply() {
        request("r", "+989120000001", now);
        dialNow(10);
        assertTrue(book.agentRung("r", "a1", now).isPresent());
        assertTrue(book.handedToAcd("r", now).isEmpty(), "the late reply does not take it back to waiting");
        assertEquals(CallMeState.RINGING_AGENT, state("r"));
    }

    @Test
    @DisplayName("ring the agent first: a customer who does not press 1 declines, a fact never retried")
    void agentFirstDeclined() {
        request("r", "+989120000001", now);
        dialNow(10);
        book.handedToAcd("r", now);
        book.agentRung("r", "a1", now);
        book.agentAnswered("r", "a1", now);
        CallMeRequest d = book.declined("r", "a1", now).orElseThrow();
        assertEquals(CallMeState.DECLINED, d.state());
        assertEquals("declined", d.state().wireName());
        assertTrue(d.state().done());
        advance(Duration.ofHours(1));
        assertEquals(List.of(), dialNow(10));
        assertTrue(book.cancel("r", now).isEmpty());
    }

    @Test
    @DisplayName("ring the agent first: an unanswered customer is tried again after the delay, then not-reached")
    void agentFirstNotReached() {
        request("r", "+989120000001", now);
        dialNow(10);
        book.handedToAcd("r", now);
        book.agentRung("r", "a1", now);
        book.agentAnswered("r", "a1", now);
        assertEquals(CallMeState.SCHEDULED, book.notReachedByAgent("r", "a1", now).orElseThrow().state());
        advance(RULES.retryDelay());
        assertEquals(List.of("r"), dialNow(10));
        book.handedToAcd("r", now);
        book.agentRung("r", "a1", now);
        book.agentAnswered("r", "a1", now);
        assertEquals(CallMeState.NOT_REACHED, book.notReachedByAgent("r", "a1", now).orElseThrow().state());
    }

    @Test
    @DisplayName("ring the agent first: a restart while an agent rings or calls the customer ends not-reached")
    void agentFirstRestart() {
        request("r", "+989120000001", now);
        dialNow(10);
        book.handedToAcd("r", now);
        book.agentRung("r", "a1", now);
        ClickToTalkBook after = new ClickToTalkBook(RULES);
        List<CallMeRequest> changed = after.restore(book.all(), now);
        assertEquals(CallMeState.NOT_REACHED, changed.get(0).state());
    }
}
