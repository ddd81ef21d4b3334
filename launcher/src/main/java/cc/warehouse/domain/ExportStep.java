package cc.warehouse.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One view and day the export run looks at: written when {@code previous} is empty (never exported, or exported in
 * another format), else read again and written only when its rows' checksum differs from {@code previous}'s.
 */
public record ExportStep(WarehouseView view, LocalDate day, Optional<ExportedDay> previous) {
    public ExportStep {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(previous, "previous");
    }

    /** Where the day begins in the report zone (UTC instant, inclusive). */
    public Instant from(ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Where the next day begins (exclusive): 23 or 25 hours later on a daylight-saving change. */
    public Instant to(ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
