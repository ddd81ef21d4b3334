package cc.core.domain.report;

import java.time.Instant;

/**
 * One time slot of a report, {@code [start, end)}.
 *
 * @param label the slot as people name it, in the report's calendar and zone: {@code 2026-12-02} or
 *              {@code 1405-09-11} (day, and week: its first day), {@code 2026-12} or {@code 1405-09} (month),
 *              {@code 1405-09-11 08:15} (15 minutes, hour; across a daylight-saving fall-back two slots may share a
 *              label, their start and end tell them apart)
 */
public record Bucket(String label, Instant start, Instant end) implements Comparable<Bucket> {
    @Override
    public int compareTo(Bucket o) {
        return start.compareTo(o.start);
    }
}
