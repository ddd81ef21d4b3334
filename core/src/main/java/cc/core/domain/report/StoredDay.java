package cc.core.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A day whose totals are stored.
 *
 * @param zone                the report zone the day was cut in; totals of another zone are not used
 * @param firstContactSettled its first-contact resolution was final when computed (see {@link DayTotals})
 */
public record StoredDay(LocalDate day, ZoneId zone, Instant computedAt, boolean firstContactSettled) {
    public StoredDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(computedAt, "computedAt");
    }
}
