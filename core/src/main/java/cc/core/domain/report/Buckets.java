package cc.core.domain.report;

import cc.core.domain.calendar.JalaliDate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cuts time into a report's buckets in a zone and a calendar. Days, weeks and months start at local midnight, so a
 * day across a daylight-saving change lasts 23 or 25 hours; 15-minute and hour buckets are cut on the local clock
 * with the offset in force, so the hour repeated when clocks go back is two buckets, not one of two hours.
 */
public record Buckets(ReportInterval interval, ReportCalendar calendar, ZoneId zone) {

    public Buckets {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(zone, "zone");
    }

    /** The bucket {@code at} falls in. */
    public Bucket of(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        switch (interval) {
            case QUARTER_HOUR: {
                ZonedDateTime start = local.truncatedTo(ChronoUnit.HOURS)
                        .plusMinutes(local.getMinute() / 15 * 15L);
                return clock(start, Duration.ofMinutes(15));
            }
            case HOUR:
                return clock(local.truncatedTo(ChronoUnit.HOURS), Duration.ofHours(1));
            case DAY:
                return days(local.toLocalDate(), local.toLocalDate().plusDays(1), date(local.toLocalDate()));
            case WEEK: {
                DayOfWeek first = calendar == ReportCalendar.JALALI ? DayOfWeek.SATURDAY : DayOfWeek.MONDAY;
                LocalDate start = local.toLocalDate().with(TemporalAdjusters.previousOrSame(first));
                return days(start, start.plusDays(7), date(start));
            }
            case MONTH:
            default:
                return month(local.toLocalDate());
        }
    }

    /** Every bucket that overlaps {@code [from, to)}, in order. */
    public List<Bucket> covering(Instant from, Instant to) {
        List<Bucket> out = new ArrayList<>();
        Instant at = from;
        while (at.isBefore(to)) {
            Bucket b = of(at);
            out.add(b);
            at = b.end();
        }
        return out;
    }

    private Bucket clock(ZonedDateTime start, Duration length) {
        Instant s = start.toInstant();
        String time = String.format(Locale.ROOT, "%02d:%02d", start.getHour(), start.getMinute());
        return new Bucket(date(start.toLocalDate()) + " " + time, s, s.plus(length));
    }

    private Bucket days(LocalDate first, LocalDate next, String label) {
        return new Bucket(label, first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
    }

    private Bucket month(LocalDate day) {
        if (calendar == ReportCalendar.JALALI) {
            JalaliDate j = JalaliDate.from(day);
            JalaliDate first = JalaliDate.of(j.year(), j.month(), 1);
            JalaliDate next = j.month() == 12 ? JalaliDate.of(j.year() + 1, 1, 1) : JalaliDate.of(j.year(), j.month() + 1, 1);
            return days(first.toGregorian(), next.toGregorian(), String.format(Locale.ROOT, "%04d-%02d", j.year(), j.month()));
        }
        LocalDate first = day.withDayOfMonth(1);
        return days(first, first.plusMonths(1), String.format(Locale.ROOT, "%04d-%02d", first.getYear(), first.getMonthValue()));
    }

    /** A day as {@code 2026-12-02} or {@code 1405-09-11}, by the calendar. */
    public String date(LocalDate day) {
        if (calendar == ReportCalendar.JALALI) {
            JalaliDate j = JalaliDate.from(day);
            return String.format(Locale.ROOT, "%04d-%02d-%02d", j.year(), j.month(), j.day());
        }
        return day.toString();
    }
}
