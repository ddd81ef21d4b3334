package cc.dialer.domain.list;

import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.RetryPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactProgressTest {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    private final RetryPolicy retries = RetryPolicy.typical();

    @Test
    @DisplayName("busy, no-answer, machine and abandoned attempts are retried after their own delays")
    void retryDelays() {
        ContactProgress p = ContactProgress.fresh("c1");
        assertEquals(Optional.of(T.plus(Duration.ofMinutes(10))), p.afterAttempt(AttemptOutcome.BUSY, T, retries)
                .retryAt());
        assertEquals(Optional.of(T.plus(Duration.ofHours(2))), p.afterAttempt(AttemptOutcome.NO_ANSWER, T, retries)
                .retryAt());
        assertEquals(Optional.of(T.plus(Duration.ofHours(4))), p.afterAttempt(AttemptOutcome.MACHINE, T, retries)
                .retryAt());
        assertEquals(Optional.of(T.plus(Duration.ofHours(1))), p.afterAttempt(AttemptOutcome.ABANDONED, T, retries)
                .retryAt());
    }

    @Test
    @DisplayName("a connected contact and an outcome without a retry rule are final")
    void finalOutcomes() {
        ContactProgress p = ContactProgress.fresh("c1");
        assertTrue(p.afterAttempt(AttemptOutcome.CONNECTED, T, retries).finished());
        assertTrue(p.afterAttempt(AttemptOutcome.FAILED, T, retries).finished());
    }

    @Test
    @DisplayName("a contact is finished after its last allowed attempt")
    void maxAttempts() {
        RetryPolicy twice = new RetryPolicy(Map.of(AttemptOutcome.BUSY, Duration.ofMinutes(1)), 2);
        ContactProgress p = ContactProgress.fresh("c1").afterAttempt(AttemptOutcome.BUSY, T, twice);
        assertFalse(p.finished());
        p = p.afterAttempt(AttemptOutcome.BUSY, T.plusSeconds(60), twice);
        assertTrue(p.finished());
        assertEquals(2, p.attempts());
    }

    @Test
    @DisplayName("a booked callback reopens a finished contact at the agreed time")
    void callback() {
        ContactProgress done = ContactProgress.fresh("c1").afterAttempt(AttemptOutcome.CONNECTED, T, retries);
        ContactProgress booked = done.withCallback(T.plus(Duration.ofDays(1)));
        assertFalse(booked.finished());
        assertEquals(Optional.of(T.plus(Duration.ofDays(1))), booked.callbackAt());
    }
}
