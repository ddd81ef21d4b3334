package cc.console.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/**
 * Synchronizer tokens: each session gets a random token at sign-in, the page sends it back in a header on every
 * change, and the server compares it with the session's. A cross-site form or script can make the browser send the
 * cookie but cannot read the token.
 */
public final class CsrfTokens {
    public static final String HEADER = "X-CSRF-Token";

    private CsrfTokens() {}

    /** A fresh unguessable token (256 bits); pass a {@link java.security.SecureRandom}. */
    public static String newToken(Random secureRandom) {
        byte[] bytes = new byte[32];
        secureRandom.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether requests with this method change something and so must carry the token. */
    public static boolean isChange(String method) {
        String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    /** Constant-time comparison; a missing or empty token never matches. */
    public static boolean matches(String expected, String presented) {
        if (expected == null || expected.isEmpty() || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
