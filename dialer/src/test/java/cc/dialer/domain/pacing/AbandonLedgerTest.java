package cc.dialer.domain.pacing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbandonLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private static void record(AbandonLedger ledger, LiveOutcome outcome, int n, Instant at) {
        for (int i = 0; i < n; i++) {
            ledger.record(outcome, at);
        }
    }

    @Test
    @DisplayName("US rate counts abandoned calls over live-answered calls of the last 30 days")
    void usWindowIsThirtyDays() {
        AbandonLedger ledger = new AbandonLedger(RegulatorRule.US_TSR);
        record(ledger, LiveOutcome.CONNECTED, 97, T0);
        record(ledger, LiveOutcome.ABANDONED, 3, T0);
        AbandonCounts day1 = ledger.counts(T0.plus(Duration.ofDays(29)));
        assertEquals(100, day1.live());
        assertEquals(0.03, day1.rate(), 1e-12);
        assertTrue(day1.withinLimit());

        record(ledger, LiveOutcome.CONNECTED, 50, T0.plus(Duration.ofDays(20)));
        AbandonCounts later = ledger.counts(T0.plus(Duration.ofDays(30)).plusSeconds(60));
        assertEquals(50, later.live(), "the first day's calls left the 30-day window");
        assertEquals(0, later.abandoned());
    }

    @Test
    @DisplayName("UK rate forgets calls after 24 hours and counts machine-detection false positives as abandoned")
    void ukWindowAndFalsePositives() {
        AbandonLedger uk = new AbandonLedger(RegulatorRule.UK_OFCOM);
        AbandonLedger us = new AbandonLedger(RegulatorRule.US_TSR);
        for (AbandonLedger l : new AbandonLedger[] {uk, us}) {
            record(l, LiveOutcome.CONNECTED, 96, T0);
            record(l, LiveOutcome.ABANDONED, 2, T0);
            record(l, LiveOutcome.AMD_FALSE_POSITIVE, 2, T0);
        }
        AbandonCounts ukNow = uk.counts(T0.plusSeconds(3600));
        assertEquals(4, ukNow.abandoned());
        assertEquals(100, ukNow.live());
        assertEquals(0.04, ukNow.rate(), 1e-12);
        assertFalse(ukNow.withinLimit());
        AbandonCounts usNow = us.counts(T0.plusSeconds(3600));
        assertEquals(2, usNow.abandoned());
        assertEquals(98, usNow.live());

        assertEquals(0, uk.counts(T0.plus(Duration.ofHours(24)).plusSeconds(60)).live());
        assertEquals(98, us.counts(T0.plus(Duration.ofHours(24)).plusSeconds(60)).live());
    }

    @Test
    @DisplayName("the abandon budget says how many more abandoned calls the window can take")
    void budget() {
        AbandonLedger ledger = new AbandonLedger(RegulatorRule.UK_OFCOM);
        record(ledger, LiveOutcome.CONNECTED, 199, T0);
        record(ledger, LiveOutcome.ABANDONED, 1, T0);
        assertEquals(5.0, ledger.counts(T0).abandonBudget(), 1e-9);
    }

    @Test
    @DisplayName("an outcome older than the window is refused, not silently dropped")
    void refusesStaleOutcome() {
        AbandonLedger ledger = new AbandonLedger(RegulatorRule.UK_OFCOM);
        ledger.record(LiveOutcome.CONNECTED, T0.plus(Duration.ofDays(2)));
        assertThrows(IllegalArgumentException.class, () -> ledger.record(LiveOutcome.ABANDONED, T0));
        ledger.record(LiveOutcome.ABANDONED, T0.plus(Duration.ofDays(1)).plusSeconds(120));
        assertEquals(2, ledger.counts(T0.plus(Duration.ofDays(2))).live());
    }
}
