package cc.core.domain.report;

import java.util.Arrays;
import java.util.Optional;

/** How long a report's buckets are. */
public enum ReportInterval {
    QUARTER_HOUR("15m"), HOUR("hour"), DAY("day"), WEEK("week"), MONTH("month");

    private final String wireName;

    ReportInterval(String wireName) {
        this.wireName = wireName;
    }

    /** The name in URLs and JSON: {@code 15m}, {@code hour}, {@code day}, {@code week}, {@code month}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ReportInterval> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }
}
