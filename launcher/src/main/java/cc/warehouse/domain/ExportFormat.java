package cc.warehouse.domain;

import java.util.Locale;

/** The file format of the export ({@code warehouse.format}). */
public enum ExportFormat {
    PARQUET("parquet"),
    /** UTF-8, a header row, RFC 4180 quoting, CRLF line ends. */
    CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The day's file name in its partition directory, e.g. {@code part-0.parquet}. */
    public String fileName() {
        return "part-0." + extension;
    }
}
