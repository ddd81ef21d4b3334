package cc.simulator.dialplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DialplanTest {
    private final Dialplan plan = Dialplan.builder()
        .exten("in", "_X.", "Answer()", "Hangup()")
        .exten("in", "100", "NoOp(exact)")
        .exten("in", "_NXX", "NoOp(three digits)")
        .exten("in", "_[a-c]1", "NoOp(set)")
        .build();

    @Test
    @DisplayName("an exact extension wins over a pattern that also matches")
    void exactFirst() {
        assertEquals("exact", plan.find("in", "100").step(1).data());
    }

    @Test
    @DisplayName("patterns: X any digit, N 2-9, '.' one or more, [a-c] a set")
    void patterns() {
        assertEquals("Answer", plan.find("in", "5550100").step(1).app());
        assertEquals("Answer", plan.find("in", "200").step(1).app());
        assertEquals("set", plan.find("in", "b1").step(1).data());
        assertNull(plan.find("in", "5"));
        assertNull(plan.find("in", "d1"));
        assertNull(plan.find("nowhere", "100"));
        assertTrue(Dialplan.matchPattern("NXX", 0, "299", 0));
        assertFalse(Dialplan.matchPattern("NXX", 0, "199", 0));
    }

    @Test
    @DisplayName("priorities past the last step have no step")
    void priorities() {
        assertNull(plan.find("in", "5550100").step(3));
        assertNull(plan.find("in", "5550100").step(0));
    }

    @Test
    @DisplayName("steps parse like extensions.conf and a missing parenthesis is a clear error")
    void stepParsing() {
        assertEquals(new Step("AGI", "agi://h:1/p?q=1,a,b"), Step.parse("AGI(agi://h:1/p?q=1,a,b)"));
        assertEquals(new Step("Answer", ""), Step.parse("Answer"));
        assertThrows(IllegalArgumentException.class, () -> Step.parse("Wait(2"));
    }

    @Test
    @DisplayName("GotoIf conditions compare substituted values, quoted or not")
    void conditions() {
        assertTrue(DialplanExecutor.evaluate("$[\"hold\"=\"hold\"]"));
        assertFalse(DialplanExecutor.evaluate("$[\"\"=\"hold\"]"));
        assertTrue(DialplanExecutor.evaluate("hold=hold"));
        assertTrue(DialplanExecutor.evaluate("a!=b"));
        assertFalse(DialplanExecutor.evaluate("0"));
        assertTrue(DialplanExecutor.evaluate("1"));
    }

    @Test
    @DisplayName("application arguments split on commas outside quotes, keeping an empty last one")
    void args() {
        assertEquals(List.of("url", "first arg", "2", ""), DialplanExecutor.splitArgs("url,first arg,2,"));
        assertEquals(List.of("a,b", "c"), DialplanExecutor.splitArgs("\"a,b\",c"));
    }

    @Test
    @DisplayName("the default dialplan answers inbound calls, runs the IVR over FastAGI and can send callers to hold")
    void defaultDialplan() {
        Dialplan d = DefaultDialplan.create("127.0.0.1", 4573, "main?lang=en");
        Dialplan.Extension in = d.find("cc-inbound", "5550100");
        assertEquals("Answer", in.step(1).app());
        assertEquals("AGISTATUS=", in.step(2).data());
        assertEquals("agi://127.0.0.1:4573/main?lang=en", in.step(3).data());
        assertEquals("$[\"${AGISTATUS}\" = \"\"]?6", in.step(4).data(), "a caller an agent took mid-AGI hangs up after");
        assertEquals("GotoIf", in.step(5).app());
        assertEquals("Hangup", in.step(6).app());
        assertEquals("MusicOnHold", d.find("cc-hold", "s").step(2).app());
        assertEquals("Wait", d.find("cc-agent-wait", "s").step(2).app());
        assertEquals("2", d.find("cc-agent-wait", "s").step(3).data(), "an agent leg waits again when its bridge ends");
    }
}
