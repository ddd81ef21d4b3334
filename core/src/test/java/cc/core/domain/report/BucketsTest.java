package cc.core.domain.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BucketsTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    @DisplayName("Jalali days and weeks: Friday 1405-09-13 and Saturday 1405-09-14 are in different weeks, which start on Saturday")
    void jalaliWeekStartsOnSaturday() {
        Buckets weeks = new Buckets(ReportInterval.WEEK, ReportCalendar.JALALI, TEHRAN);
        // 2026-12-04 is a Friday, 12:00 in Tehran (UTC+3:30)
        Bucket friday = weeks.of(Instant.parse("2026-12-04T08:30:00Z"));
        Bucket saturday = weeks.of(Instant.parse("2026-12-05T08:30:00Z"));
        assertEquals("1405-09-07", friday.label());
        assertEquals("1405-09-14", saturday.label());
        assertEquals(Instant.parse("2026-12-04T20:30:00Z"), saturday.start(), "Saturday 00:00 in Tehran");
        assertEquals(Duration.ofDays(7), Duration.between(saturday.start(), saturday.end()));
        // the Gregorian (ISO) week runs Monday 2026-11-30 to Sunday, so both days share it
        Buckets iso = new Buckets(ReportInterval.WEEK, ReportCalendar.GREGORIAN, TEHRAN);
        assertEquals("2026-11-30", iso.of(Instant.parse("2026-12-04T08:30:00Z")).label());
        assertEquals("2026-11-30", iso.of(Instant.parse("2026-12-05T08:30:00Z")).label());
        assertEquals("1405-09-11", new Buckets(ReportInterval.DAY, ReportCalendar.JALALI, TEHRAN)
                .of(Instant.parse("2026-12-02T12:00:00Z")).label());
    }

    @Test
    @DisplayName("Jalali months: Azar 1405 has 30 days and ends at Tehran midnight of 2026-12-21/22, inside Gregorian December")
    void jalaliMonthBoundary() {
        Buckets months = new Buckets(ReportInterval.MONTH, ReportCalendar.JALALI, TEHRAN);
        Bucket azar = months.of(Instant.parse("2026-12-21T20:00:00Z"));    // 23:30 on 12-21 in Tehran
        Bucket dey = months.of(Instant.parse("2026-12-21T21:00:00Z"));     // 00:30 on 12-22 in Tehran
        assertEquals("1405-09", azar.label());
        assertEquals("1405-10", dey.label());
        assertEquals(azar.end(), dey.start());
        assertEquals(Instant.parse("2026-12-21T20:30:00Z"), dey.start());
        assertEquals(Duration.ofDays(30), Duration.between(azar.start(), azar.end()));
        Buckets gregorian = new Buckets(ReportInterval.MONTH, ReportCalendar.GREGORIAN, TEHRAN);
        assertEquals("2026-12", gregorian.of(Instant.parse("2026-12-21T20:00:00Z")).label());
        assertEquals("2026-12", gregorian.of(Instant.parse("2026-12-21T21:00:00Z")).label());
    }

    @Test
    @DisplayName("London's clocks go back on 2026-10-25: that day lasts 25 hours and 01:00 is two hour buckets")
    void daylightSavingFallBack() {
        Buckets days = new Buckets(ReportInterval.DAY, ReportCalendar.GREGORIAN, LONDON);
        Bucket day = days.of(Instant.parse("2026-10-25T12:00:00Z"));
        assertEquals("2026-10-25", day.label());
        assertEquals(Instant.parse("2026-10-24T23:00:00Z"), day.start());
        assertEquals(Duration.ofHours(25), Duration.between(day.start(), day.end()));

        Buckets hours = new Buckets(ReportInterval.HOUR, ReportCalendar.GREGORIAN, LONDON);
        List<Bucket> all = hours.covering(day.start(), day.end());
        assertEquals(25, all.size());
        assertEquals("2026-10-25 01:00", all.get(1).label());
        assertEquals("2026-10-25 01:00", all.get(2).label());
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), all.get(1).start());
        assertEquals(Instant.parse("2026-10-25T01:00:00Z"), all.get(2).start());

        Buckets quarters = new Buckets(ReportInterval.QUARTER_HOUR, ReportCalendar.GREGORIAN, LONDON);
        Bucket q = quarters.of(Instant.parse("2026-10-25T01:44:59Z"));
        assertEquals("2026-10-25 01:30", q.label());
        assertEquals(Instant.parse("2026-10-25T01:30:00Z"), q.start());
        assertEquals(100, quarters.covering(day.start(), day.end()).size());
    }
}
