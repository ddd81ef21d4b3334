package cc.core.domain.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A date in the Jalali (Solar Hijri) calendar, the civil calendar of Iran: months 1..6 have 31 days, 7..11 have 30,
 * Esfand (12) has 29, or 30 in a leap year. The year starts at Nowruz, the March equinox.
 *
 * <p>Conversion follows the 2820-free "breaks" arithmetic of Borkowski as used by jalaali-js; valid for Jalali
 * years -61..3177.
 */
public record JalaliDate(int year, int month, int day) {
    private static final String[] MONTHS_FA = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر",
        "آبان", "آذر", "دی", "بهمن", "اسفند"};
    private static final String[] MONTHS_EN = {"Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
        "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"};


    private static final int[] BREAKS = {-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
            2192, 2262, 2324, 2394, 2456, 3178};

    public JalaliDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Jalali month must be 1..12, was " + month);
        }
        if (day < 1 || day > monthLength(year, month)) {
            throw new IllegalArgumentException("Jalali " + year + "-" + month + " has no day " + day);
        }
    }

    public static JalaliDate of(int year, int month, int day) {
        return new JalaliDate(year, month, day);
    }

    /** The Jalali date of a Gregorian date. */
    public static JalaliDate from(LocalDate date) {
        int jy = date.getYear() - 621;
        LocalDate nowruz = nowruz(jy);
        if (date.isBefore(nowruz)) {
            jy -= 1;
            nowruz = nowruz(jy);
        }
        int dayOfYear = (int) ChronoUnit.DAYS.between(nowruz, date);
        int month;
        int day;
        if (dayOfYear < 186) {
            month = 1 + dayOfYear / 31;
            day = 1 + dayOfYear % 31;
        } else {
            int rest = dayOfYear - 186;
            month = 7 + rest / 30;
            day = 1 + rest % 30;
        }
        return new JalaliDate(jy, month, day);
    }

    /** The Gregorian date of this Jalali date. */
    public LocalDate toGregorian() {
        int dayOfYear = month <= 6 ? (month - 1) * 31 + day - 1 : 186 + (month - 7) * 30 + day - 1;
        return nowruz(year).plusDays(dayOfYear);
    }

    public static boolean isLeapYear(int jalaliYear) {
        return cal(jalaliYear)[0] == 0;
    }

    public static int monthLength(int jalaliYear, int month) {
        if (month <= 6) {
            return 31;
        }
        if (month <= 11) {
            return 30;
        }
        return isLeapYear(jalaliYear) ? 30 : 29;
    }

    /** The Gregorian date of 1 Farvardin of the Jalali year. */
    static LocalDate nowruz(int jalaliYear) {
        int[] c = cal(jalaliYear);
        return LocalDate.of(c[1], 3, c[2]);
    }

    /** {leap (0 = leap year), Gregorian year of Nowruz, March day of Nowruz}. */
    private static int[] cal(int jy) {
        int bl = BREAKS.length;
        int gy = jy + 621;
        int leapJ = -14;
        int jp = BREAKS[0];
        if (jy < jp || jy >= BREAKS[bl - 1]) {
            throw new IllegalArgumentException("Jalali year out of range: " + jy);
        }
        int jump = 0;
        for (int i = 1; i < bl; i++) {
            int jm = BREAKS[i];
            jump = jm - jp;
            if (jy < jm) {
                break;
            }
            leapJ = leapJ + jump / 33 * 8 + (jump % 33) / 4;
            jp = jm;
        }
        int n = jy - jp;
        leapJ = leapJ + n / 33 * 8 + ((n % 33) + 3) / 4;
        if (jump % 33 == 4 && jump - n == 4) {
            leapJ += 1;
        }
        int leapG = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
        int march = 20 + leapJ - leapG;
        if (jump - n < 6) {
            n = n - jump + (jump + 4) / 33 * 33;
        }
        int leap = (((n + 1) % 33) - 1) % 4;
        if (leap == -1) {
            leap = 4;
        }
        return new int[] {leap, gy, march};
    }

    /** The month's name: Persian for {@code fa}, its English transliteration otherwise. */
    public String monthName(String language) {
        return ("fa".equals(language) ? MONTHS_FA : MONTHS_EN)[month - 1];
    }

    /** {@code 1405/09/02}: year/month/day with ASCII digits, as Iranian dates are written. */
    @Override
    public String toString() {
        return String.format("%04d/%02d/%02d", year, month, day);
    }
}
