package cc.console.domain.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTokensTest {
    @Test
    @DisplayName("every change needs the token; reads do not")
    void methods() {
        assertTrue(CsrfTokens.isChange("POST"));
        assertTrue(CsrfTokens.isChange("put"));
        assertTrue(CsrfTokens.isChange("DELETE"));
        assertTrue(CsrfTokens.isChange("PATCH"));
        assertFalse(CsrfTokens.isChange("GET"));
        assertFalse(CsrfTokens.isChange("HEAD"));
    }

    @Test
    @DisplayName("only the session's own token matches; missing and empty tokens never do")
    void matching() {
        SecureRandom r = new SecureRandom();
        String t = CsrfTokens.newToken(r);
        assertTrue(t.length() >= 43);
        assertNotEquals(t, CsrfTokens.newToken(r));
        assertTrue(CsrfTokens.matches(t, t));
        assertFalse(CsrfTokens.matches(t, t.substring(1)));
        assertFalse(CsrfTokens.matches(t, null));
        assertFalse(CsrfTokens.matches(t, ""));
        assertFalse(CsrfTokens.matches("", ""));
    }
}
