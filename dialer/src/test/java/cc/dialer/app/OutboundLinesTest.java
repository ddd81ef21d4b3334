package cc.dialer.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundLinesTest {
    @Test
    @DisplayName("campaigns sharing the lines never hold more than the cap; a released line is taken again")
    void capHoldsAcrossCampaigns() {
        OutboundLines lines = new OutboundLines(2);
        assertTrue(lines.tryAcquire(), "campaign A");
        assertTrue(lines.tryAcquire(), "campaign B");
        assertFalse(lines.tryAcquire(), "the third waits");
        assertEquals(2, lines.inUse());
        lines.release();
        assertTrue(lines.tryAcquire());
        assertEquals(2, lines.inUse());
    }

    @Test
    @DisplayName("at a takeover the lines the old leader's calls may still hold count against the cap until their time")
    void inheritedLinesCountUntilTheirTime() {
        cc.core.testkit.ManualClock clock = new cc.core.testkit.ManualClock(java.time.Instant.parse(
                "2026-12-02T10:00:00Z"));
        OutboundLines lines = new OutboundLines(3);
        lines.inherit(java.util.List.of(clock.instant().plusSeconds(10), clock.instant().plusSeconds(20)), clock);
        assertEquals(2, lines.inherited());
        assertTrue(lines.tryAcquire(), "one line is left");
        assertFalse(lines.tryAcquire(), "two are the old leader's");
        clock.advance(java.time.Duration.ofSeconds(10));
        assertEquals(1, lines.inherited());
        assertTrue(lines.tryAcquire(), "the first inherited call is over");
        assertFalse(lines.tryAcquire());
        clock.advance(java.time.Duration.ofSeconds(10));
        assertEquals(0, lines.inherited());
        assertTrue(lines.tryAcquire());
        assertEquals(3, lines.inUse());
    }
}
