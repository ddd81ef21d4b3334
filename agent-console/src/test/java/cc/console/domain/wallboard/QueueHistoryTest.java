package cc.console.domain.wallboard;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueueHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    @DisplayName("a minute keeps the most callers waiting and the latest counts")
    void perMinute() {
        QueueHistory h = new QueueHistory();
        h.record("sales", T0.plusSeconds(1), 3, 10, 1, 0.9);
        h.record("sales", T0.plusSeconds(30), 7, 12, 1, 0.8);
        h.record("sales", T0.plusSeconds(59), 2, 13, 2, 0.85);
        List<QueueHistory.Point> p = h.lastHour("sales", T0.plusSeconds(59));
        assertEquals(1, p.size());
        assertEquals(new QueueHistory.Point(T0, 7, 13, 2, 0.85), p.get(0));
    }

    @Test
    @DisplayName("only the last hour is kept, oldest first, in constant memory")
    void lastHourOnly() {
        QueueHistory h = new QueueHistory();
        for (int m = 0; m < 150; m++) {
            h.record("sales", T0.plus(Duration.ofMinutes(m)), m, m, 0, 1.0);
        }
        Instant now = T0.plus(Duration.ofMinutes(149));
        List<QueueHistory.Point> p = h.lastHour("sales", now);
        assertEquals(60, p.size());
        assertEquals(90, p.get(0).maxWaiting());
        assertEquals(149, p.get(59).maxWaiting());
        assertEquals(List.of(), h.lastHour("support", now));
        assertEquals(10, h.lastHour("sales", now.plus(Duration.ofMinutes(50))).size());
    }

    @Test
    @DisplayName("listen, whisper and barge map to ChanSpy's q, qw and qB, and a channel cannot smuggle options")
    void spy() {
        assertEquals("PJSIP/1001,q", SpyMode.LISTEN.chanSpyData("PJSIP/1001"));
        assertEquals("PJSIP/1001-00000012,qw", SpyMode.of("whisper").chanSpyData("PJSIP/1001-00000012"));
        assertEquals("PJSIP/1001,qB", SpyMode.of("BARGE").chanSpyData("PJSIP/1001"));
        assertThrows(IllegalArgumentException.class, () -> SpyMode.LISTEN.chanSpyData("PJSIP/1001,qBE(x)"));
        assertThrows(IllegalArgumentException.class, () -> SpyMode.LISTEN.chanSpyData(""));
        assertThrows(IllegalArgumentException.class, () -> SpyMode.of("record"));
    }
}
