package cc.core.domain.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The calendar days, weeks and months are counted in, and bucket labels written in. */
public enum ReportCalendar {
    /** ISO dates; weeks start on Monday. */
    GREGORIAN,
    /** The Iranian civil calendar; weeks start on Saturday, months as the Persian calendar has them. */
    JALALI;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportCalendar> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(name)).findFirst();
    }
}
