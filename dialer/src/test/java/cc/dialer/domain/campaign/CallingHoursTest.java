package cc.dialer.domain.campaign;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallingHoursTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final CallingHours NINE_TO_NINE = new CallingHours(LocalTime.of(9, 0), LocalTime.of(21, 0),
            CallingHours.SUNDAY_OFF, Set.of(LocalDate.of(2026, 12, 25)));

    @Test
    @DisplayName("the same moment is callable in one customer's time zone and not in another's")
    void perCustomerZone() {
        Instant wednesday1000utc = Instant.parse("2026-11-25T10:00:00Z");
        assertTrue(NINE_TO_NINE.isOpen(wednesday1000utc, LONDON), "10:00 in London");
        assertTrue(NINE_TO_NINE.isOpen(wednesday1000utc, TEHRAN), "13:30 in Tehran");
        assertEquals(CallingHours.Verdict.OUTSIDE_HOURS, NINE_TO_NINE.check(wednesday1000utc, NEW_YORK), "05:00");
        Instant evening = Instant.parse("2026-11-25T18:00:00Z");
        assertEquals(CallingHours.Verdict.OUTSIDE_HOURS, NINE_TO_NINE.check(evening, TEHRAN), "21:30 in Tehran");
        assertTrue(NINE_TO_NINE.isOpen(evening, NEW_YORK), "13:00 in New York");
    }

    @Test
    @DisplayName("weekly days off are configurable: Friday in Iran, Sunday elsewhere")
    void weeklyDaysOff() {
        CallingHours iran = new CallingHours(LocalTime.of(9, 0), LocalTime.of(21, 0), CallingHours.IRAN_WEEKEND,
                Set.of());
        Instant friday = Instant.parse("2026-11-27T08:00:00Z");
        Instant sunday = Instant.parse("2026-11-29T08:00:00Z");
        assertEquals(CallingHours.Verdict.DAY_OFF, iran.check(friday, TEHRAN));
        assertTrue(iran.isOpen(sunday, TEHRAN));
        assertTrue(NINE_TO_NINE.isOpen(friday, TEHRAN));
        assertEquals(CallingHours.Verdict.DAY_OFF, NINE_TO_NINE.check(sunday, LONDON));
    }

    @Test
    @DisplayName("holidays are the customer's local date: Christmas starts earlier in Tehran than in New York")
    void holidays() {
        Instant utc = Instant.parse("2026-12-25T03:00:00Z");
        assertEquals(CallingHours.Verdict.HOLIDAY, NINE_TO_NINE.check(utc, TEHRAN));
        assertEquals(CallingHours.Verdict.OUTSIDE_HOURS, NINE_TO_NINE.check(utc, NEW_YORK), "still the 24th there");
    }

    @Test
    @DisplayName("the next opening skips the night, days off and holidays")
    void nextOpening() {
        Instant saturdayNight = Instant.parse("2026-12-26T22:00:00Z");
        assertEquals(Optional.of(Instant.parse("2026-12-28T09:00:00Z")), NINE_TO_NINE.nextOpening(saturdayNight,
                LONDON), "Sunday off, so Monday 09:00");
        Instant christmasEve = Instant.parse("2026-12-24T21:30:00Z");
        assertEquals(Optional.of(Instant.parse("2026-12-26T09:00:00Z")), NINE_TO_NINE.nextOpening(christmasEve,
                LONDON));
        Instant open = Instant.parse("2026-11-25T10:00:00Z");
        assertEquals(Optional.of(open), NINE_TO_NINE.nextOpening(open, LONDON));
    }

    @Test
    @DisplayName("bad hours are refused when configured")
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> new CallingHours(LocalTime.of(21, 0), LocalTime.of(9, 0),
                Set.of(), Set.of()));
        assertFalse(NINE_TO_NINE.isOpen(Instant.parse("2026-11-25T21:00:00Z"), LONDON), "closing time is exclusive");
    }
}
