package cc.console.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes API keys and hashes them for storage. A key is {@code cck_<id>_<secret>}: the id is public (it names the key
 * in the console and logs), the secret is 32 random bytes from {@link SecureRandom}.
 *
 * <p>Why a plain SHA-256 and not the slow, salted hash {@link PasswordHasher} gives passwords: a slow hash exists to
 * make guessing a human-chosen, low-entropy password expensive; a key of 256 random bits cannot be guessed at any
 * speed, so stretching buys nothing there, while it would cost every API request tens of milliseconds of CPU (a
 * 2-core server would serve a few dozen requests a second). Salt guards against precomputed tables of likely
 * passwords, which do not exist for random keys. A stolen table of hashes still gives no usable key, and the hash
 * can be the lookup index itself, so checking a key is one indexed read with no comparison an attacker could time.
 */
public final class ApiKeySecrets {
    private static final String PREFIX = "cck_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    /** A new key: its public id and the whole key to show once. */
    public record Issued(String id, String key) {}

    public static Issued issue() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        return new Issued(keyId, PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Lower-case hex SHA-256 of the whole key, as stored. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
