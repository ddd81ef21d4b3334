package cc.core.logging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTextTest {
    @Test
    @DisplayName("a peer's line cannot start a new log line or carry a broken character; Persian and emoji stay")
    void escapesWhatCouldForgeOrBreakTheLog() {
        assertEquals("200 result=1\\u000d\\u000aFAKE ERROR", LogText.printable("200 result=1\r\nFAKE ERROR"));
        assertEquals("x\\ud800y", LogText.printable("x\ud800y"), "a lone surrogate");
        assertEquals("سلام 😀", LogText.printable("سلام 😀"));
        assertEquals("a\\u202eb", LogText.printable("a\u202eb"), "a right-to-left override");
    }

    @Test
    @DisplayName("long input is cut and says how long it was")
    void cut() {
        String s = LogText.printable("a".repeat(5000));
        assertTrue(s.endsWith("...(5000 chars)"), s);
        assertEquals(LogText.MAX + "...(5000 chars)".length(), s.length());
    }
}
