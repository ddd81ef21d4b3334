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
}
