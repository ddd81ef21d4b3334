package cc.console.domain.playback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of a file a request's {@code Range} header asks for (RFC 9110 section 14), as the browser's audio
 * element sends them to seek: the whole file, one part, or nothing the file has.
 *
 * <p>Only single byte ranges are served; a header this server does not understand (another unit, several ranges,
 * bad syntax) is ignored and the whole file sent, as the RFC allows.
 */
public sealed interface ByteRange {

    /** No usable range: send the whole file (200). */
    record Whole() implements ByteRange {}

    /** Bytes {@code first} to {@code last}, both included (206). */
    record Part(long first, long last) implements ByteRange {
        public long length() {
            return last - first + 1;
        }
    }

    /** A range the file cannot satisfy, such as a start past its end (416). */
    record Unsatisfiable() implements ByteRange {}

    Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)-(\\d*)\\s*");
    /** Longer numbers than any file we hold: treated as bad syntax rather than overflowing. */
    int MAX_DIGITS = 18;

    /** What {@code header} asks of a file of {@code size} bytes; a null or blank header is the whole file. */
    static ByteRange parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || m.group(1).length() > MAX_DIGITS || m.group(2).length() > MAX_DIGITS) {
            return new Whole();
        }
        String from = m.group(1);
        String to = m.group(2);
        if (from.isEmpty()) {
            if (to.isEmpty()) {
                return new Whole();
            }
            long suffix = Long.parseLong(to);
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(Math.max(0, size - suffix), size - 1);
        }
        long first = Long.parseLong(from);
        if (!to.isEmpty() && Long.parseLong(to) < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = to.isEmpty() ? size - 1 : Long.parseLong(to);
        return new Part(first, Math.min(last, size - 1));
    }

    /** Whether this request starts a listening (the whole file, or a range from the first byte), for the audit trail. */
    default boolean startsAtBeginning() {
        return !(this instanceof Part p) || p.first() == 0;
    }
}
