package cc.integration.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a webhook request: {@code HMAC-SHA256(secret, timestamp + "." + body)} in lowercase hex, sent as
 * {@code X-CC-Signature: sha256=<hex>} beside {@code X-CC-Timestamp: <unix seconds>}. Signing the timestamp with the
 * body lets a receiver refuse an old request replayed by someone who recorded it.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-CC-Signature";
    public static final String TIMESTAMP_HEADER = "X-CC-Timestamp";
    public static final String EVENT_IDS_HEADER = "X-CC-Event-Ids";
    public static final String SUBSCRIPTION_HEADER = "X-CC-Subscription";
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** {@code sha256=<hex>} of the timestamp and the exact body bytes. */
    public static String sign(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code signature} is this body's and timestamp's under the secret (compared in constant time). */
    public static boolean verify(byte[] secret, long timestamp, byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }
}
