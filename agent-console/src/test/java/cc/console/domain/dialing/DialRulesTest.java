package cc.console.domain.dialing;

import cc.core.domain.dialing.DialDecision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final DialRules rules = DialRules.iran();

    private DialDecision check(String number) {
        return rules.check(number, "ali", NOW);
    }

    @Test
    @DisplayName("mobile and landline numbers may be dialled, written any common way, Persian digits included")
    void allowed() {
        assertEquals("09121234567", check("0912 123 4567").dialDigits());
        assertTrue(check("۰۹۱۲-۱۲۳-۴۵۶۷").allowed());
        assertEquals("09121234567", check("۰۹۱۲-۱۲۳-۴۵۶۷").dialDigits());
        assertTrue(check("+98 912 123 4567").allowed());
        assertTrue(check("(021) 8877 6655").allowed());
    }

    @Test
    @DisplayName("premium, emergency, international and malformed numbers are refused, each with its reason")
    void refused() {
        assertEquals(DialDecision.Reason.PREMIUM_REFUSED, check("09091234567").reason());
        assertEquals(DialDecision.Reason.EMERGENCY_REFUSED, check("110").reason());
        assertEquals(DialDecision.Reason.INTERNATIONAL_REFUSED, check("0044207123456").reason());
        assertFalse(check("1001&Local/x").allowed());
        assertFalse(check("").allowed());
        assertFalse(check(null).allowed());
    }
}
