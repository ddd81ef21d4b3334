package cc.console.domain.answers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits English and Persian text into search terms: lower case, Arabic letter forms folded to Persian ones
 * (ي→ی, ك→ک), digits to ASCII, zero-width non-joiners treated as joiners, short and common words dropped.
 */
public final class Terms {
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is",
            "it", "my", "i", "with", "was", "be", "at", "by", "this", "that", "from", "not", "are", "has", "have",
            "و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "یک", "تا", "می", "شد", "هم");

    private Terms() {}

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('\u064A', '\u06CC').replace('\u0649', '\u06CC').replace('\u0643', '\u06A9')
                .replace("\u200C", "").toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (c >= '\u06F0' && c <= '\u06F9') {
                    c = (char) ('0' + (c - '\u06F0'));
                }
                word.append(c);
            } else if (word.length() > 0) {
                String w = word.toString();
                if (w.length() > 1 && !STOP.contains(w)) {
                    out.add(w);
                }
                word.setLength(0);
            }
        }
        return out;
    }
}
