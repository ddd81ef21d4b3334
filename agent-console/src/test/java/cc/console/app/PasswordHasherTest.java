package cc.console.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    @DisplayName("the right password verifies and a wrong one does not")
    void verifies() {
        String h = hasher.hash("correct horse battery".toCharArray());
        assertTrue(hasher.verify("correct horse battery".toCharArray(), h));
        assertFalse(hasher.verify("correct horse batterY".toCharArray(), h));
        assertFalse(hasher.verify("".toCharArray(), h));
    }

    @Test
    @DisplayName("hashes use PBKDF2-SHA256 with at least 210,000 iterations and a fresh salt per user")
    void saltedAndSlow() {
        String a = hasher.hash("same password!".toCharArray());
        String b = hasher.hash("same password!".toCharArray());
        assertNotEquals(a, b);
        String[] parts = a.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000);
        assertNotEquals(parts[2], b.split("\\$")[2]);
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(100_000, new SecureRandom()));
    }

    @Test
    @DisplayName("tampered or weakened stored hashes never verify")
    void malformed() {
        String h = hasher.hash("another password".toCharArray());
        String[] p = h.split("\\$");
        assertFalse(hasher.verify("another password".toCharArray(), p[0] + "$1000$" + p[2] + "$" + p[3]));
        assertFalse(hasher.verify("another password".toCharArray(), "plain-text"));
        assertFalse(hasher.verify("another password".toCharArray(), null));
        assertFalse(hasher.verify("another password".toCharArray(), "pbkdf2-sha256$x$y$z"));
    }

    @Test
    @DisplayName("short passwords are refused")
    void weakness() {
        assertFalse(PasswordHasher.weakness("short").isEmpty());
        assertTrue(PasswordHasher.weakness("long enough pass").isEmpty());
    }
}
