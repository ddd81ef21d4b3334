package cc.core.domain.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JalaliDateTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2024-03-20, 1403-01-01",   // Nowruz 1403
            "2025-03-21, 1404-01-01",   // Nowruz 1404
            "2023-03-21, 1402-01-01",
            "2021-03-20, 1399-12-30",   // last day of the leap year 1399
            "2021-03-21, 1400-01-01",
            "1979-02-11, 1357-11-22",   // 22 Bahman 1357
            "1989-06-04, 1368-03-14",   // 14 Khordad 1368
            "2000-01-01, 1378-10-11",
            "2026-11-23, 1405-09-02",
            "2026-09-22, 1405-06-31",   // last day of a 31-day month
            "2026-09-23, 1405-07-01",
    })
    @DisplayName("Gregorian dates convert to the Jalali dates printed on Iranian calendars, and back")
    void knownDates(String gregorian, String jalali) {
        LocalDate g = LocalDate.parse(gregorian);
        JalaliDate j = JalaliDate.from(g);
        assertEquals(jalali.replace('-', '/'), j.toString());
        assertEquals(g, j.toGregorian());
    }

    @Test
    @DisplayName("Leap years: Esfand has 30 days in 1399 and 1403, 29 in 1400 and 1404")
    void leapYears() {
        assertTrue(JalaliDate.isLeapYear(1399));
        assertTrue(JalaliDate.isLeapYear(1403));
        assertFalse(JalaliDate.isLeapYear(1400));
        assertFalse(JalaliDate.isLeapYear(1404));
        assertEquals(30, JalaliDate.monthLength(1403, 12));
        assertEquals(29, JalaliDate.monthLength(1404, 12));
        assertThrows(IllegalArgumentException.class, () -> JalaliDate.of(1404, 12, 30));
        assertThrows(IllegalArgumentException.class, () -> JalaliDate.of(1404, 7, 31));
    }

    @Test
    @DisplayName("Every day from 1900 to 2100 converts to a valid Jalali date and back, one day after another")
    void roundTrip() {
        LocalDate d = LocalDate.of(1900, 1, 1);
        JalaliDate prev = JalaliDate.from(d.minusDays(1));
        while (d.getYear() < 2100) {
            JalaliDate j = JalaliDate.from(d);
            assertEquals(d, j.toGregorian());
            boolean nextDay = j.day() == prev.day() + 1 && j.month() == prev.month() && j.year() == prev.year();
            boolean nextMonth = j.day() == 1 && j.month() == prev.month() + 1 && j.year() == prev.year();
            boolean nextYear = j.day() == 1 && j.month() == 1 && j.year() == prev.year() + 1;
            assertTrue(nextDay || nextMonth || nextYear, d + " -> " + j + " after " + prev);
            prev = j;
            d = d.plusDays(1);
        }
    }
}
