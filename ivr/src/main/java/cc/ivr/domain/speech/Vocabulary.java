package cc.ivr.domain.speech;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every fragment a kind of speech can ask for in a language, found by asking the speech itself over the values it
 * may meet, so the list can never drift from the code that picks the files. Used to check that the shipped sounds
 * (and a deployment's sounds directory) hold everything a {@code say} node or a queue announcement may play.
 */
public final class Vocabulary {
    private Vocabulary() {}

    /** Numbers: 0 to 1000 cover every part; the scales, a negative and a few joins cover the rest. */
    public static Set<String> numbers(String language) {
        Speech speech = Speech.of(language);
        Set<String> out = new TreeSet<>();
        for (long n = 0; n <= 1_000; n++) {
            out.addAll(speech.number(n));
        }
        for (long n : new long[] {-1, 1_001, 2_000, 1_000_000, 1_000_001, 1_000_000_000L, 1_000_000_000_000L}) {
            out.addAll(speech.number(n));
        }
        return out;
    }

    public static Set<String> digits(String language) {
        return new TreeSet<>(Speech.of(language).digits("0123456789*#"));
    }

    /** Every day of a leap year (all months and days), and the years 1900 to 2100 (the English "oh" years). */
    public static Set<String> dates(String language) {
        Speech speech = Speech.of(language);
        Set<String> out = new TreeSet<>();
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            out.addAll(speech.date(d));
        }
        for (int y = 1900; y <= 2100; y++) {
            out.addAll(speech.date(LocalDate.of(y, 6, 1)));
        }
        return out;
    }

    public static Set<String> times(String language) {
        Speech speech = Speech.of(language);
        Set<String> out = new TreeSet<>();
        for (int m = 0; m < 24 * 60; m++) {
            out.addAll(speech.time(LocalTime.of(m / 60, m % 60)));
        }
        return out;
    }

    /** Every currency, singular and plural, with and without cents, and a negative amount. */
    public static Set<String> money(String language) {
        Speech speech = Speech.of(language);
        Set<String> out = new TreeSet<>();
        for (Currency c : Currency.values()) {
            for (String amount : new String[] {"0", "1", "2", "0.01", "0.05", "1.01", "12.05", "-3", "1234567.89"}) {
                out.addAll(speech.money(new BigDecimal(amount), c));
            }
        }
        return out;
    }

    /** What a waiting caller may hear about their place and wait (places 1 to 1000, waits up to two hours). */
    public static Set<String> queueAnnouncements(String language) {
        Set<String> out = new TreeSet<>();
        for (int position = 0; position <= 1_000; position++) {
            out.addAll(QueueAnnouncement.prompts(language, position, -1));
        }
        for (long wait = 0; wait <= 7_200; wait += 15) {
            out.addAll(QueueAnnouncement.prompts(language, 1, wait));
        }
        return out;
    }
}
