package cc.integration.webhook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    private static final byte[] SECRET = "it-is-a-shared-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("the signature is HMAC-SHA256 over timestamp.body, as the README's receiver snippet computes it")
    void knownVector() {
        // printf '%s' '1733150000.{"a":1}' | openssl dgst -sha256 -hmac 'it-is-a-shared-secret'
        String sig = WebhookSignature.sign(SECRET, 1733150000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256=b44acec0b2190f70aa41b86ab67b3df23287e648dd1137ee3460a5ef4db5d347", sig);
        assertTrue(sig.matches("sha256=[0-9a-f]{64}"), sig);
        assertTrue(WebhookSignature.verify(SECRET, 1733150000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), sig));
    }

    @Test
    @DisplayName("a tampered body, another timestamp or another secret does not verify")
    void tampered() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String sig = WebhookSignature.sign(SECRET, 1733150000L, body);
        assertFalse(WebhookSignature.verify(SECRET, 1733150000L, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(WebhookSignature.verify(SECRET, 1733150001L, body, sig));
        assertFalse(WebhookSignature.verify("another-secret-entirely".getBytes(StandardCharsets.UTF_8), 1733150000L,
                body, sig));
        assertFalse(WebhookSignature.verify(SECRET, 1733150000L, body, null));
    }
}
