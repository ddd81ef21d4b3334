package cc.warehouse.app;

import cc.warehouse.domain.ExportFormat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The {@code warehouse:} section of the configuration, with the report zone days are cut in.
 *
 * @param enabled     whether the daily export runs (the views are there either way)
 * @param directory   where the files go
 * @param hour        the hour (0-23, report zone) of the daily run
 * @param catchUpDays how many closed days back each run looks at: never-exported ones are written, exported ones
 *                    checked and written again when their rows changed
 */
public record WarehouseSettings(boolean enabled, Path directory, int hour, ExportFormat format, int catchUpDays,
                                ZoneId zone) {
    public WarehouseSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(zone, "zone");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23, was " + hour);
        }
        if (catchUpDays < 1) {
            throw new IllegalArgumentException("catchUpDays must be at least 1, was " + catchUpDays);
        }
    }
}
