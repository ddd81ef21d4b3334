package cc.ivr.domain.speech;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns values into the prompt fragments that speak them in one language. Fragments are sound file names relative
 * to Asterisk's sounds directory, such as {@code fa/num/20}; {@code config/ivr/prompts.md} lists them all.
 */
public interface Speech {

    /** The language tag this speech is for ({@code fa}, {@code en}). */
    String language();

    List<String> number(long n);

    List<String> date(LocalDate date);

    List<String> time(LocalTime time);

    List<String> money(BigDecimal amount, Currency currency);

    /** Each digit on its own (account numbers, phone numbers); characters other than 0-9, * and # are skipped. */
    default List<String> digits(String text) {
        List<String> out = new ArrayList<>();
        for (char c : text.toCharArray()) {
            if (c >= '0' && c <= '9') {
                out.add(language() + "/digits/" + c);
            } else if (c == '*') {
                out.add(language() + "/digits/star");
            } else if (c == '#') {
                out.add(language() + "/digits/pound");
            }
        }
        return out;
    }

    /** Speech for a language tag; anything but {@code fa} speaks English. */
    static Speech of(String language) {
        return "fa".equals(language) ? PersianSpeech.INSTANCE : EnglishSpeech.INSTANCE;
    }
}
