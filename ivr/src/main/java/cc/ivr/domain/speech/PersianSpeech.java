package cc.ivr.domain.speech;

import cc.core.domain.calendar.JalaliDate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Persian: parts joined by the "-o" conjunction fragment ({@code fa/num/o}), hundreds with their own words
 * (100..900: sad, devist, sisad, ...), 1000 alone is "hezar" (never "yek hezar") while a million is "yek milyun";
 * 1234 = hezar-o devist-o si-o chahar. Nouns after a number stay singular ("do dollar"). Dates are Jalali, spoken
 * as ordinal day, month name, year.
 */
public final class PersianSpeech implements Speech {
    static final PersianSpeech INSTANCE = new PersianSpeech();
    private static final String P = "fa/";
    private static final String AND = P + "num/o";
    private static final long[] SCALES = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] SCALE_NAMES = {"trillion", "billion", "million", "thousand"};

    private PersianSpeech() {}

    @Override
    public String language() {
        return "fa";
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
        boolean first = true;
        for (int i = 0; i < SCALES.length; i++) {
            long group = n / SCALES[i];
            if (group > 0) {
                if (!first) {
                    out.add(AND);
                }
                if (!(group == 1 && SCALES[i] == 1_000L)) {
                    belowThousand((int) group, out);
                }
                out.add(P + "num/" + SCALE_NAMES[i]);
                n %= SCALES[i];
                first = false;
            }
        }
        if (n > 0) {
            if (!first) {
                out.add(AND);
            }
            belowThousand((int) n, out);
        }
        return out;
    }

    private static void belowThousand(int n, List<String> out) {
        boolean first = true;
        if (n >= 100) {
            out.add(P + "num/" + n / 100 * 100);
            n %= 100;
            first = false;
        }
        if (n >= 20) {
            if (!first) {
                out.add(AND);
            }
            out.add(P + "num/" + n / 10 * 10);
            n %= 10;
            first = false;
        }
        if (n > 0) {
            if (!first) {
                out.add(AND);
            }
            out.add(P + "num/" + n);
        }
    }

    /** Jalali: "dovvom-e azar-e hezar-o chaharsad-o panj" = ordinal day, month name, year. */
    @Override
    public List<String> date(LocalDate date) {
        JalaliDate j = JalaliDate.from(date);
        List<String> out = new ArrayList<>();
        out.add(P + "ord/" + j.day());
        out.add(P + "month/" + j.month());
        out.addAll(number(j.year()));
        return out;
    }

    /** The 24-hour clock: "saat dah-o bist-o panj daghighe"; on the hour just "saat dah". */
    @Override
    public List<String> time(LocalTime time) {
        List<String> out = new ArrayList<>();
        out.add(P + "time/hour");
        out.addAll(number(time.getHour()));
        if (time.getMinute() > 0) {
            out.add(AND);
            out.addAll(number(time.getMinute()));
            out.add(P + "time/minute");
        }
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
            out.add(P + "cur/" + currency.key());
        }
        if (cents > 0) {
            if (whole > 0) {
                out.add(AND);
            }
            out.addAll(number(cents));
            out.add(P + "cur/cent");
        }
        return out;
    }
}
