package cc.core.domain.interaction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PendingFactsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final UnaryOperator<Interaction> NOTHING = i -> i;

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    @DisplayName("a fact expires once its own limit has passed, not before, whatever was taken or added meanwhile")
    void expiresEachAtItsOwnTime() {
        PendingFacts p = new PendingFacts();
        Duration limit = PendingFacts.LIMIT;
        p.add("first", NOTHING, t(0));
        p.add("second", NOTHING, t(60));
        p.add("second", NOTHING, t(61));
        p.expire(t(0).plus(limit));
        assertEquals(0, p.expired(), "exactly at the limit is not past it");
        assertEquals(1, p.take("first").size());
        p.expire(t(0).plus(limit).plusSeconds(30));
        assertEquals(0, p.expired(), "the oldest left waited only 90 s");
        // a fact reported late, with a time older than every other one kept
        p.add("late", NOTHING, t(10));
        p.expire(t(10).plus(limit).plusMillis(1));
        assertEquals(1, p.expired(), "the late fact's own time counts");
        p.expire(t(60).plus(limit));
        assertEquals(1, p.expired());
        p.expire(t(60).plus(limit).plusMillis(1));
        assertEquals(3, p.expired(), "both facts of the second channel");
        assertEquals(0, p.take("second").size());
    }
}
