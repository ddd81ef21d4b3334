package cc.dialer.domain.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When customers may be called, in each customer's own time zone: a daily window, weekly days off and holidays.
 *
 * @param opens    first moment of the day a call may start (local time)
 * @param closes   the window closes here (exclusive); must be after {@code opens}
 * @param daysOff  weekly days off, e.g. Friday in Iran, Sunday in much of the rest of the world
 * @param holidays dates (local to the customer) with no calls
 */
public record CallingHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> daysOff, Set<LocalDate> holidays) {

    public static final Set<DayOfWeek> IRAN_WEEKEND = Set.of(DayOfWeek.FRIDAY);
    public static final Set<DayOfWeek> SUNDAY_OFF = Set.of(DayOfWeek.SUNDAY);

    public CallingHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("calling hours must close after they open: " + opens + "-" + closes);
        }
        daysOff = Set.copyOf(daysOff);
        holidays = Set.copyOf(holidays);
        if (daysOff.size() == 7) {
            throw new IllegalArgumentException("every day is a day off");
        }
    }

    /** Why {@code at} is or is not callable in {@code zone}. */
    public Verdict check(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return Verdict.HOLIDAY;
        }
        if (daysOff.contains(local.getDayOfWeek())) {
            return Verdict.DAY_OFF;
        }
        LocalTime t = local.toLocalTime();
        return !t.isBefore(opens) && t.isBefore(closes) ? Verdict.OPEN : Verdict.OUTSIDE_HOURS;
    }

    public boolean isOpen(Instant at, ZoneId zone) {
        return check(at, zone) == Verdict.OPEN;
    }

    /** The first callable moment at or after {@code from} in {@code zone}, within a year; empty if none. */
    public Optional<Instant> nextOpening(Instant from, ZoneId zone) {
        if (isOpen(from, zone)) {
            return Optional.of(from);
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= 366; i++) {
            LocalDate d = day.plusDays(i);
            Instant open = d.atTime(opens).atZone(zone).toInstant();
            if (!open.isBefore(from) && isOpen(open, zone)) {
                return Optional.of(open);
            }
        }
        return Optional.empty();
    }

    /** Whether a moment is callable, and if not why. */
    public enum Verdict { OPEN, OUTSIDE_HOURS, DAY_OFF, HOLIDAY }
}
