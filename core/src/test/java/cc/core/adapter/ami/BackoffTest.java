package cc.core.adapter.ami;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    @Test
    @DisplayName("reconnect waits double per failed attempt, jittered over the upper half, and never pass the cap")
    void exponentialJitteredCapped() {
        assertEquals(250, AmiServerLink.backoffMillis(500, 30_000, 0, 0.0));
        assertEquals(499, AmiServerLink.backoffMillis(500, 30_000, 0, 0.999));
        assertEquals(1000, AmiServerLink.backoffMillis(500, 30_000, 2, 0.0));
        assertEquals(15_000, AmiServerLink.backoffMillis(500, 30_000, 10, 0.0));
        assertEquals(29_999, AmiServerLink.backoffMillis(500, 30_000, 10, 0.99999));
        assertEquals(15_000, AmiServerLink.backoffMillis(500, 30_000, 1_000, 0.0));
    }
}
