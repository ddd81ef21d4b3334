package cc.email.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static cc.email.domain.IntakeDecision.Action.ADD_TO_CLOSED;
import static cc.email.domain.IntakeDecision.Action.ADD_TO_OPEN;
import static cc.email.domain.IntakeDecision.Action.FILE_UNROUTED;
import static cc.email.domain.IntakeDecision.Action.IGNORE_DUPLICATE;
import static cc.email.domain.IntakeDecision.Action.NEW_THREAD;
import static cc.email.domain.IntakeDecision.Action.REOPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntakeDecisionTest {
    private static final Optional<ThreadState> OPEN = Optional.of(new ThreadState(1, 1000, "i1", true,
            Optional.of("a1")));
    private static final Optional<ThreadState> CLOSED = Optional.of(new ThreadState(1, 1000, "i1", false,
            Optional.empty()));

    @Test
    @DisplayName("a message seen before is ignored")
    void duplicate() {
        assertEquals(IGNORE_DUPLICATE, IntakeDecision.decide(true, OPEN, Robot.NONE, 0, 5).action());
    }

    @Test
    @DisplayName("a person's new message opens a case and is acknowledged; a reply to an open case is added silently")
    void person() {
        IntakeDecision d = IntakeDecision.decide(false, Optional.empty(), Robot.NONE, 0, 5);
        assertEquals(NEW_THREAD, d.action());
        assertTrue(d.acknowledge());
        d = IntakeDecision.decide(false, OPEN, Robot.NONE, 0, 5);
        assertEquals(ADD_TO_OPEN, d.action());
        assertFalse(d.acknowledge());
        d = IntakeDecision.decide(false, CLOSED, Robot.NONE, 0, 5);
        assertEquals(REOPEN, d.action());
        assertTrue(d.acknowledge());
    }

    @Test
    @DisplayName("robots never get an acknowledgement, never reopen a case, and open none")
    void robots() {
        for (Robot r : new Robot[] {Robot.BOUNCE, Robot.AUTO_REPLY}) {
            assertEquals(FILE_UNROUTED, IntakeDecision.decide(false, Optional.empty(), r, 0, 5).action());
            assertEquals(ADD_TO_CLOSED, IntakeDecision.decide(false, CLOSED, r, 0, 5).action());
            assertEquals(ADD_TO_OPEN, IntakeDecision.decide(false, OPEN, r, 0, 5).action());
            assertFalse(IntakeDecision.decide(false, Optional.empty(), r, 0, 5).acknowledge());
        }
    }

    @Test
    @DisplayName("acknowledgements to one sender stop at the daily cap; the case is still opened")
    void cap() {
        IntakeDecision d = IntakeDecision.decide(false, Optional.empty(), Robot.NONE, 5, 5);
        assertEquals(NEW_THREAD, d.action());
        assertFalse(d.acknowledge());
        assertTrue(d.why().contains("capped"));
        assertTrue(IntakeDecision.decide(false, Optional.empty(), Robot.NONE, 4, 5).acknowledge());
    }
}
