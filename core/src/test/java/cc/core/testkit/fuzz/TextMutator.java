package cc.core.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates line-structured text (AMI frames, agi_ environments, YAML, CSV) the ways a broken peer, a truncated file
 * or a hostile user would: flipped bytes, truncation, duplicated and removed lines (headers), huge values, unicode
 * (zero-width, right-to-left, astral, lone surrogates, NUL), CR/LF games, numbers out of range, lines spliced from
 * other samples. Each call applies one to four mutations chosen by the caller's {@link Random}, so the seed alone
 * decides the result.
 */
public final class TextMutator {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String[] NUMBERS = {"0", "-1", "-0", "2147483648", "-2147483649", "9223372036854775808",
            "99999999999999999999999999", "1e309", "NaN", "0x1F", "1_000", "", " 7 ", "٣", "3.0000000000000001"};
    private static final String[] UNICODE = {"\u0000", "\u200B", "\u202E", "\uFEFF", "\uD83D\uDE00", "\uD800",
            "\uDFFF", "é", "中文", "\u0085", "\u2028", "\t", "\u001B[31m", "<script>", "'", "\"", "\\", "${X}", "%s%n"};

    private final List<String> corpus;

    /** {@code corpus}: real samples; splicing mutations take lines from them. */
    public TextMutator(List<String> corpus) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("an empty corpus");
        }
        this.corpus = List.copyOf(corpus);
    }

    /** A random sample of the corpus, mutated one to four times. */
    public String next(Random r) {
        return mutate(r, corpus.get(r.nextInt(corpus.size())));
    }

    public String mutate(Random r, String sample) {
        String s = sample;
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            s = once(r, s);
        }
        return s;
    }

    /** The mutated text as bytes; one time in eight with raw bytes that are not UTF-8 at all. */
    public byte[] nextBytes(Random r) {
        byte[] b = next(r).getBytes(StandardCharsets.UTF_8);
        if (b.length > 0 && r.nextInt(8) == 0) {
            b = Arrays.copyOf(b, b.length);
            int flips = 1 + r.nextInt(4);
            for (int i = 0; i < flips; i++) {
                b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
            }
        }
        return b;
    }

    private String once(Random r, String s) {
        String eol = s.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(s.split(eol, -1)));
        int at = lines.isEmpty() ? 0 : r.nextInt(lines.size());
        switch (r.nextInt(14)) {
            case 0: // byte flip
                return s.isEmpty() ? s : flip(r, s);
            case 1: // truncation
                return s.isEmpty() ? s : s.substring(0, r.nextInt(s.length()));
            case 2: // a line (header) twice
                lines.add(at, lines.get(at));
                break;
            case 3: // a line (header) removed
                lines.remove(at);
                break;
            case 4: // a huge value
                lines.set(at, lines.get(at) + "x".repeat(1 + r.nextInt(r.nextBoolean() ? 200 : 20_000)));
                break;
            case 5: // unicode anywhere
                return insert(r, s, UNICODE[r.nextInt(UNICODE.length)]);
            case 6: // CR/LF games
                return crlf(r, s, eol);
            case 7: // a number out of range
                return number(r, s);
            case 8: // a line from another sample
                List<String> other = Arrays.asList(corpus.get(r.nextInt(corpus.size())).split("\r?\n", -1));
                lines.add(at, other.get(r.nextInt(other.size())));
                break;
            case 9: // two lines swapped
                java.util.Collections.swap(lines, at, r.nextInt(lines.size()));
                break;
            case 10: // the value after the first separator emptied or the separator removed
                lines.set(at, separator(r, lines.get(at)));
                break;
            case 11: // a block of lines duplicated (a frame or a step twice)
                int to = Math.min(lines.size(), at + 1 + r.nextInt(12));
                lines.addAll(to, new ArrayList<>(lines.subList(at, to)));
                break;
            case 12: // indentation or spacing changed (YAML structure, header padding)
                lines.set(at, r.nextBoolean() ? "  " + lines.get(at) : lines.get(at).stripLeading());
                break;
            default: // nothing at all, or only whitespace
                return r.nextBoolean() ? "" : " \t" + eol;
        }
        return String.join(eol, lines);
    }

    private static String flip(Random r, String s) {
        char[] c = s.toCharArray();
        int flips = 1 + r.nextInt(3);
        for (int i = 0; i < flips; i++) {
            c[r.nextInt(c.length)] = (char) r.nextInt(r.nextBoolean() ? 0x80 : 0x100);
        }
        return new String(c);
    }

    private static String insert(Random r, String s, String what) {
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String crlf(Random r, String s, String eol) {
        switch (r.nextInt(5)) {
            case 0:
                return s.replace("\r\n", "\n");
            case 1:
                return s.replace(eol, "\r");
            case 2:
                return insert(r, s, "\r");
            case 3:
                return insert(r, s, eol);
            default:
                return s.replace(eol + eol, eol);
        }
    }

    private static String number(Random r, String s) {
        Matcher m = NUMBER.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        String n = NUMBERS[r.nextInt(NUMBERS.length)];
        if (spans.isEmpty()) {
            return insert(r, s, n);
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        return s.substring(0, span[0]) + n + s.substring(span[1]);
    }

    private static String separator(Random r, String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return line + ":";
        }
        return r.nextBoolean() ? line.substring(0, colon + 1) : line.substring(0, colon) + line.substring(colon + 1);
    }
}
