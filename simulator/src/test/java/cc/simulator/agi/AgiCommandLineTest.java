package cc.simulator.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgiCommandLineTest {
    @Test
    @DisplayName("quoted arguments are unquoted and backslash escapes resolved, as Asterisk parses them")
    void quotes() {
        assertEquals(List.of("SET", "VARIABLE", "GREETING", "say \"hi\" to Bob"),
            AgiCommandLine.tokens("SET VARIABLE \"GREETING\" \"say \\\"hi\\\" to Bob\""));
    }

    @Test
    @DisplayName("an empty quoted argument is an empty token, not a missing one")
    void emptyArgument() {
        assertEquals(List.of("STREAM", "FILE", "hello-world", ""), AgiCommandLine.tokens("STREAM FILE hello-world \"\""));
    }

    @Test
    @DisplayName("runs of spaces separate tokens once")
    void spaces() {
        assertEquals(List.of("GET", "DATA", "beep", "3000", "4"), AgiCommandLine.tokens("GET  DATA beep   3000 4"));
    }

    @Test
    @DisplayName("SAY NUMBER lasts one unit per spoken word")
    void numberWords() {
        assertEquals(6, AgiSession.numberWords(1234));
        assertEquals(2, AgiSession.numberWords(42));
        assertEquals(1, AgiSession.numberWords(7));
    }
}
