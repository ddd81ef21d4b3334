package cc.console.domain.selfservice;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits against a ledger kept here as the database keeps it (requests handed over, with their time), on a
 * virtual clock: what the page decides as time passes.
 */
class ClickToTalkLimitsTest {
    private final ClickToTalkLimits limits = ClickToTalkLimits.defaults();
    private final List<Object[]> sent = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-02T08:00:00Z");

    private Optional<ClickToTalkLimits.Refusal> ask(String address, String number) {
        ClickToTalkLimits.Windows w = limits.windows(now);
        int fromAddress = 0;
        int toNumber = 0;
        int all = 0;
        for (Object[] s : sent) {
            Instant at = (Instant) s[2];
            fromAddress += s[0].equals(address) && at.isAfter(w.addressSince()) ? 1 : 0;
            toNumber += s[1].equals(number) && at.isAfter(w.numberSince()) ? 1 : 0;
            all += at.isAfter(w.allSince()) ? 1 : 0;
        }
        Optional<ClickToTalkLimits.Refusal> r = limits.check(new ClickToTalkLimits.Counts(fromAddress, toNumber, all));
        if (r.isEmpty()) {
            sent.add(new Object[] {address, number, now});
        }
        return r;
    }

    @Test
    @DisplayName("three requests an hour from one address; the fourth is refused until the first is an hour old")
    void perAddressPerHour() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), ask("198.51.100.7", "0912000000" + i));
            now = now.plus(Duration.ofMinutes(10));
        }
        assertEquals(Optional.of(ClickToTalkLimits.Refusal.ADDRESS_LIMIT), ask("198.51.100.7", "09120000009"));
        assertEquals(Optional.empty(), ask("198.51.100.8", "09120000009"), "another address is not held up");
        now = Instant.parse("2026-12-02T09:00:01Z");
        assertEquals(Optional.empty(), ask("198.51.100.7", "09120000008"), "the first left the hour");
    }

    @Test
    @DisplayName("two calls a day to one number whatever the address; the third after 24 hours")
    void perNumberPerDay() {
        assertEquals(Optional.empty(), ask("a", "09121111111"));
        now = now.plus(Duration.ofHours(2));
        assertEquals(Optional.empty(), ask("b", "09121111111"));
        now = now.plus(Duration.ofHours(2));
        assertEquals(Optional.of(ClickToTalkLimits.Refusal.NUMBER_LIMIT), ask("c", "09121111111"));
        now = Instant.parse("2026-12-03T08:00:01Z");
        assertEquals(Optional.empty(), ask("c", "09121111111"));
    }

    @Test
    @DisplayName("the day's total: request 501 in 24 hours is refused for everybody")
    void perDay() {
        for (int i = 0; i < 500; i++) {
            assertEquals(Optional.empty(), ask("addr-" + i, String.format("0912%07d", i)));
            now = now.plusSeconds(60);
        }
        assertEquals(Optional.of(ClickToTalkLimits.Refusal.DAILY_LIMIT), ask("fresh", "09129999999"));
    }

    @Test
    @DisplayName("a refused request uses up no allowance: a flood from one address hands over exactly three")
    void floodHandsOverTheLimit() {
        int handed = 0;
        for (int i = 0; i < 200; i++) {
            handed += ask("203.0.113.5", String.format("0912%07d", i)).isEmpty() ? 1 : 0;
        }
        assertEquals(3, handed);
    }

    @Test
    @DisplayName("order lookups: five failures an hour, then refused; the last four digits compared as digits")
    void orderLookups() {
        OrderLookupLimit l = OrderLookupLimit.defaults();
        assertTrue(l.allows(4));
        assertFalse(l.allows(5));
        assertEquals(Instant.parse("2026-12-02T07:00:00Z"), l.since(Instant.parse("2026-12-02T08:00:00Z")));
        assertTrue(OrderLookupLimit.secondFactorMatches("+98 912 123 4567", "4567"));
        assertFalse(OrderLookupLimit.secondFactorMatches("09121234567", "4568"));
        assertFalse(OrderLookupLimit.secondFactorMatches("567", "0567"), "too short a phone never matches");
        assertFalse(OrderLookupLimit.secondFactorMatches("09121234567", "45a7"));
    }

    @Test
    @DisplayName("the source address: the peer's, unless the peer is a trusted proxy; then the last untrusted hop")
    void sourceAddress() {
        assertEquals("198.51.100.7", SourceAddress.of("198.51.100.7", List.of("1.2.3.4"), Set.of("10.0.0.1")),
                "an untrusted peer's X-Forwarded-For is ignored");
        assertEquals("198.51.100.7", SourceAddress.of("10.0.0.1", List.of("6.6.6.6, 198.51.100.7"),
                Set.of("10.0.0.1")), "what the client wrote left of the proxy's entry is not believed");
        assertEquals("198.51.100.7", SourceAddress.of("10.0.0.1", List.of("198.51.100.7, 10.0.0.2"),
                Set.of("10.0.0.1", "10.0.0.2")));
        assertEquals("10.0.0.1", SourceAddress.of("10.0.0.1", List.of(), Set.of("10.0.0.1")));
    }

    @Test
    @DisplayName("the wait told: none when calls are answered at once, else whole minutes, never less than the longest wait")
    void waits() {
        assertEquals(0, WaitEstimate.seconds(0, 0, 0));
        assertEquals(60, WaitEstimate.seconds(0, 0, 12));
        assertEquals(240, WaitEstimate.seconds(3, 200, 45));
    }

    @Test
    @DisplayName("the snippet starts a few words before the first match and marks the matched words")
    void snippet() {
        List<Snippet.Part> parts = Snippet.of("One two three four five six seven eight nine ten eleven refunds take"
                + " five days.", w -> w.equalsIgnoreCase("refunds"), 6);
        assertEquals("… ", parts.get(0).text());
        assertTrue(parts.stream().anyMatch(p -> p.matched() && p.text().equals("refunds")));
    }
}
