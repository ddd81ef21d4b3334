package cc.console.domain.selfservice;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessHoursTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    // 2026-12-02 is a Wednesday; Tehran is UTC+03:30
    private final BusinessHours office = new BusinessHours(TEHRAN, BusinessHours.iranianOffice(TEHRAN).week(),
            Set.of(LocalDate.parse("2026-12-05")));

    private static Instant tehran(String local) {
        return java.time.LocalDateTime.parse(local).atZone(TEHRAN).toInstant();
    }

    @Test
    @DisplayName("open inside a weekday's span in the center's zone, closed before it, at its end and on Friday")
    void openInsideSpans() {
        assertTrue(office.isOpen(tehran("2026-12-02T08:00")));
        assertTrue(office.isOpen(tehran("2026-12-02T16:59")));
        assertFalse(office.isOpen(tehran("2026-12-02T17:00")), "the end is exclusive");
        assertFalse(office.isOpen(tehran("2026-12-02T07:59")));
        assertFalse(office.isOpen(tehran("2026-12-04T10:00")), "Friday");
        assertTrue(office.isOpen(tehran("2026-12-03T12:00")), "Thursday morning");
        assertFalse(office.isOpen(tehran("2026-12-03T13:30")), "Thursday afternoon");
    }

    @Test
    @DisplayName("closed evening: opens the next morning; Thursday afternoon skips Friday and the Saturday holiday")
    void nextOpening() {
        assertEquals(Optional.of(tehran("2026-12-03T08:00")), office.nextOpening(tehran("2026-12-02T18:00")));
        assertEquals(Optional.of(tehran("2026-12-06T08:00")), office.nextOpening(tehran("2026-12-03T14:00")),
                "Friday closed, Saturday 5 December a holiday: Sunday");
        Instant open = tehran("2026-12-02T10:00");
        assertEquals(Optional.of(open), office.nextOpening(open), "already open: now");
        assertEquals(Optional.of(tehran("2026-12-02T17:00")), office.closingAfter(open));
        assertEquals(Optional.empty(), office.closingAfter(tehran("2026-12-02T18:00")));
    }

    @Test
    @DisplayName("a span to 24:00 runs until midnight; two spans a day leave the lunch break closed")
    void midnightAndTwoSpans() {
        BusinessHours h = new BusinessHours(TEHRAN, Map.of(DayOfWeek.WEDNESDAY, List.of(
                new BusinessHours.Span(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new BusinessHours.Span(LocalTime.of(13, 0), LocalTime.MIDNIGHT))), Set.of());
        assertTrue(h.isOpen(tehran("2026-12-02T23:59")));
        assertFalse(h.isOpen(tehran("2026-12-02T12:30")));
        assertEquals(Optional.of(tehran("2026-12-02T13:00")), h.nextOpening(tehran("2026-12-02T12:30")));
        assertEquals(Optional.of(tehran("2026-12-03T00:00")), h.closingAfter(tehran("2026-12-02T20:00")));
    }

    @Test
    @DisplayName("'call me now' only while open; 'call me at' in the future, within the days ahead, while open")
    void callTimes() {
        Instant now = tehran("2026-12-02T10:00");
        assertEquals(Optional.empty(), CallTime.problem(Optional.empty(), now, office, 7));
        assertEquals(Optional.of("closed"), CallTime.problem(Optional.empty(), tehran("2026-12-02T20:00"), office, 7));
        assertEquals(Optional.empty(), CallTime.problem(Optional.of(tehran("2026-12-06T09:00")), now, office, 7));
        assertEquals(Optional.of("closed"), CallTime.problem(Optional.of(tehran("2026-12-04T09:00")), now, office, 7));
        assertEquals(Optional.of("closed"), CallTime.problem(Optional.of(tehran("2026-12-05T09:00")), now, office, 7),
                "a holiday");
        assertEquals(Optional.of("past"), CallTime.problem(Optional.of(tehran("2026-12-02T09:00")), now, office, 7));
        assertEquals(Optional.of("too-far"), CallTime.problem(Optional.of(tehran("2026-12-12T09:00")), now, office, 7));
    }
}
