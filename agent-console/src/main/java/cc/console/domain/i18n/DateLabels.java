package cc.console.domain.i18n;

import cc.core.domain.calendar.JalaliDate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How a moment is shown to a user: Persian readers get the Jalali date with Persian digits
 * ({@code ۱۴۰۵/۰۹/۰۲ ۱۲:۵۸}), English readers the Gregorian one ({@code 2026-11-23 12:58}), both in the
 * organisation's time zone.
 */
public final class DateLabels {
    private final ZoneId zone;

    public DateLabels(ZoneId zone) {
        this.zone = zone;
    }

    public String format(Instant at, String language) {
        ZonedDateTime t = at.atZone(zone);
        // padded by hand: String.format parsed its pattern on every call, and pops label every segment of a history
        String time = twoDigits(t.getHour()) + ":" + twoDigits(t.getMinute());
        if ("fa".equals(language)) {
            return PersianDigits.toPersian(JalaliDate.from(t.toLocalDate()) + " " + time);
        }
        return t.toLocalDate() + " " + time;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** The Jalali date with ASCII digits, for both languages' tooltips and exports. */
    public String jalali(Instant at) {
        return JalaliDate.from(at.atZone(zone).toLocalDate()).toString();
    }

    public ZoneId zone() {
        return zone;
    }
}
