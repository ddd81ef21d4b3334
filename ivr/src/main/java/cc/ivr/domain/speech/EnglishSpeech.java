package cc.ivr.domain.speech;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * English: "one thousand two hundred thirty four" (no "and"), Gregorian dates as "November twenty-third twenty
 * twenty six", times on the 12-hour clock, money as "twelve dollars and five cents".
 */
public final class EnglishSpeech implements Speech {
    static final EnglishSpeech INSTANCE = new EnglishSpeech();
    private static final String P = "en/";
    private static final long[] SCALES = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] SCALE_NAMES = {"trillion", "billion", "million", "thousand"};

    private EnglishSpeech() {}

    @Override
    public String language() {
        return "en";
    }

    @Override
    public List<String> number(long n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            out.add(P + "num/0");
            return out;
        }
        if (n < 0) {
            out.add(P + "num/minus");
            n = -n;
        }
        for (int i = 0; i < SCALES.length; i++) {
            long group = n / SCALES[i];
            if (group > 0) {
                belowThousand((int) group, out);
                out.add(P + "num/" + SCALE_NAMES[i]);
                n %= SCALES[i];
            }
        }
        if (n > 0) {
            belowThousand((int) n, out);
        }
        return out;
    }

    private static void belowThousand(int n, List<String> out) {
        if (n >= 100) {
            out.add(P + "num/" + n / 100);
            out.add(P + "num/hundred");
            n %= 100;
        }
        if (n >= 20) {
            out.add(P + "num/" + n / 10 * 10);
            n %= 10;
        }
        if (n > 0) {
            out.add(P + "num/" + n);
        }
    }

    @Override
    public List<String> date(LocalDate date) {
        List<String> out = new ArrayList<>();
        out.add(P + "month/" + date.getMonthValue());
        out.add(P + "ord/" + date.getDayOfMonth());
        out.addAll(year(date.getYear()));
        return out;
    }

    /** Years as people say them: 1999 "nineteen ninety nine", 2005 "two thousand five", 2026 "twenty twenty six". */
    List<String> year(int y) {
        if (y < 1100 || y > 9999 || y % 100 == 0 || (y >= 2000 && y <= 2009)) {
            return number(y);
        }
        List<String> out = new ArrayList<>(number(y / 100));
        int rest = y % 100;
        if (rest < 10) {
            out.add(P + "num/oh");
        }
        out.addAll(number(rest));
        return out;
    }

    @Override
    public List<String> time(LocalTime time) {
        List<String> out = new ArrayList<>();
        int h = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        out.addAll(number(h));
        int m = time.getMinute();
        if (m == 0) {
            out.add(P + "time/oclock");
        } else {
            if (m < 10) {
                out.add(P + "num/oh");
            }
            out.addAll(number(m));
        }
        out.add(P + (time.getHour() < 12 ? "time/am" : "time/pm"));
        return out;
    }

    @Override
    public List<String> money(BigDecimal amount, Currency currency) {
        List<String> out = new ArrayList<>();
        if (amount.signum() < 0) {
            out.add(P + "num/minus");
            amount = amount.negate();
        }
        BigDecimal rounded = amount.setScale(currency.hasCents() ? 2 : 0, RoundingMode.HALF_UP);
        long whole = rounded.longValue();
        int cents = currency.hasCents() ? rounded.remainder(BigDecimal.ONE).movePointRight(2).intValue() : 0;
        if (whole > 0 || cents == 0) {
            out.addAll(number(whole));
            out.add(P + "cur/" + currency.key() + (whole == 1 ? "" : "s"));
        }
        if (cents > 0) {
            if (whole > 0) {
                out.add(P + "cur/and");
            }
            out.addAll(number(cents));
            out.add(P + "cur/cent" + (cents == 1 ? "" : "s"));
        }
        return out;
    }
}
