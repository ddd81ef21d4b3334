package cc.simulator.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallerIdTest {
    @Test
    @DisplayName("an AMI CallerID parses quoted, unquoted and number-only; an empty part shows as <unknown> in AMI "
        + "and as \"\" in the Cdr")
    void parseAndShow() {
        assertEquals(new CallerId("09121234567", "Sara Ahmadi"), CallerId.parse("\"Sara Ahmadi\" <09121234567>"));
        assertEquals(new CallerId("5551234", "Alice"), CallerId.parse("Alice <5551234>"));
        CallerId numberOnly = CallerId.parse("09121234567");
        assertEquals("<unknown>", numberOnly.shownName());
        assertEquals("\"\" <09121234567>", numberOnly.cdrText());
        assertTrue(CallerId.parse(" ").isUnknown());
        assertEquals("<unknown>", CallerId.UNKNOWN.shownNum());
    }

    @Test
    @DisplayName("${VAR:offset:length} cuts like Asterisk: negative offset from the end, negative length off the end")
    void substrings() {
        assertEquals("9121234567", Variables.substring("09121234567", "1"));
        assertEquals("0912", Variables.substring("09121234567", "0:4"));
        assertEquals("4567", Variables.substring("09121234567", "-4"));
        assertEquals("912123", Variables.substring("09121234567", "1:-4"));
        assertEquals("", Variables.substring("0912", "9"));
    }
}
