package cc.ivr.domain.speech;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbers, dates, times and money as fragments; written here as the words (fragment names without the prefix). */
class SpeechTest {

    static String words(List<String> fragments, String lang) {
        return fragments.stream().map(f -> f.substring(lang.length() + 1)).collect(Collectors.joining(" "));
    }

    static String fa(long n) {
        return words(Speech.of("fa").number(n), "fa");
    }

    static String en(long n) {
        return words(Speech.of("en").number(n), "en");
    }

    @Nested
    @DisplayName("Persian numbers")
    class Persian {
        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
                "0|num/0",
                "7|num/7",
                "13|num/13",
                "19|num/19",
                "20|num/20",
                "21|num/20 num/o num/1",
                "100|num/100",
                "105|num/100 num/o num/5",
                "110|num/100 num/o num/10",
                "999|num/900 num/o num/90 num/o num/9",
                "1000|num/thousand",
                "1001|num/thousand num/o num/1",
                "1234|num/thousand num/o num/200 num/o num/30 num/o num/4",
                "2000|num/2 num/thousand",
                "12500|num/12 num/thousand num/o num/500",
                "101000|num/100 num/o num/1 num/thousand",
                "1000000|num/1 num/million",
                "2000005|num/2 num/million num/o num/5",
                "1500000000|num/1 num/billion num/o num/500 num/million",
                "-40|num/minus num/40",
        })
        @DisplayName("joined by -o, hundreds with their own words, 1000 is hezar without yek")
        void numbers(long n, String expected) {
            assertEquals(expected, fa(n));
        }

        @Test
        @DisplayName("Jalali dates, 24-hour times and money in rial, toman and dollar")
        void dateTimeMoney() {
            Speech s = Speech.of("fa");
            assertEquals("ord/1 month/1 num/thousand num/o num/400 num/o num/3",
                    words(s.date(LocalDate.of(2024, 3, 20)), "fa"));
            assertEquals("time/hour num/10 num/o num/20 num/o num/5 time/minute",
                    words(s.time(LocalTime.of(10, 25)), "fa"));
            assertEquals("time/hour num/0", words(s.time(LocalTime.MIDNIGHT), "fa"));
            assertEquals("num/5 num/thousand cur/rial", words(s.money(new BigDecimal("5000"), Currency.RIAL), "fa"));
            assertEquals("num/1 num/million num/o num/200 num/thousand cur/toman",
                    words(s.money(new BigDecimal("1200000"), Currency.TOMAN), "fa"));
            assertEquals("num/2 cur/dollar num/o num/50 cur/cent",
                    words(s.money(new BigDecimal("2.5"), Currency.DOLLAR), "fa"));
            assertEquals("num/0 cur/rial", words(s.money(BigDecimal.ZERO, Currency.RIAL), "fa"));
            assertEquals("digits/0 digits/9 digits/1 digits/2 digits/star", words(s.digits("0912*"), "fa"));
        }
    }

    @Nested
    @DisplayName("English numbers")
    class English {
        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', value = {
                "0|num/0",
                "7|num/7",
                "13|num/13",
                "20|num/20",
                "42|num/40 num/2",
                "100|num/1 num/hundred",
                "115|num/1 num/hundred num/15",
                "1000|num/1 num/thousand",
                "1234|num/1 num/thousand num/2 num/hundred num/30 num/4",
                "20005|num/20 num/thousand num/5",
                "1000000|num/1 num/million",
                "3004000|num/3 num/million num/4 num/thousand",
                "-8|num/minus num/8",
        })
        @DisplayName("no 'and', groups by thousand")
        void numbers(long n, String expected) {
            assertEquals(expected, en(n));
        }

        @Test
        @DisplayName("Gregorian dates with spoken years, 12-hour times and dollars with cents")
        void dateTimeMoney() {
            Speech s = Speech.of("en");
            assertEquals("month/11 ord/23 num/20 num/20 num/6", words(s.date(LocalDate.of(2026, 11, 23)), "en"));
            assertEquals("month/1 ord/1 num/2 num/thousand num/5", words(s.date(LocalDate.of(2005, 1, 1)), "en"));
            assertEquals("month/7 ord/4 num/19 num/oh num/7", words(s.date(LocalDate.of(1907, 7, 4)), "en"));
            assertEquals("num/2 num/30 time/pm", words(s.time(LocalTime.of(14, 30)), "en"));
            assertEquals("num/12 num/oh num/5 time/am", words(s.time(LocalTime.of(0, 5)), "en"));
            assertEquals("num/12 time/oclock time/pm", words(s.time(LocalTime.NOON), "en"));
            assertEquals("num/1 cur/dollar", words(s.money(new BigDecimal("1"), Currency.DOLLAR), "en"));
            assertEquals("num/1 num/thousand num/2 num/hundred num/30 num/4 cur/dollars cur/and num/50 num/6 cur/cents",
                    words(s.money(new BigDecimal("1234.56"), Currency.DOLLAR), "en"));
            assertEquals("num/1 cur/cent", words(s.money(new BigDecimal("0.01"), Currency.DOLLAR), "en"));
            assertEquals("num/0 cur/dollars", words(s.money(new BigDecimal("0.001"), Currency.DOLLAR), "en"));
            assertEquals("num/50 num/thousand cur/rials", words(s.money(new BigDecimal("50000"), Currency.RIAL), "en"));
            assertEquals("num/1 cur/toman", words(s.money(new BigDecimal("1"), Currency.TOMAN), "en"));
        }
    }

    @Test
    @DisplayName("Currencies are read from config and database names")
    void currencies() {
        assertEquals(List.of(Currency.RIAL, Currency.RIAL, Currency.TOMAN, Currency.DOLLAR, Currency.DOLLAR),
                Arrays.asList(Currency.parse("rial"), Currency.parse("IRR"), Currency.parse("Toman"),
                        Currency.parse("dollar"), Currency.parse("USD")));
    }
}
