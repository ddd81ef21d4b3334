package cc.core.adapter.ami;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnmappedEventsTest {

    @Test
    @DisplayName("unmapped events are counted per name, and names past the bound share the tag 'other'")
    void boundedTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UnmappedEvents unmapped = new UnmappedEvents(registry);
        for (int i = 0; i < 100; i++) {
            unmapped.count("Event" + i);
        }
        unmapped.count("Event0");

        Map<String, Long> snapshot = unmapped.snapshot();
        assertEquals(UnmappedEvents.MAX_EVENT_TAGS + 1, snapshot.size());
        assertEquals(2L, snapshot.get("Event0"));
        assertEquals(100L - UnmappedEvents.MAX_EVENT_TAGS, snapshot.get(UnmappedEvents.OTHER));
        assertEquals(UnmappedEvents.MAX_EVENT_TAGS + 1, registry.find(UnmappedEvents.METER).counters().size());
        assertEquals(2.0, registry.get(UnmappedEvents.METER).tag("event", "Event0").counter().count());
    }
}
