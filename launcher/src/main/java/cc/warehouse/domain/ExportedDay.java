package cc.warehouse.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One file the export wrote: a view's rows of one report-zone day, kept in {@code dw_export_log} and in the day's
 * {@code _manifest.json}.
 *
 * @param path       the file relative to the export directory ({@code dw_interactions/date=2026-12-01/part-0.parquet})
 * @param fileSha256 SHA-256 of the file's bytes, hex
 * @param rowsSha256 SHA-256 of the rows as read from the view ({@link RowDigest}): what tells a changed day
 */
public record ExportedDay(String view, LocalDate day, ExportFormat format, String path, long rows, long bytes,
                          String fileSha256, String rowsSha256, Instant exportedAt) {
    public ExportedDay {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileSha256, "fileSha256");
        Objects.requireNonNull(rowsSha256, "rowsSha256");
        Objects.requireNonNull(exportedAt, "exportedAt");
    }
}
