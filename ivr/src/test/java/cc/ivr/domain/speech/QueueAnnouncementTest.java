package cc.ivr.domain.speech;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueueAnnouncementTest {

    @Test
    @DisplayName("Persian: you are caller number 3 in line; your expected wait is about 4 minutes")
    void persian() {
        assertEquals(List.of("fa/queue/you-are-caller", "fa/num/3", "fa/queue/in-line", "fa/queue/expected-wait",
                "fa/num/4", "fa/queue/minute", "fa/queue/is"), QueueAnnouncement.prompts("fa", 3, 240));
    }

    @Test
    @DisplayName("English: the place and the wait in minutes, singular for one minute")
    void english() {
        assertEquals(List.of("en/queue/you-are-caller", "en/num/12", "en/queue/expected-wait", "en/num/7",
                "en/queue/minutes"), QueueAnnouncement.prompts("en", 12, 420));
        assertEquals(List.of("en/queue/you-are-caller", "en/num/1", "en/queue/expected-wait", "en/num/1",
                "en/queue/minute"), QueueAnnouncement.prompts("en", 1, 80));
    }

    @Test
    @DisplayName("no estimate (-1): only the place in line is said")
    void noEstimate() {
        assertEquals(List.of("fa/queue/you-are-caller", "fa/num/2", "fa/queue/in-line"),
                QueueAnnouncement.prompts("fa", 2, -1));
    }

    @Test
    @DisplayName("a wait under a minute is said as about one minute, never less than a minute")
    void neverLessThanAMinute() {
        assertEquals(1, QueueAnnouncement.spokenMinutes(0));
        assertEquals(1, QueueAnnouncement.spokenMinutes(20));
        assertEquals(List.of("en/queue/you-are-caller", "en/num/1", "en/queue/expected-wait", "en/num/1",
                "en/queue/minute"), QueueAnnouncement.prompts("en", 1, 5));
    }

    @Test
    @DisplayName("rounding: nearest minute up to 10, nearest 5 minutes up to an hour, then more than an hour")
    void rounding() {
        assertEquals(1, QueueAnnouncement.spokenMinutes(89));
        assertEquals(2, QueueAnnouncement.spokenMinutes(90));
        assertEquals(10, QueueAnnouncement.spokenMinutes(629));
        assertEquals(10, QueueAnnouncement.spokenMinutes(660));
        assertEquals(15, QueueAnnouncement.spokenMinutes(13 * 60));
        assertEquals(60, QueueAnnouncement.spokenMinutes(61 * 60));
        assertEquals(List.of("en/queue/expected-wait", "en/queue/more-than-an-hour"),
                QueueAnnouncement.prompts("en", 0, 2 * 3600));
    }
}
