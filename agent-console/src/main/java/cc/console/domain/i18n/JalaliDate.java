package cc.console.domain.i18n;

import java.time.LocalDate;

/**
 * A date of the Jalali (Solar Hijri) calendar, the civil calendar of Iran, converted to and from the Gregorian
 * calendar arithmetically (the break-year method of Borkowski as used by jalaali-js), valid for Jalali years
 * -61 to 3177.
 *
 * @param year  Jalali year, e.g. 1405
 * @param month 1 (Farvardin) to 12 (Esfand)
 * @param day   1 to 31
 */
public record JalaliDate(int year, int month, int day) {
    private static final int[] BREAKS = {-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
            2192, 2262, 2324, 2394, 2456, 3178};
    private static final String[] MONTHS_FA = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر",
            "آبان", "آذر", "دی", "بهمن", "اسفند"};
    private static final String[] MONTHS_EN = {"Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
            "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"};

    public JalaliDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Jalali month must be 1..12, was " + month);
        }
        if (day < 1 || day > monthLength(year, month)) {
            throw new IllegalArgumentException("Jalali " + year + "/" + month + " has no day " + day);
        }
    }

    public static JalaliDate of(LocalDate gregorian) {
        long epochDay = gregorian.toEpochDay();
        int gy = gregorian.getYear();
        int jy = gy - 621;
        Cal r = cal(jy);
        long firstDay = LocalDate.of(gy, 3, r.march).toEpochDay();
        long k = epochDay - firstDay;
        if (k >= 0) {
            if (k <= 185) {
                return new JalaliDate(jy, 1 + (int) (k / 31), (int) (k % 31) + 1);
            }
            k -= 186;
        } else {
            jy -= 1;
            k += 179;
            if (r.leap == 1) {
                k += 1;
            }
        }
        return new JalaliDate(jy, 7 + (int) (k / 30), (int) (k % 30) + 1);
    }

    public LocalDate toGregorian() {
        Cal r = cal(year);
        long first = LocalDate.of(r.gregorianYear, 3, r.march).toEpochDay();
        long days = (month - 1) * 31L - (month / 7) * (month - 7L) + day - 1;
        return LocalDate.ofEpochDay(first + days);
    }

    public static boolean isLeapYear(int jalaliYear) {
        return cal(jalaliYear).leap == 0;
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

    public String monthName(String language) {
        return ("fa".equals(language) ? MONTHS_FA : MONTHS_EN)[month - 1];
    }

    /** {@code 1405/09/02}, ASCII digits. */
    @Override
    public String toString() {
        return String.format("%04d/%02d/%02d", year, month, day);
    }

    /** Leap flag (0 = leap), Gregorian year of Farvardin 1, and the March day it falls on. */
    private record Cal(int leap, int gregorianYear, int march) {}

    private static Cal cal(int jy) {
        int bl = BREAKS.length;
        int gy = jy + 621;
        int leapJ = -14;
        int jp = BREAKS[0];
        if (jy < jp || jy >= BREAKS[bl - 1]) {
            throw new IllegalArgumentException("Jalali year " + jy + " is outside -61..3177");
        }
        int jump = 0;
        for (int i = 1; i < bl; i++) {
            int jm = BREAKS[i];
            jump = jm - jp;
            if (jy < jm) {
                break;
            }
            leapJ = leapJ + div(jump, 33) * 8 + div(mod(jump, 33), 4);
            jp = jm;
        }
        int n = jy - jp;
        leapJ = leapJ + div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
        if (mod(jump, 33) == 4 && jump - n == 4) {
            leapJ += 1;
        }
        int leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
        int march = 20 + leapJ - leapG;
        if (jump - n < 6) {
            n = n - jump + div(jump + 4, 33) * 33;
        }
        int leap = mod(mod(n + 1, 33) - 1, 4);
        if (leap == -1) {
            leap = 4;
        }
        return new Cal(leap, gy, march);
    }

    /** Division and remainder truncating toward zero, as the published algorithm specifies. */
    private static int div(int a, int b) {
        return a / b;
    }

    private static int mod(int a, int b) {
        return a - (a / b) * b;
    }
}
