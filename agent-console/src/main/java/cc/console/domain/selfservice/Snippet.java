package cc.console.domain.selfservice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A short excerpt of an article around its first matched word, as parts marked matched or not, so the page can
 * emphasise the matched words without ever putting the article's text into HTML.
 */
public final class Snippet {
    /** Words shown before the first match. */
    private static final int BEFORE = 8;

    private Snippet() {}

    /** A part of the excerpt: words and the spaces between them, {@code matched} for a word that matched. */
    public record Part(String text, boolean matched) {}

    /**
     * @param text     the article's text
     * @param matches  whether a word (as written) matches the query
     * @param maxWords how many words at most
     */
    public static List<Part> of(String text, Predicate<String> matches, int maxWords) {
        String[] words = text.strip().split("\\s+");
        int first = 0;
        for (int i = 0; i < words.length; i++) {
            if (matches.test(bare(words[i]))) {
                first = Math.max(0, i - Math.min(BEFORE, maxWords / 3));
                break;
            }
        }
        int end = Math.min(words.length, first + maxWords);
        List<Part> parts = new ArrayList<>();
        if (first > 0) {
            parts.add(new Part("… ", false));
        }
        StringBuilder plain = new StringBuilder();
        for (int i = first; i < end; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            if (matches.test(bare(w))) {
                if (!plain.isEmpty()) {
                    parts.add(new Part(plain.toString(), false));
                    plain.setLength(0);
                }
                parts.add(new Part(w, true));
                plain.append(' ');
            } else {
                plain.append(w).append(' ');
            }
        }
        String rest = plain.toString().stripTrailing();
        if (end < words.length) {
            rest = rest + " …";
        }
        if (!rest.isEmpty()) {
            parts.add(new Part(rest, false));
        }
        return parts;
    }

    /** The word without the punctuation around it. */
    private static String bare(String word) {
        return word.replaceAll("^[\\p{Punct}«»،؛؟]+|[\\p{Punct}«»،؛؟]+$", "");
    }
}
