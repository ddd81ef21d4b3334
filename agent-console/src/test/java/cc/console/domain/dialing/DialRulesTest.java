package cc.console.domain.dialing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DialRulesTest {
    private final DialRules rules = DialRules.defaults();

    @Test
    @DisplayName("mobile, Tehran and internal numbers may be dialled, written any common way")
    void allowed() {
        assertEquals(Optional.of("09121234567"), rules.check("0912 123 4567"));
        assertEquals(Optional.of("09121234567"), rules.check("۰۹۱۲-۱۲۳-۴۵۶۷"));
        assertEquals(Optional.of("+989121234567"), rules.check("+98 912 123 4567"));
        assertEquals(Optional.of("02188776655"), rules.check("(021) 8877 6655"));
        assertEquals(Optional.of("1001"), rules.check("1001"));
    }

    @Test
    @DisplayName("premium, international and malformed numbers are refused")
    void refused() {
        assertEquals(Optional.empty(), rules.check("09091234567"));
        assertEquals(Optional.empty(), rules.check("0044207123456"));
        assertEquals(Optional.empty(), rules.check("1001&Local/x"));
        assertEquals(Optional.empty(), rules.check(""));
        assertEquals(Optional.empty(), rules.check(null));
        assertEquals(Optional.empty(), new DialRules(List.of(), List.of()).check("1001"));
        assertThrows(IllegalArgumentException.class, () -> new DialRules(List.of("(("), List.of()));
    }
}
