package cc.core.domain.interaction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interaction record of a chat or email, from what the ACD publishes about it. */
class MediaInteractionsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static List<String> kinds(Interaction i) {
        return i.segments().stream().map(s -> s.kind().wireName() + ":" + s.outcome()).toList();
    }

    @Test
    @DisplayName("opened from the channel's data: customer, address, topic; a known customer id only when numeric")
    void opens() {
        Interaction i = MediaInteractions.open("m1", InteractionChannel.EMAIL,
                Map.of("customerId", "42", "address", "sara@example.com", "topic", "Invoice"), t(0));
        assertEquals(Optional.of(42L), i.customerId());
        assertEquals("sara@example.com", i.callerNumber());
        assertEquals("Invoice", i.callerName());
        assertEquals(Direction.INBOUND, i.direction());
        assertEquals(Optional.empty(), MediaInteractions.open("m2", InteractionChannel.CHAT,
                Map.of("customerId", "guest"), t(0)).customerId());
        String longAddress = "x".repeat(100) + "@example.com";
        assertEquals(64, MediaInteractions.open("m3", InteractionChannel.EMAIL, Map.of("address", longAddress), t(0))
                .callerNumber().length());
    }

    @Test
    @DisplayName("wait, declined offer, answered offer, talk, transfer, second wait, end: every segment in order")
    void segments() {
        Interaction i = MediaInteractions.open("m1", InteractionChannel.CHAT, Map.of(), t(0));
        i = MediaInteractions.queued(i, "support", t(0));
        i = MediaInteractions.offered(i, "a1", "support", t(1));
        i = MediaInteractions.offerEnded(i, "a1", Segment.REFUSED, t(2));
        i = MediaInteractions.offered(i, "a2", "support", t(3));
        i = MediaInteractions.offerEnded(i, "a2", Segment.ANSWERED, t(4));
        assertEquals(Optional.of("a2"), i.agentId());
        assertEquals(Optional.of(t(4)), i.agentAnsweredAt());
        i = MediaInteractions.transferred(i, "a2", "sales", t(60));
        i = MediaInteractions.offered(i, "a3", "sales", t(61));
        i = MediaInteractions.offerEnded(i, "a3", Segment.ANSWERED, t(62));
        i = MediaInteractions.ended(i, "closed", t(120), Duration.ofSeconds(10));
        assertEquals(List.of("queue:answered", "offer:refused", "offer:answered", "talk:completed",
                "transfer:completed", "queue:answered", "offer:answered", "talk:completed", "wrap-up:completed"),
                kinds(i));
        assertEquals("closed", i.endCause());
        assertTrue(i.isEnded());
        assertEquals(Optional.of("sales"), i.queue());
        assertTrue(MediaInteractions.involved(i, "a2"));
        assertFalse(MediaInteractions.involved(i, "a1"), "declining is not holding");
    }

    @Test
    @DisplayName("a customer who leaves while waiting or while offered: the wait ends abandoned")
    void abandoned() {
        Interaction i = MediaInteractions.queued(MediaInteractions.open("m1", InteractionChannel.CHAT, Map.of(), t(0)),
                "support", t(0));
        i = MediaInteractions.offered(i, "a1", "support", t(5));
        i = MediaInteractions.ended(i, "customer-left", t(9), Duration.ZERO);
        assertEquals(List.of("queue:abandoned", "offer:caller-left"), kinds(i));
        assertEquals(Optional.of(Interaction.ABANDONED_WHILE_RINGING), i.abandonedWhere());
        Interaction waiting = MediaInteractions.ended(MediaInteractions.queued(MediaInteractions.open("m2",
                InteractionChannel.EMAIL, Map.of(), t(0)), "support", t(0)), "expired", t(3600), Duration.ZERO);
        assertEquals(Optional.of(Interaction.ABANDONED_IN_QUEUE), waiting.abandonedWhere());
    }
}
