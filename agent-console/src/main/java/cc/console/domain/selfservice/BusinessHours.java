package cc.console.domain.selfservice;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When the center answers: opening spans per weekday in the center's time zone, closed all day on the holidays.
 * A span ends at {@code to} exclusive; a span to 00:00 means until midnight.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<Span>> week, Set<LocalDate> holidays) {
    /** How far ahead {@link #nextOpening} looks (holidays in a row included). */
    private static final int LOOK_AHEAD_DAYS = 60;

    /** Open from {@code from} to {@code to} (exclusive); {@code to} 00:00 is midnight. */
    public record Span(LocalTime from, LocalTime to) {
        public Span {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
                throw new IllegalArgumentException("a span must end after it starts: " + from + "-" + to);
            }
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(from) && (to.equals(LocalTime.MIDNIGHT) || t.isBefore(to));
        }
    }

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<Span>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((d, spans) -> copy.put(d, spans.stream().sorted(java.util.Comparator.comparing(Span::from))
                .toList()));
        week = java.util.Collections.unmodifiableMap(copy);
        holidays = Set.copyOf(holidays);
    }

    /** Saturday to Wednesday 08:00-17:00, Thursday 08:00-13:00, Friday closed (an Iranian office week). */
    public static BusinessHours iranianOffice(ZoneId zone) {
        Span day = new Span(LocalTime.of(8, 0), LocalTime.of(17, 0));
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY)) {
            week.put(d, List.of(day));
        }
        week.put(DayOfWeek.THURSDAY, List.of(new Span(LocalTime.of(8, 0), LocalTime.of(13, 0))));
        return new BusinessHours(zone, week, Set.of());
    }

    /** The spans of a date: none on a holiday. */
    public List<Span> spansOn(LocalDate date) {
        return holidays.contains(date) ? List.of() : week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return spansOn(local.toLocalDate()).stream().anyMatch(s -> s.contains(local.toLocalTime()));
    }

    /** The next moment the center opens after {@code at} (now, if open); empty when never open in the next weeks. */
    public Optional<Instant> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.of(at);
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        for (int i = 0; i <= LOOK_AHEAD_DAYS; i++, date = date.plusDays(1)) {
            for (Span s : spansOn(date)) {
                ZonedDateTime start = date.atTime(s.from()).atZone(zone);
                if (start.toInstant().isAfter(at)) {
                    return Optional.of(start.toInstant());
                }
            }
        }
        return Optional.empty();
    }

    /** When the span open at {@code at} closes; empty when closed. */
    public Optional<Instant> closingAfter(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return spansOn(local.toLocalDate()).stream().filter(s -> s.contains(local.toLocalTime())).findFirst()
                .map(s -> s.to().equals(LocalTime.MIDNIGHT)
                        ? local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()
                        : local.toLocalDate().atTime(s.to()).atZone(zone).toInstant());
    }
}
