package cc.ivr.adapter.agi;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reply and environment shapes exactly as the Asterisk 22 traces show them. */
class AgiReplyTest {

    static AgiReply parse(String... lines) {
        return AgiReply.parse(List.of(lines)).orElseThrow();
    }

    @Test
    @DisplayName("200 replies: result, data in parentheses (spaces and slashes kept), endpos, timeout")
    void okShapes() {
        AgiReply r = parse("200 result=50 endpos=13600");
        assertEquals(50, r.resultCode());
        assertEquals("13600", r.attributes().get("endpos"));
        AgiReply timeout = parse("200 result= (timeout)");
        assertEquals("", timeout.result());
        assertTrue(timeout.timedOut());
        AgiReply data = parse("200 result=1 (2/John Smith/Local/200@ivr-in-00000021;2)");
        assertEquals(Optional.of("2/John Smith/Local/200@ivr-in-00000021;2"), data.data());
        assertEquals(Optional.of("say \"hi\" to Bob"), parse("200 result=1 (say \"hi\" to Bob)").data());
        assertEquals(Optional.of(""), parse("200 result=1 ()").data());
        assertEquals(-1, parse("200 result=-1 endpos=0").resultCode());
        assertEquals(-2, parse("200 result=-2").resultCode());
        AgiReply partial = parse("200 result=12 (timeout)");
        assertEquals("12", partial.result());
    }

    @Test
    @DisplayName("510, 511 and the multi-line 520 usage block are errors with their codes; garbage is not a reply")
    void errors() {
        assertEquals(510, parse("510 Invalid or unknown command").code());
        assertEquals(511, parse("511 Command Not Permitted on a dead channel or intercept routine").code());
        List<String> usage = Trace.load("agi-03-command-tour.txt").replyToExactly("GET DATA");
        AgiReply r = AgiReply.parse(usage).orElseThrow();
        assertEquals(520, r.code());
        assertEquals(4, r.lines().size());
        assertFalse(r.ok());
        assertTrue(AgiReply.parse(List.of("this is not AGI")).isEmpty());
        assertTrue(AgiReply.parse(List.of("200 endpos=1")).isEmpty());
    }

    @Test
    @DisplayName("The environment gives the flow from the script path, the query parameters and every argument")
    void environment() {
        Map<String, String> env = new HashMap<>();
        for (String line : Trace.load("agi-05-script-path-and-arguments.txt").environment()) {
            if (!line.isEmpty()) {
                assertTrue(AgiEnvironment.addLine(env, line), line);
            }
        }
        AgiEnvironment e = new AgiEnvironment(env);
        assertEquals("survey/run.agi", e.script());
        assertEquals(Map.of("campaign", "7", "mode", "test"), e.parameters());
        assertEquals(List.of("first arg", "2", "three with spaces", ""), e.arguments());
        assertEquals("", e.get("accountcode"));
        assertEquals("1795417783.69", e.get("uniqueid"));
        assertFalse(AgiEnvironment.addLine(env, "200 result=0"));
    }

    @Test
    @DisplayName("a result that is no whole number of an int's size is refused as a malformed reply (found by fuzzing)")
    void resultOutOfRange() {
        assertFalse(AgiReply.parse(List.of("200 result=99999999999999999999")).isPresent());
        assertFalse(AgiReply.parse(List.of("200 result=-")).isPresent());
        assertEquals(-1, parse("200 result=-1 endpos=0").resultCode());
    }
}
