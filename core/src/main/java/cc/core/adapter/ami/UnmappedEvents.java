package cc.core.adapter.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the AMI events the adapter receives but does not turn into call events, per event name, as the
 * Micrometer counter {@code cc.ami.events.unmapped{event=...}}. The tag set is bounded: past {@value #MAX_EVENT_TAGS}
 * distinct names the rest count under {@code other}. Safe on any thread (one asterisk-java dispatch thread per server).
 */
final class UnmappedEvents {
    static final String METER = "cc.ami.events.unmapped";
    static final int MAX_EVENT_TAGS = 64;
    static final String OTHER = "other";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Entry> byEvent = new ConcurrentHashMap<>();

    private record Entry(LongAdder count, Counter counter) {}

    UnmappedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String event) {
        Entry entry = byEvent.get(event);
        if (entry == null) {
            String tag = byEvent.size() >= MAX_EVENT_TAGS ? OTHER : event;
            entry = byEvent.computeIfAbsent(tag, this::entry);
        }
        entry.count.increment();
        entry.counter.increment();
    }

    private Entry entry(String tag) {
        return new Entry(new LongAdder(), Counter.builder(METER).tag("event", tag)
                .description("AMI events received but not mapped to call events").register(registry));
    }

    /** A snapshot: event name to count, sorted by name. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        byEvent.forEach((k, v) -> out.put(k, v.count.sum()));
        return out;
    }
}
