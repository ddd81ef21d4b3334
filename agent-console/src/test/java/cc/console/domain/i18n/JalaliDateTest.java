package cc.console.domain.i18n;

import cc.core.domain.calendar.JalaliDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JalaliDateTest {
    @Test
    @DisplayName("known dates convert: Nowruz, 22 Bahman 1357, the first day of autumn")
    void knownDates() {
        assertEquals(new JalaliDate(1403, 1, 1), JalaliDate.from(LocalDate.of(2024, 3, 20)));
        assertEquals(new JalaliDate(1404, 1, 1), JalaliDate.from(LocalDate.of(2025, 3, 21)));
        assertEquals(new JalaliDate(1357, 11, 22), JalaliDate.from(LocalDate.of(1979, 2, 11)));
        assertEquals(new JalaliDate(1403, 12, 30), JalaliDate.from(LocalDate.of(2025, 3, 20)));
        assertEquals(new JalaliDate(1405, 7, 1), JalaliDate.from(LocalDate.of(2026, 9, 23)));
        assertEquals(new JalaliDate(1405, 9, 2), JalaliDate.from(LocalDate.of(2026, 11, 23)));
        assertEquals(LocalDate.of(2026, 3, 21), new JalaliDate(1405, 1, 1).toGregorian());
    }

    @Test
    @DisplayName("every day from 1950 to 2100 converts to Jalali and back to the same day, one day after another")
    void roundTrip() {
        LocalDate d = LocalDate.of(1950, 1, 1);
        JalaliDate previous = JalaliDate.from(d.minusDays(1));
        while (d.getYear() < 2100) {
            JalaliDate j = JalaliDate.from(d);
            assertEquals(d, j.toGregorian(), () -> "round trip of " + j);
            boolean nextDay = (j.year() == previous.year() && j.month() == previous.month() && j.day() == previous.day() + 1)
                    || (j.day() == 1 && (j.month() == previous.month() + 1 || (j.month() == 1 && previous.month() == 12)));
            assertTrue(nextDay, "after " + previous + " came " + j);
            previous = j;
            d = d.plusDays(1);
        }
    }

    @Test
    @DisplayName("Esfand has 30 days in leap years and 29 otherwise")
    void leapYears() {
        assertTrue(JalaliDate.isLeapYear(1403));
        assertFalse(JalaliDate.isLeapYear(1404));
        assertEquals(29, JalaliDate.monthLength(1404, 12));
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1404, 12, 30));
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1404, 13, 1));
    }

    @Test
    @DisplayName("Persian readers see the Jalali date with Persian digits, English readers the Gregorian date")
    void labels() {
        DateLabels labels = new DateLabels(ZoneId.of("Asia/Tehran"));
        Instant at = Instant.parse("2026-11-23T09:28:00Z");
        assertEquals("۱۴۰۵/۰۹/۰۲ ۱۲:۵۸", labels.format(at, "fa"));
        assertEquals("2026-11-23 12:58", labels.format(at, "en"));
        assertEquals("1405/09/02", labels.jalali(at));
        assertEquals("آذر", new JalaliDate(1405, 9, 2).monthName("fa"));
    }
}
